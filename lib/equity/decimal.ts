/**
 * Exact arithmetic for equity measures. Every actual value is a fraction of two bigints that come out of SQL
 * aggregates; it is rounded once, half away from zero (half up for the positive values measures normally have),
 * into the unit its target is stored in: basis points for shares and parity, cents for dollars. No float is ever
 * involved, so "27.41" is the same on every server and agrees with the public pages to the last digit.
 */
import { divideRoundHalfUp } from '@/lib/money/round';

export { divideRoundHalfUp };

/** A value num ÷ den in target units (basis points or cents). `den` is always positive. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export function fraction(num: bigint, den: bigint): Fraction {
  if (den === 0n) throw new RangeError('a fraction cannot have a zero denominator');
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

export function roundFraction(value: Fraction): bigint {
  return divideRoundHalfUp(value.num, value.den);
}

/** An integer count of 10^-places units as a fixed-point decimal: (2741n, 2) → "27.41", (-5n, 2) → "-0.05". */
export function toFixedDecimal(units: bigint, places: number): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  if (places === 0) return `${negative ? '-' : ''}${abs}`;
  const scale = 10n ** BigInt(places);
  const whole = abs / scale;
  const fractionDigits = (abs % scale).toString().padStart(places, '0');
  return `${negative ? '-' : ''}${whole}.${fractionDigits}`;
}

/**
 * part ÷ total as a percentage with two decimals ("27.41"), rounded once; null when the total is unknown or not
 * above zero (a share of nothing is not 0%).
 */
export function percentOfTotal(part: bigint, total: bigint | null): string | null {
  return total === null || total <= 0n ? null : toFixedDecimal(roundFraction(fraction(part * 10_000n, total)), 2);
}

/** Like `toFixedDecimal` without trailing zeros: (8000n, 4) → "0.8", (10000n, 4) → "1". For sentences. */
export function toTrimmedDecimal(units: bigint, places: number): string {
  const text = toFixedDecimal(units, places);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/**
 * Parses a decimal typed by a person ("25", "33.33", "0.8", "1,234.5") into integer units of 10^-places, exactly.
 * Returns null for anything that is not a plain non-negative decimal with at most `places` decimals.
 */
export function parseDecimalUnits(text: string, places: number): bigint | null {
  const trimmed = text.trim().replace(/,/g, '');
  const match = /^(\d{1,15})(?:\.(\d*))?$/.exec(trimmed) ?? /^()\.(\d+)$/.exec(trimmed);
  if (!match) return null;
  const whole = match[1] === '' ? '0' : (match[1] ?? '0');
  const decimals = match[2] ?? '';
  if (decimals.length > places) return null;
  return BigInt(whole) * 10n ** BigInt(places) + BigInt(decimals.padEnd(places, '0') || '0');
}
