/**
 * Percentages as people type them ("60", "33.33", "12.5%") ↔ basis points (hundredths of a percent, 10000 = 100%).
 * String arithmetic only: 33.33 * 100 in floating point is 3332.9999999999995, which would round the wrong way.
 */

const PERCENT = /^(\d{1,3})(?:\.(\d{0,2}))?$/;

/** Basis points for a percentage with at most two decimals, or null when the text is not one. */
export function percentToBasisPoints(text: string): number | null {
  const trimmed = text.trim().replace(/\s*%$/, '');
  const match = PERCENT.exec(trimmed);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}

/** 6000 → "60", 3333 → "33.33", 1250 → "12.5": what a form shows for a stored share. */
export function basisPointsToPercentText(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}
