/**
 * Writing cents for people and for machines, with bigint arithmetic only.
 *
 * `Intl.NumberFormat` is not used for amounts: given a bigint it formats whole units, so cents would have to be
 * divided by 100 as a float first, which is exactly the rounding error this module exists to avoid. It is asked only
 * for a locale's symbols (grouping and decimal marks, where "$" goes), never to format an amount.
 */
import { DEFAULT_LOCALE, FORMAT_LOCALE, type Locale } from '../i18n/locales';
import { divideRoundHalfUp } from './round';

export interface FormatCentsOptions {
  /** Show the two cents digits (default). When false, round half away from zero to whole dollars. */
  showCents?: boolean;
  /** Write negatives as "($1,234.56)" instead of "-$1,234.56", as finance reports do. */
  accounting?: boolean;
  /** The reader's language (default English); lib/i18n/locales.ts names the Intl locale it writes in. */
  locale?: Locale;
}

interface NumberSymbols {
  group: string;
  decimal: string;
  percentSign: string;
  /** Text before and after the digits of a positive dollar amount: "$" and "" in en-US and es-US. */
  currencyBefore: string;
  currencyAfter: string;
}

const symbolsByLocale = new Map<Locale, NumberSymbols>();

/** The locale's marks, read once from Intl's parts of a sample number (the sample is never shown). */
function symbols(locale: Locale): NumberSymbols {
  let found = symbolsByLocale.get(locale);
  if (found) return found;
  const intlLocale = FORMAT_LOCALE[locale];
  const parts = new Intl.NumberFormat(intlLocale, { style: 'currency', currency: 'USD' }).formatToParts(1234567.5);
  const value = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const firstDigit = parts.findIndex((part) => part.type === 'integer');
  const lastDigit = lastIndexOf(parts, 'fraction');
  const join = (from: number, to: number) => parts.slice(from, to).map((part) => part.value).join('');
  const percent = new Intl.NumberFormat(intlLocale, { style: 'percent' }).formatToParts(0.5);
  found = {
    group: value('group'),
    decimal: value('decimal'),
    currencyBefore: join(0, firstDigit),
    currencyAfter: join(lastDigit + 1, parts.length),
    percentSign: percent.slice(lastIndexOf(percent, 'integer') + 1).map((part) => part.value).join(''),
  };
  symbolsByLocale.set(locale, found);
  return found;
}

function lastIndexOf(parts: readonly Intl.NumberFormatPart[], type: Intl.NumberFormatPartTypes): number {
  for (let index = parts.length - 1; index >= 0; index -= 1) if (parts[index]!.type === type) return index;
  return -1;
}

/** "$1,234.56", "-$1,234.56" or "($1,234.56)"; "$1,235" without cents. `parseMoney` reads every form back. */
export function formatCents(cents: bigint, opts: FormatCentsOptions = {}): string {
  const { showCents = true, accounting = false, locale = DEFAULT_LOCALE } = opts;
  const marks = symbols(locale);
  const abs = absolute(cents);
  let body: string;
  let isZero: boolean;
  if (showCents) {
    body = `${marks.currencyBefore}${groupThousands((abs / 100n).toString(), marks.group)}${marks.decimal}${pad2(abs % 100n)}${marks.currencyAfter}`;
    isZero = abs === 0n;
  } else {
    const dollars = divideRoundHalfUp(abs, 100n);
    body = `${marks.currencyBefore}${groupThousands(dollars.toString(), marks.group)}${marks.currencyAfter}`;
    // -$0.40 rounds to "$0", not "-$0".
    isZero = dollars === 0n;
  }
  if (cents >= 0n || isZero) return body;
  return accounting ? `(${body})` : `-${body}`;
}

/**
 * "1234.56", "-0.05", "0.00": the exact decimal for the public API and CSV downloads. No grouping and no "$" so
 * that every spreadsheet and JSON consumer reads it; consumers that care about exactness parse it as a decimal.
 */
export function centsToDecimalString(cents: bigint): string {
  const abs = absolute(cents);
  return `${cents < 0n ? '-' : ''}${(abs / 100n).toString()}.${pad2(abs % 100n)}`;
}

// Compact units, smallest first; amounts past the last one stay in it ("$1,234.5T"). `cents` is cents per unit.
const COMPACT_UNITS: readonly { suffix: string; cents: bigint }[] = [
  { suffix: 'K', cents: 100_000n },
  { suffix: 'M', cents: 100_000_000n },
  { suffix: 'B', cents: 100_000_000_000n },
];
const LARGEST_COMPACT_UNIT = { suffix: 'T', cents: 100_000_000_000_000n };

/**
 * Short labels for chart axes: "$950", "$350K", "$1.2M", "$12.3B", "$90T".
 *
 * Below $1,000 the amount is rounded to whole dollars; above, to one decimal of the largest unit that keeps the
 * number under 1,000, dropping a ".0". Rounding is half away from zero (so $1,250,000 is "$1.3M" and -$1,250,000
 * is "-$1.3M"), done on bigints. A value that rounds up into the next unit moves there: $999,960 is "$1M", not
 * "$1000K". Labels are approximate by design; tooltips and tables use `formatCents`.
 */
export function formatCentsCompact(cents: bigint): string {
  const text = compactLabel(absolute(cents));
  return cents < 0n && text !== '$0' ? `-${text}` : text;
}

function compactLabel(abs: bigint): string {
  const dollars = divideRoundHalfUp(abs, 100n);
  if (dollars < 1000n) return `$${dollars.toString()}`;
  for (const unit of COMPACT_UNITS) {
    const tenths = divideRoundHalfUp(abs * 10n, unit.cents);
    if (tenths < 10_000n) return tenthsLabel(tenths, unit.suffix);
  }
  return tenthsLabel(divideRoundHalfUp(abs * 10n, LARGEST_COMPACT_UNIT.cents), LARGEST_COMPACT_UNIT.suffix);
}

/** 12n, "M" → "$1.2M"; 10n, "M" → "$1M". */
function tenthsLabel(tenths: bigint, suffix: string): string {
  const decimal = tenths % 10n;
  return `$${groupThousands((tenths / 10n).toString())}${decimal === 0n ? '' : `.${decimal.toString()}`}${suffix}`;
}

/**
 * A share in basis points (hundredths of a percent, an integer) as a percentage: 2500 → "25%", 3333 → "33.33%",
 * 50 → "0.5%". Exact: no rounding ever happens because two decimals of a percent are exactly one basis point.
 */
export function formatPercentFromBasisPoints(bp: bigint | number, locale: Locale = DEFAULT_LOCALE): string {
  if (typeof bp === 'number' && !Number.isSafeInteger(bp)) {
    throw new RangeError(`basis points must be an integer, got ${bp}`);
  }
  const value = BigInt(bp);
  const abs = absolute(value);
  const marks = symbols(locale);
  const fraction = pad2(abs % 100n).replace(/0+$/, '');
  return `${value < 0n ? '-' : ''}${groupThousands((abs / 100n).toString(), marks.group)}${fraction === '' ? '' : `${marks.decimal}${fraction}`}${marks.percentSign}`;
}

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function pad2(value: bigint): string {
  return value.toString().padStart(2, '0');
}

/** "1234567" → "1,234,567". Works on the digit string so it is exact for any length. */
function groupThousands(digits: string, separator = ','): string {
  const firstGroup = digits.length % 3 || 3;
  const groups = [digits.slice(0, firstGroup)];
  for (let i = firstGroup; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(separator);
}
