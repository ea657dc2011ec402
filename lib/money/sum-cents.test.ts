import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharesFromCents, splitCentsByShares, sumCents } from './sum-cents';

describe('sumCents', () => {
  it('adds nothing to zero', () => {
    expect(sumCents([])).toBe(0n);
  });

  it('adds a million cents exactly', () => {
    function* oneCentMillionTimes() {
      for (let i = 0; i < 1_000_000; i += 1) yield 1n;
    }
    expect(sumCents(oneCentMillionTimes())).toBe(1_000_000n);
  });

  it('stays exact far beyond Number.MAX_SAFE_INTEGER', () => {
    const big = BigInt(Number.MAX_SAFE_INTEGER);
    expect(sumCents([big, 1n, 1n])).toBe(9_007_199_254_740_993n);
    expect(sumCents(Array.from({ length: 1000 }, () => big))).toBe(big * 1000n);
    expect(sumCents([10n ** 30n, -(10n ** 30n), 1n])).toBe(1n);
  });

  it('accepts any iterable', () => {
    expect(sumCents(new Set([1n, 2n, 3n]))).toBe(6n);
    expect(sumCents(new Map([['a', 5n]]).values())).toBe(5n);
  });

  it('refuses strings and numbers instead of concatenating them', () => {
    expect(() => sumCents([1n, '5' as unknown as bigint])).toThrow(TypeError);
    expect(() => sumCents([1n, 5 as unknown as bigint])).toThrow(TypeError);
  });

  it('is the same as adding one by one, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), { maxLength: 200 }), (values) => {
        const expected = values.reduce((total, value) => total + value, 0n);
        expect(sumCents(values)).toBe(expected);
        expect(sumCents([...values].reverse())).toBe(expected);
      }),
    );
  });
});

describe('splitCentsByShares', () => {
  const cases: [total: bigint, shares: number[], parts: bigint[]][] = [
    [100n, [10_000], [100n]],
    [100n, [5_000, 5_000], [50n, 50n]],
    [100n, [3_334, 3_333, 3_333], [34n, 33n, 33n]],
    // Equal remainders: the earlier index gets the extra cent.
    [100n, [3_333, 3_333, 3_334], [33n, 33n, 34n]],
    [1n, [5_000, 5_000], [1n, 0n]],
    [3n, [2_500, 2_500, 2_500, 2_500], [1n, 1n, 1n, 0n]],
    // Largest remainder wins over index order: 7 × 0.6 = 4.2 and 7 × 0.4 = 2.8.
    [7n, [6_000, 4_000], [4n, 3n]],
    [-100n, [3_334, 3_333, 3_333], [-34n, -33n, -33n]],
    [-1n, [5_000, 5_000], [-1n, 0n]],
    [-7n, [6_000, 4_000], [-4n, -3n]],
    [0n, [2_000, 8_000], [0n, 0n]],
    [99n, [0, 10_000, 0], [0n, 99n, 0n]],
    [1n, [0, 5_000, 5_000], [0n, 1n, 0n]],
    [123_456_789n, [1_234, 4_321, 4_445], [15_234_568n, 53_345_678n, 54_876_543n]],
  ];
  it.each(cases)('%s cents by %s → %s', (total, shares, parts) => {
    expect(splitCentsByShares(total, shares)).toEqual(parts);
  });

  it('refuses shares that do not make 100%', () => {
    expect(() => splitCentsByShares(100n, [])).toThrow(RangeError);
    expect(() => splitCentsByShares(100n, [5_000, 4_999])).toThrow(
      new RangeError('shares must add up to 10000 basis points (100%), got 9999'),
    );
    expect(() => splitCentsByShares(100n, [5_000, 5_001])).toThrow(RangeError);
  });

  it('refuses negative or fractional shares', () => {
    expect(() => splitCentsByShares(100n, [10_001, -1])).toThrow(
      new RangeError('share 1 must be a whole, non-negative number of basis points, got -1'),
    );
    expect(() => splitCentsByShares(100n, [5_000.5, 4_999.5])).toThrow(RangeError);
    expect(() => splitCentsByShares(100n, [Number.NaN, 10_000])).toThrow(RangeError);
    expect(() => splitCentsByShares(100n, [2 ** 60, 10_000])).toThrow(RangeError);
  });

  // Shares summing to exactly 10000: cut 0..10000 at random points, including repeated ones (zero shares).
  const shares = fc
    .array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 30 })
    .map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
      return points.slice(1).map((point, index) => point - points[index]!);
    });
  const total = fc.oneof(
    fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }),
    fc.bigInt({ min: -1_000n, max: 1_000n }),
  );

  it('adds up to exactly the total, with each part within a cent of its exact share', () => {
    fc.assert(
      fc.property(total, shares, (totalCents, basisPoints) => {
        const parts = splitCentsByShares(totalCents, basisPoints);
        expect(parts).toHaveLength(basisPoints.length);
        expect(sumCents(parts)).toBe(totalCents);
        for (const [index, part] of parts.entries()) {
          const share = BigInt(basisPoints[index]!);
          // |part - total × share / 10000| < 1, kept in integers by multiplying through by 10000.
          const error = part * 10_000n - totalCents * share;
          expect(error < 10_000n && error > -10_000n).toBe(true);
          if (share === 0n) expect(part).toBe(0n);
        }
      }),
    );
  });

  it('splits a negative total as the mirror image of the positive one', () => {
    fc.assert(
      fc.property(total, shares, (totalCents, basisPoints) => {
        const mirrored = splitCentsByShares(-totalCents, basisPoints).map((part) => -part);
        expect(mirrored).toEqual(splitCentsByShares(totalCents, basisPoints));
      }),
    );
  });
});

describe('sharesFromCents', () => {
  it('gives shares that always make 100%, each within a basis point of exact', () => {
    expect(sharesFromCents([6_000_000n, 4_000_000n])).toEqual([6000, 4000]);
    expect(sharesFromCents([1n, 1n, 1n])).toEqual([3334, 3333, 3333]);
    expect(sharesFromCents([12_345_00n, 0n, 1n])).toEqual([10000, 0, 0]);
    const shares = sharesFromCents([33_33n, 33_33n, 33_34n]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(10_000);
  });
  it('refuses parts that add up to nothing or hold a negative', () => {
    expect(() => sharesFromCents([0n, 0n])).toThrow(RangeError);
    expect(() => sharesFromCents([5n, -1n, 10n])).toThrow(RangeError);
  });
});
