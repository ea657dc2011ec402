/**
 * Turning the values an XLSX cell holds (IEEE doubles, serial day numbers, JS Dates) into the text a person sees,
 * so that everything downstream parses text exactly as it parses a CSV. No amount is ever computed on as a float:
 * a number becomes a decimal string here and parseMoney reads that string.
 */

/**
 * Decimal text of a cell's number, the way Excel shows it at full precision.
 *
 * Excel keeps 15 significant digits, so a computed 1234.5599999999999 is shown (and meant) as 1234.56, and
 * 0.1 + 0.2 as 0.3: reading the double through `toPrecision(15)` and trimming zeros removes binary artifacts
 * without inventing digits. We do NOT blindly round to 2 decimals: a typed 12.345 stays "12.345" so parseMoney
 * refuses it with a reason, instead of the import quietly changing an amount. The one exception is a cell whose
 * number format shows exactly two decimals (currency, accounting, "0.00"): the person sees cents there and a
 * sub-cent tail is a formula artifact (=B2*0.15), so the text is rounded half away from zero to 2 places, on the
 * digit string, as the display does.
 */
export function excelNumberText(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return String(value);
  let text = Math.abs(value) < 1e15 ? value.toPrecision(15) : String(value);
  // toPrecision switches to exponent form below 1e-6; toFixed(20) spells such residue out in plain digits.
  if (/e/i.test(text) && Math.abs(value) < 1) text = value.toFixed(20);
  text = trimZeros(text);
  if (formatDecimals(numFmt) === 2) text = trimZeros(roundDecimalText(text, 2));
  return text === '-0' ? '0' : text;
}

/** Round a plain decimal string ("-1234.565") half away from zero to `places` decimals, with integer arithmetic. */
export function roundDecimalText(text: string, places: number): string {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '0', fraction = ''] = match;
  if (fraction.length <= places) return text;
  const kept = BigInt(whole + fraction.slice(0, places)) + (fraction.charCodeAt(places) >= 53 /* '5' */ ? 1n : 0n);
  const digits = kept.toString().padStart(places + 1, '0');
  const rounded = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return kept === 0n ? rounded : `${sign}${rounded}`;
}

function trimZeros(text: string): string {
  if (!text.includes('.') || /e/i.test(text)) return text;
  return text.replace(/\.?0+$/, '');
}

/**
 * How many decimals a number format shows in its positive section, or null when it is not a plain decimal format
 * (percent, scientific, fractions, text): "#,##0.00" → 2, "$#,##0.00_);($#,##0.00)" → 2, "0" → 0, "General" → null.
 */
export function formatDecimals(numFmt: string | undefined): number | null {
  if (!numFmt || /^general$/i.test(numFmt.trim())) return null;
  const section = stripFormatLiterals(numFmt).split(';')[0] ?? '';
  if (/[%eE/?]/.test(section) || !/[0#]/.test(section)) return null;
  const decimals = /\.([0#]*)/.exec(section);
  return decimals ? (decimals[1] ?? '').length : 0;
}

/** True for formats that display a date or time (same rule Excel and exceljs use: y, m, d, h, s outside literals). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhs]/i.test(stripFormatLiterals(numFmt).replace(/general/gi, ''));
}

/** Remove quoted text, [colour]/[$-locale] blocks and escaped (\x), padded (_x) and repeated (*x) characters. */
function stripFormatLiterals(numFmt: string): string {
  return numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/[\\_*]./g, '');
}

/**
 * ISO date of an Excel serial day number. Day 0 is 1899-12-30 in the 1900 date system (Excel counts a 29 February
 * 1900 that never was, and choosing the 30th makes every serial from 61 — 1 March 1900 — come out right) and
 * 1904-01-01 in the 1904 system of old Mac workbooks. The time of day (the fraction) is dropped. Integer arithmetic
 * only: no Date and no time zone can move the day.
 */
export function excelSerialToIsoDate(serial: number, date1904 = false): string {
  let days = Math.floor(serial);
  // Serials 1–59 (January and February 1900) sit before Excel's phantom leap day, so they are one day later.
  if (!date1904 && days < 60) days += 1;
  const daysSinceUnixEpoch = days + (date1904 ? -24107 : -25569);
  return civilFromDays(daysSinceUnixEpoch);
}

/** ISO date of the Date exceljs builds for a date cell. exceljs builds it from the serial in UTC, so read UTC. */
export function excelDateToIsoDate(date: Date): string {
  const year = date.getUTCFullYear();
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${month}-${day}`;
}

/** Howard Hinnant's days → (year, month, day) for the proleptic Gregorian calendar, in integers. */
function civilFromDays(daysSinceEpoch: number): string {
  const z = daysSinceEpoch + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
