/**
 * Money per resident and per overdose death, with integer arithmetic only: cents ÷ count, rounded half away from
 * zero to the cent. A missing or zero count gives null ("not enough data"), never a division by zero.
 */
export function centsPer(cents: bigint, count: number | bigint | null | undefined): bigint | null {
  if (count === null || count === undefined) return null;
  const divisor = typeof count === 'bigint' ? count : Number.isSafeInteger(count) ? BigInt(count) : null;
  if (divisor === null || divisor <= 0n) return null;
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const rounded = (abs * 2n + divisor) / (2n * divisor);
  return negative ? -rounded : rounded;
}
