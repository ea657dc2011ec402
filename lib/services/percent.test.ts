import { describe, expect, it } from 'vitest';
import { basisPointsToPercentText, percentToBasisPoints } from './percent';

describe('percentages ↔ basis points, by string arithmetic', () => {
  it.each([
    ['60', 6000],
    ['33.33', 3333],
    ['12.5', 1250],
    ['12.', 1200],
    ['0.01', 1],
    ['100', 10000],
    [' 40 % ', 4000],
    ['40%', 4000],
    ['0', 0],
  ])('%s → %i', (text, bp) => {
    expect(percentToBasisPoints(text)).toBe(bp);
  });

  it.each(['', 'sixty', '33.333', '-5', '1e2', '1,5', '.5', '1000'])('refuses %j', (text) => {
    expect(percentToBasisPoints(text)).toBeNull();
  });

  it('writes stored shares back the way people type them', () => {
    expect([6000, 3333, 1250, 1, 10000].map(basisPointsToPercentText)).toEqual(['60', '33.33', '12.5', '0.01', '100']);
  });

  it('is exact where floating point is not (33.33 × 100 = 3332.9999…)', () => {
    for (let bp = 0; bp <= 10000; bp += 1) expect(percentToBasisPoints(basisPointsToPercentText(bp))).toBe(bp);
  });
});
