import { fiscalYearBounds, fiscalYearOf, parseIsoDate } from '@/lib/fiscal-year';
import { normalizeHeader } from './fields';
import { ALLOCATION_STATUSES, type AllocationStatus, type RecipientType } from './types';

/** Cell text → typed value, one function per kind of cell, each failing with a reason a budget officer can act on. */

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The database refuses fiscal years outside this range; refusing them here names the row. */
export const FISCAL_YEAR_FLOOR = 2000;
export const FISCAL_YEAR_CEILING = 2100;

/**
 * A fiscal year is the calendar year it ENDS in. Accepted: "2026", "FY2026", "FY 2026", "FY26", a span like
 * "2025-26" or "FY 2025/2026" (the later year), and a date (an Excel date cell arrives as YYYY-MM-DD), which is
 * placed in its fiscal year with the locality's start month.
 */
export function parseFiscalYear(
  text: string,
  fyStartMonth: number,
  allowed?: { min: number; max: number },
): Parsed<number> {
  const raw = text.trim();
  const year = readFiscalYear(raw, fyStartMonth);
  if (!year.ok) return year;
  const min = Math.max(FISCAL_YEAR_FLOOR, allowed?.min ?? FISCAL_YEAR_FLOOR);
  const max = Math.min(FISCAL_YEAR_CEILING, allowed?.max ?? FISCAL_YEAR_CEILING);
  if (year.value < min || year.value > max) {
    return { ok: false, reason: `fiscal year ${year.value} is outside the allowed range ${min}–${max}` };
  }
  return year;
}

function readFiscalYear(raw: string, fyStartMonth: number): Parsed<number> {
  const notAYear = {
    ok: false as const,
    reason: `"${raw}" is not a fiscal year; write the 4-digit year the fiscal year ends in, like 2026`,
  };
  // A date, possibly with a time after it ("2025-03-15T00:00:00", "2025-03-15 00:00").
  const date = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$/.exec(raw);
  if (date) {
    const iso = date[1] ?? '';
    if (!parseIsoDate(iso)) return { ok: false, reason: `"${raw}" is not a valid date` };
    return { ok: true, value: fiscalYearOf(iso, fyStartMonth) };
  }
  const single = /^(?:FY\s*)?(\d{4})$/i.exec(raw);
  if (single) return { ok: true, value: Number(single[1]) };
  const short = /^FY\s*'?(\d{2})$/i.exec(raw);
  if (short) return { ok: true, value: 2000 + Number(short[1]) };

  const span = /^(?:FY\s*)?(\d{4})\s*[-–—/]\s*(\d{2}|\d{4})$/i.exec(raw);
  if (span) {
    const first = Number(span[1]);
    const secondText = span[2] ?? '';
    const second = secondText.length === 2 ? Math.floor(first / 100) * 100 + Number(secondText) : Number(secondText);
    const end = second < first ? second + 100 : second; // "1999-00"
    if (end !== first + 1) return { ok: false, reason: `"${raw}" does not span two consecutive years` };
    // With a January start a fiscal year is a calendar year; "2025-26" would name two of them.
    if (fyStartMonth === 1) {
      return {
        ok: false,
        reason: `"${raw}" spans two years but this locality's fiscal year is the calendar year; write one year`,
      };
    }
    return { ok: true, value: end };
  }
  return notAYear;
}

/** The fiscal years a line covers: one (`last` = `first`) or a multi-year authorization. */
export interface FiscalPeriod {
  first: number;
  last: number;
}

export const MAX_PERIOD_YEARS = 20;

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december',
];

// "through", "thru", "to", or a dash of any width between the two ends of a period.
const PERIOD_SEPARATOR = /\s*(?:\bthrough\b|\bthru\b|\bto\b|[-–—])\s*/i;

/**
 * A fiscal-year cell that may name a period of several fiscal years, as spending authorizations do: "July 1, 2024
 * through June 30, 2029", "7/1/2024 - 6/30/2029", "FY2025–FY2029", "FY25-FY29", "2024-2029". Two four-digit years
 * one apart ("2024-25", "2024-2025") stay ONE fiscal year, as they always have. A period of dates must start on the
 * first day of a fiscal year and end on the last day of one (with the locality's start month): a period that cuts a
 * fiscal year in two cannot be one line of whole fiscal years, and guessing would count money in the wrong year.
 */
export function parseFiscalPeriod(
  text: string,
  fyStartMonth: number,
  allowed?: { min: number; max: number },
): Parsed<FiscalPeriod> {
  const raw = text.trim();
  const period = readPeriod(raw, fyStartMonth);
  if (period === null) {
    const single = parseFiscalYear(raw, fyStartMonth, allowed);
    return single.ok ? { ok: true, value: { first: single.value, last: single.value } } : single;
  }
  if (!period.ok) return period;
  const { first, last } = period.value;
  if (last < first) return { ok: false, reason: `"${raw}" ends before it begins` };
  // The database keeps a line to at most 20 years after its first; a longer span is a typo, not an authorization.
  if (last - first > MAX_PERIOD_YEARS) {
    return { ok: false, reason: `"${raw}" covers ${last - first + 1} fiscal years; a line covers at most ${MAX_PERIOD_YEARS + 1}` };
  }
  for (const year of [first, last]) {
    const checked = parseFiscalYear(String(year), fyStartMonth, allowed);
    if (!checked.ok) return checked;
  }
  return period;
}

/** null when the text is not a period at all (a single year or date, left to parseFiscalYear). */
function readPeriod(raw: string, fyStartMonth: number): Parsed<FiscalPeriod> | null {
  const ends = raw.split(PERIOD_SEPARATOR);
  if (ends.length !== 2) return null;
  const [startText = '', endText = ''] = ends;

  const start = readDate(startText);
  const end = readDate(endText);
  if (start !== null || end !== null) {
    if (start === null || end === null) return { ok: false, reason: `"${raw}" is not a period of two dates` };
    if (!start.ok) return start;
    if (!end.ok) return end;
    const first = fiscalYearOf(start.value, fyStartMonth);
    const last = fiscalYearOf(end.value, fyStartMonth);
    const firstBounds = fiscalYearBounds(first, fyStartMonth);
    const lastBounds = fiscalYearBounds(last, fyStartMonth);
    if (start.value !== firstBounds.start || end.value !== lastBounds.end) {
      return {
        ok: false,
        reason:
          `"${raw}" does not start and end on fiscal-year boundaries (this locality's fiscal years run ` +
          `${firstBounds.start.slice(5)} to ${firstBounds.end.slice(5)}); one line covers whole fiscal years`,
      };
    }
    return { ok: true, value: { first, last } };
  }

  const fy = (part: string): number | null => {
    const long = /^FY\s*'?(\d{4})$/i.exec(part);
    if (long) return Number(long[1]);
    const short = /^FY\s*'?(\d{2})$/i.exec(part);
    return short ? 2000 + Number(short[1]) : null;
  };
  const firstFy = fy(startText);
  if (firstFy !== null) {
    const lastFy = fy(endText) ?? (/^\d{4}$/.test(endText) ? Number(endText) : null);
    const lastShort = /^\d{2}$/.test(endText) ? Math.floor(firstFy / 100) * 100 + Number(endText) : null;
    const last = lastFy ?? lastShort;
    if (last === null) return { ok: false, reason: `"${raw}" is not a period of fiscal years, like FY2025–FY2029` };
    // "FY2025-26" and "FY 2025/2026" are one fiscal year, read as before; "FY2025–FY2029" is a period.
    if (fy(endText) === null && last === firstFy + 1) return null;
    return { ok: true, value: { first: firstFy, last } };
  }

  const years = /^(\d{4})$/.exec(startText) && /^(\d{4})$/.exec(endText);
  if (years) {
    const a = Number(startText);
    const b = Number(endText);
    // "2024-2025" is the one fiscal year 2024-25, as before; "2024-2029" runs from the fiscal year that begins in
    // 2024 (FY2025 with a July start; the calendar year 2024 with a January start) to the one that ends in 2029.
    if (b === a + 1) return null;
    return { ok: true, value: { first: fyStartMonth === 1 ? a : a + 1, last: b } };
  }
  return null;
}

/** "July 1, 2024", "Jul 1 2024", "7/1/2024", "2024-07-01" → ISO; null when the text is not a date. */
function readDate(text: string): Parsed<string> | null {
  const part = text.trim().replace(/\.$/, '');
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(part);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(part);
  const named = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(part);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (us) [year, month, day] = [Number(us[3]), Number(us[1]), Number(us[2])];
  else if (named) {
    const name = (named[1] ?? '').toLowerCase();
    const index = name.length >= 3 ? MONTHS.findIndex((candidate) => candidate.startsWith(name)) : -1;
    if (index < 0) return null;
    [year, month, day] = [Number(named[3]), index + 1, Number(named[2])];
  } else return null;
  const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseIsoDate(value) ? { ok: true, value } : { ok: false, reason: `"${part}" is not a valid date` };
}

// Friendly labels for each recipient type, normalized as headers are (letters and digits, lower case).
const RECIPIENT_TYPE_LABELS: Record<RecipientType, readonly string[]> = {
  government_department: [
    'governmentdepartment', 'government', 'governmentagency', 'publicagency', 'countydepartment', 'citydepartment',
    'department', 'localgovernment', 'healthdepartment', 'publichealthdepartment', 'gov', 'govt',
  ],
  law_enforcement: [
    'lawenforcement', 'lawenforcementagency', 'police', 'policedepartment', 'sheriff', 'sheriffsoffice',
    'sheriffoffice',
  ],
  courts_corrections: [
    'courtscorrections', 'courtsandcorrections', 'courtsorcorrections', 'courts', 'court', 'corrections', 'jail',
    'detention', 'probation', 'parole', 'drugcourt',
  ],
  health_care_provider: [
    'healthcareprovider', 'healthcare', 'healthprovider', 'medicalprovider', 'hospital', 'clinic', 'healthsystem',
    'treatmentprovider', 'fqhc',
  ],
  community_based_organization: [
    'communitybasedorganization', 'communitybasedorganisation', 'communityorganization', 'communitybasedorg', 'cbo',
    'nonprofit', 'nonprofitorganization', 'notforprofit', 'ngo',
  ],
  faith_based_organization: [
    'faithbasedorganization', 'faithbasedorganisation', 'faithbased', 'faithorganization', 'fbo', 'church',
    'religiousorganization',
  ],
  school_or_university: [
    'schooloruniversity', 'schoolanduniversity', 'school', 'schools', 'schooldistrict', 'university', 'college',
    'universityorcollege',
  ],
  private_vendor: [
    'privatevendor', 'vendor', 'contractor', 'privatecompany', 'company', 'business', 'forprofit', 'consultant',
  ],
  other: ['other'],
};

const RECIPIENT_TYPE_INDEX: ReadonlyMap<string, RecipientType> = new Map(
  (Object.entries(RECIPIENT_TYPE_LABELS) as [RecipientType, readonly string[]][]).flatMap(([type, labels]) =>
    labels.map((label) => [label, type] as const),
  ),
);

/** "Community-based organization", "CBO", "Community-based organization (CBO)" and the enum value itself. */
export function parseRecipientType(text: string): Parsed<RecipientType> {
  const raw = text.trim();
  const withoutParenthetical = raw.replace(/\([^)]*\)/g, ' ');
  const inParentheses = /\(([^)]*)\)/.exec(raw)?.[1] ?? '';
  for (const candidate of [raw, withoutParenthetical, inParentheses]) {
    const type = RECIPIENT_TYPE_INDEX.get(normalizeHeader(candidate));
    if (type) return { ok: true, value: type };
  }
  return {
    ok: false,
    reason:
      `unknown recipient type "${raw}"; use one of: government department, law enforcement, courts/corrections, ` +
      'health-care provider, community-based organization, faith-based organization, school or university, ' +
      'private vendor, other',
  };
}

export function parseStatus(text: string): Parsed<AllocationStatus> {
  const raw = text.trim();
  const status = ALLOCATION_STATUSES.find((candidate) => candidate === raw.toLowerCase());
  if (status) return { ok: true, value: status };
  return { ok: false, reason: `unknown status "${raw}"; use draft, submitted, approved or returned` };
}

/**
 * A category cell: one name or key ("moud", "Naloxone distribution and training"), or several with percentages,
 * "moud:60;housing:40" (also "moud 60%" and "moud (60%)"). The share is taken after the LAST colon so names that
 * contain one ("Schedule A: Naloxone") still work. Shares have at most two decimals and become basis points by
 * string arithmetic: "12.5" → 1250.
 */
export function parseCategoryShares(text: string): Parsed<{ name: string; shareBasisPoints: number }[]> {
  const parts = text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return { ok: false, reason: 'category is missing' };

  const shares: { name: string; share: string | null }[] = parts.map((part) => {
    const match =
      /^(.*\S)\s*:\s*(\d+(?:\.\d*)?)\s*%?$/.exec(part) ??
      /^(.*\S)\s+\(?\s*(\d+(?:\.\d*)?)\s*%\s*\)?$/.exec(part);
    return match ? { name: (match[1] ?? '').trim(), share: match[2] ?? '' } : { name: part, share: null };
  });

  if (shares.length === 1 && shares[0]?.share === null) {
    return { ok: true, value: [{ name: shares[0].name, shareBasisPoints: 10_000 }] };
  }
  const result: { name: string; shareBasisPoints: number }[] = [];
  for (const { name, share } of shares) {
    if (share === null) {
      return {
        ok: false,
        reason:
          `category "${name}" has no percentage; ` +
          'with several categories write each as name:percent, like moud:60;housing:40',
      };
    }
    const basisPoints = percentToBasisPoints(share);
    if (basisPoints === null) return { ok: false, reason: `category share "${share}" has more than two decimals` };
    if (basisPoints === 0) return { ok: false, reason: `category "${name}" has a share of 0%` };
    result.push({ name, shareBasisPoints: basisPoints });
  }
  const total = result.reduce((sum, part) => sum + part.shareBasisPoints, 0);
  if (total !== 10_000) {
    return { ok: false, reason: `category shares add up to ${formatBasisPoints(total)}%, not 100%` };
  }
  return { ok: true, value: result };
}

/** "60" → 6000, "12.5" → 1250, "0.25" → 25; null for more than two decimals. Digits only, no float. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return null;
  return Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 9000 → "90", 9050 → "90.5", 9055 → "90.55". */
export function formatBasisPoints(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const fraction = String(basisPoints % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}
