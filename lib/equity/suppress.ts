/**
 * Small counts of people are never shown in public: a count of 1 to 10 could identify someone (a handful of deaths
 * in one group, three people served by one program). Zero is shown; so is anything from 11 up.
 */
export const SMALL_COUNT_TEXT = 'fewer than 11';

export function isSmallCount(n: number | bigint): boolean {
  const value = typeof n === 'bigint' ? n : BigInt(Math.trunc(n));
  return value >= 1n && value <= 10n;
}

/** "fewer than 11" for 1..10; the count itself (as text) otherwise. */
export function suppressSmallCount(n: number | bigint | string): string {
  const value = typeof n === 'string' ? BigInt(n) : n;
  return isSmallCount(value) ? SMALL_COUNT_TEXT : value.toString();
}
