import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitMatrix } from './fit-matrix';

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);

describe('fitMatrix', () => {
  it('splits proportionally when the amounts divide evenly', () => {
    expect(fitMatrix([600n, 400n], [500n, 500n])).toEqual([
      [300n, 300n],
      [200n, 200n],
    ]);
  });

  it('places the left-over cents so rows and columns add up exactly', () => {
    const m = fitMatrix([1n, 1n, 1n], [2n, 1n]);
    expect(m.map(sum)).toEqual([1n, 1n, 1n]);
    expect([0, 1].map((k) => sum(m.map((r) => r[k]!)))).toEqual([2n, 1n]);
  });

  it('handles a zero total and refunds', () => {
    expect(fitMatrix([0n, 0n], [0n, 0n, 0n])).toEqual([
      [0n, 0n, 0n],
      [0n, 0n, 0n],
    ]);
    const m = fitMatrix([-300n, 100n], [-100n, -100n]);
    expect(m.map(sum)).toEqual([-300n, 100n]);
  });

  it('refuses sums that do not balance', () => {
    expect(() => fitMatrix([1n], [2n])).toThrow(RangeError);
  });

  it('keeps every row and column sum exact, and stays near proportional and non-negative for non-negative input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 4 }),
        (rows, weights) => {
          const total = sum(rows);
          const weightSum = BigInt(weights.reduce((a, b) => a + b, 0));
          // Columns: the total split by weights (any split that adds up will do).
          const cols = weights.map((w) => (weightSum === 0n ? 0n : (total * BigInt(w)) / weightSum));
          cols[0] = cols[0]! + total - sum(cols);
          const m = fitMatrix(rows, cols);
          expect(m.map(sum)).toEqual(rows);
          expect(cols.map((_, k) => sum(m.map((r) => r[k]!)))).toEqual(cols);
          for (const [j, row] of m.entries()) {
            for (const [k, cell] of row.entries()) {
              expect(cell >= 0n).toBe(true);
              if (total > 0n) {
                const exactTimesTotal = rows[j]! * cols[k]!;
                const diff = cell * total - exactTimesTotal;
                const bound = BigInt(rows.length + cols.length) * total;
                expect(diff <= bound && diff >= -bound).toBe(true);
              }
            }
          }
        },
      ),
    );
  });

  it('keeps sums exact with mixed signs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), { minLength: 1, maxLength: 4 }),
        (rows, colsIn) => {
          const cols = [...colsIn];
          cols[cols.length - 1] = cols.at(-1)! + sum(rows) - sum(cols);
          const m = fitMatrix(rows, cols);
          expect(m.map(sum)).toEqual(rows);
          expect(cols.map((_, k) => sum(m.map((r) => r[k]!)))).toEqual(cols);
        },
      ),
    );
  });
});
