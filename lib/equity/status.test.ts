import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRoundHalfUp, fraction, parseDecimalUnits, roundFraction, toFixedDecimal, toTrimmedDecimal } from './decimal';
import { suggestedGoals } from './default-goals';
import { EQUITY_MEASURES, formatUnits, MEASURE_UNIT } from './measure-info';
import { describeThresholds, goalStatus } from './status';
import { isSmallCount, suppressSmallCount } from './suppress';

describe('exact rounding', () => {
  it.each([
    [27_405n, 10n, 2741n], // 2740.5 → 2741: half up
    [27_404n, 10n, 2740n],
    [-27_405n, 10n, -2741n], // halves away from zero, symmetrically
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [5n, 2n, 3n],
    [0n, 7n, 0n],
  ])('%s ÷ %s → %s', (num, den, expected) => {
    expect(divideRoundHalfUp(num, den)).toBe(expected);
  });

  it('is within half a unit of the exact quotient, for any fraction', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (num, den) => {
        const rounded = divideRoundHalfUp(num, den);
        const error = rounded * den - num; // in units of 1/den
        expect(2n * (error < 0n ? -error : error)).toBeLessThanOrEqual(den);
      }),
    );
  });

  it('refuses a zero denominator instead of dividing by it', () => {
    expect(() => fraction(1n, 0n)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1n, 0n)).toThrow(RangeError);
    expect(fraction(3n, -4n)).toEqual({ num: -3n, den: 4n });
    expect(roundFraction(fraction(1_703_000n * 10_000n, 2_210_001n))).toBe(7706n);
  });

  it('writes units as exact decimals and reads typed decimals back without floats', () => {
    expect(toFixedDecimal(2741n, 2)).toBe('27.41');
    expect(toFixedDecimal(-5n, 2)).toBe('-0.05');
    expect(toFixedDecimal(13_333n, 4)).toBe('1.3333');
    expect(toTrimmedDecimal(8000n, 4)).toBe('0.8');
    expect(toTrimmedDecimal(10_000n, 4)).toBe('1');
    expect(toTrimmedDecimal(2500n, 2)).toBe('25');
    expect(formatUnits(2741n, 'percent')).toBe('27.41');
    expect(formatUnits(55_250n, 'dollars')).toBe('552.50');
    expect(formatUnits(8000n, 'ratio')).toBe('0.8000');
    expect(parseDecimalUnits('33.33', 2)).toBe(3333n);
    expect(parseDecimalUnits('0.8', 4)).toBe(8000n);
    expect(parseDecimalUnits('.5', 2)).toBe(50n);
    expect(parseDecimalUnits('1,234.5', 2)).toBe(123_450n);
    expect(parseDecimalUnits('33.333', 2)).toBeNull();
    expect(parseDecimalUnits('-1', 2)).toBeNull();
    expect(parseDecimalUnits('1e3', 2)).toBeNull();
    expect(parseDecimalUnits('', 2)).toBeNull();
  });
});

describe('goalStatus', () => {
  const bp = (value: bigint) => fraction(value, 1n);

  it.each([
    ['at_least', 2500n, 500n, 2500n, 'met'],
    ['at_least', 2500n, 500n, 2499n, 'close'],
    ['at_least', 2500n, 500n, 2000n, 'close'],
    ['at_least', 2500n, 500n, 1999n, 'missed'],
    ['at_least', 2500n, 0n, 2499n, 'missed'],
    ['at_most', 0n, 0n, 0n, 'met'],
    ['at_most', 0n, 0n, 1n, 'missed'],
    ['at_most', 1000n, 200n, 1200n, 'close'],
    ['at_most', 1000n, 200n, 1201n, 'missed'],
    ['exactly', 0n, 100n, 0n, 'met'],
    ['exactly', 0n, 100n, 100n, 'close'],
    ['exactly', 5000n, 100n, 4900n, 'close'],
    ['exactly', 5000n, 100n, 5101n, 'missed'],
  ] as const)('%s %s (margin %s) with %s → %s', (comparator, target, margin, actual, expected) => {
    expect(goalStatus(comparator, target, margin, bp(actual))).toBe(expected);
  });

  it('decides on the exact fraction, not on the rounded value shown', () => {
    // $1 of police spending out of $10,000,000: shown as 0.00%, but a goal of "at most 0%" is missed.
    const tiny = fraction(100n * 10_000n, 1_000_000_000n);
    expect(roundFraction(tiny)).toBe(0n);
    expect(goalStatus('at_most', 0n, 0n, tiny)).toBe('missed');
    // 24.996% shows as 25.00% but is not yet "at least 25%".
    expect(goalStatus('at_least', 2500n, 0n, fraction(24_996n, 1000n))).toBe('missed');
  });

  it('says not enough data when there is no actual', () => {
    expect(goalStatus('at_least', 2500n, 500n, null)).toBe('not_enough_data');
  });
});

describe('describeThresholds', () => {
  it('states green and amber in plain language for each comparator and unit', () => {
    expect(describeThresholds('group_share', 'at_least', 2500n, 500n)).toEqual({
      green: 'green at 25% or more',
      amber: 'amber from 20% up to 25%; red below 20%',
    });
    expect(describeThresholds('group_share', 'at_least', 2500n, 0n).amber).toBe('no amber band: red below 25%');
    expect(describeThresholds('group_share', 'at_least', 2500n, 3000n).amber).toBe('amber below 25%; never red');
    expect(describeThresholds('category_share', 'at_most', 0n, 0n)).toEqual({
      green: 'green at 0%: none at all',
      amber: 'no amber band: red above 0%',
    });
    expect(describeThresholds('group_share', 'at_most', 1000n, 250n)).toEqual({
      green: 'green at 10% or less',
      amber: 'amber above 10% up to 12.5%; red above 12.5%',
    });
    expect(describeThresholds('completeness', 'exactly', 10_000n, 500n)).toEqual({
      green: 'green at exactly 100%',
      amber: 'amber from 95% to 105%; red further away',
    });
    expect(describeThresholds('dollars_per_resident', 'at_least', 550n, 50n)).toEqual({
      green: 'green at $5.50 per resident or more',
      amber: 'amber from $5 per resident up to $5.50 per resident; red below $5 per resident',
    });
    expect(describeThresholds('reach_parity', 'at_least', 8000n, 1000n).green).toBe('green at a ratio of 0.8 or more');
  });
});

describe('suppressSmallCount', () => {
  it('hides counts from 1 to 10 and shows zero and 11 up', () => {
    expect(suppressSmallCount(0)).toBe('0');
    expect(suppressSmallCount(1)).toBe('fewer than 11');
    expect(suppressSmallCount(10n)).toBe('fewer than 11');
    expect(suppressSmallCount('7')).toBe('fewer than 11');
    expect(suppressSmallCount(11)).toBe('11');
    expect(suppressSmallCount(12_345)).toBe('12345');
    expect(isSmallCount(0)).toBe(false);
    expect(isSmallCount(10)).toBe(true);
  });
});

describe('suggestedGoals', () => {
  it('suggests the seeds’ goals for the year, each with a public reason and a sensible margin', () => {
    const goals = suggestedGoals(2027);
    expect(goals.map((g) => [g.measure, g.subject, g.comparator, g.target, g.basis])).toEqual([
      ['group_share', 'Harm reduction', 'at_least', 2500n, 'allocated'],
      ['group_share', 'Criminal-legal', 'at_most', 0n, 'allocated'],
      ['category_share', 'non-remediation', 'at_most', 0n, 'allocated'],
      ['group_share', 'Treatment', 'at_least', 3000n, 'allocated'],
      ['recipient_share', 'community_based', 'at_least', 3000n, 'allocated'],
      ['spend_down', null, 'at_least', 6000n, 'spent'],
      ['completeness', null, 'at_least', 9500n, 'allocated'],
    ]);
    for (const goal of goals) {
      expect(goal.fiscalYear).toBe(2027);
      expect(goal.reason.length).toBeGreaterThan(40);
      expect(goal.amberMargin).toBeGreaterThanOrEqual(0n);
      expect(goal.amberMargin).toBeLessThan(goal.target === 0n ? 1n : goal.target);
    }
  });

  it('has a unit for every measure', () => {
    for (const measure of EQUITY_MEASURES) expect(MEASURE_UNIT[measure]).toMatch(/^(percent|dollars|ratio)$/);
  });
});
