/**
 * THE rounding rule of Abate's exact arithmetic: the nearest integer, halves away from zero. Money formatting
 * (whole dollars, compact amounts, percentages) and the equity measures (lib/equity/decimal.ts) both round with it,
 * so a figure rounded on a page and in the API is the same figure.
 */

/** num ÷ den rounded to the nearest integer, halves away from zero. */
export function divideRoundHalfUp(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError('division by zero');
  const negative = num < 0n !== den < 0n && num !== 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}
