import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centsToDecimalString,
  formatCents,
  formatCentsCompact,
  formatPercentFromBasisPoints,
} from './format-money';
import { MAX_ABS_CENTS } from './parse-money';

describe('formatCents', () => {
  const cases: [cents: bigint, plain: string, accounting: string, whole: string][] = [
    [0n, '$0.00', '$0.00', '$0'],
    [5n, '$0.05', '$0.05', '$0'],
    [-5n, '-$0.05', '($0.05)', '$0'],
    [49n, '$0.49', '$0.49', '$0'],
    [50n, '$0.50', '$0.50', '$1'],
    [-50n, '-$0.50', '($0.50)', '-$1'],
    [99_999n, '$999.99', '$999.99', '$1,000'],
    [123_449n, '$1,234.49', '$1,234.49', '$1,234'],
    [123_450n, '$1,234.50', '$1,234.50', '$1,235'],
    [123_456n, '$1,234.56', '$1,234.56', '$1,235'],
    [-123_456n, '-$1,234.56', '($1,234.56)', '-$1,235'],
    [-123_449n, '-$1,234.49', '($1,234.49)', '-$1,234'],
    [100_000_000n, '$1,000,000.00', '$1,000,000.00', '$1,000,000'],
    [MAX_ABS_CENTS, '$90,000,000,000,000.00', '$90,000,000,000,000.00', '$90,000,000,000,000'],
    [-MAX_ABS_CENTS, '-$90,000,000,000,000.00', '($90,000,000,000,000.00)', '-$90,000,000,000,000'],
    // Beyond Number.MAX_SAFE_INTEGER, where a float would already have lost the last digits.
    [9_007_199_254_740_993n, '$90,071,992,547,409.93', '$90,071,992,547,409.93', '$90,071,992,547,410'],
  ];
  it.each(cases)('%s cents → %s / %s / %s', (cents, plain, accounting, whole) => {
    expect(formatCents(cents)).toBe(plain);
    expect(formatCents(cents, { showCents: true })).toBe(plain);
    expect(formatCents(cents, { accounting: true })).toBe(accounting);
    expect(formatCents(cents, { showCents: false })).toBe(whole);
  });

  it('writes accounting negatives without cents too', () => {
    expect(formatCents(-123_456n, { showCents: false, accounting: true })).toBe('($1,235)');
    expect(formatCents(-49n, { showCents: false, accounting: true })).toBe('$0');
  });

  it('rounds to whole dollars half away from zero, symmetrically', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -MAX_ABS_CENTS, max: MAX_ABS_CENTS }), (cents) => {
        const positive = formatCents(cents < 0n ? -cents : cents, { showCents: false });
        const expected = cents < 0n && positive !== '$0' ? `-${positive}` : positive;
        expect(formatCents(cents, { showCents: false })).toBe(expected);
        // Whole dollars are within half a dollar of the amount, and exactly half rounds up in size.
        const dollars = BigInt(positive.replace(/[$,]/g, ''));
        const abs = cents < 0n ? -cents : cents;
        expect(dollars * 100n - abs).toBeLessThanOrEqual(50n);
        expect(abs - dollars * 100n).toBeLessThan(50n);
      }),
    );
  });
});

describe('centsToDecimalString', () => {
  const cases: [bigint, string][] = [
    [0n, '0.00'],
    [5n, '0.05'],
    [-5n, '-0.05'],
    [50n, '0.50'],
    [123_456n, '1234.56'],
    [-123_456n, '-1234.56'],
    [100n, '1.00'],
    [MAX_ABS_CENTS, '90000000000000.00'],
    [10n ** 30n + 1n, '10000000000000000000000000000.01'],
  ];
  it.each(cases)('%s → %s', (cents, text) => {
    expect(centsToDecimalString(cents)).toBe(text);
  });

  it('matches the digits of the bigint for any amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), (cents) => {
        const text = centsToDecimalString(cents);
        expect(text).toMatch(/^-?\d+\.\d\d$/);
        expect(BigInt(text.replace('.', ''))).toBe(cents);
      }),
    );
  });
});

describe('formatCentsCompact', () => {
  const cases: [bigint, string][] = [
    [0n, '$0'],
    [40n, '$0'],
    [-40n, '$0'],
    [50n, '$1'],
    [95_000n, '$950'],
    [-95_000n, '-$950'],
    [99_949n, '$999'],
    [99_950n, '$1K'],
    [100_000n, '$1K'],
    [123_456n, '$1.2K'],
    [125_000n, '$1.3K'],
    [35_000_000n, '$350K'],
    [35_004_999n, '$350K'],
    [35_005_000n, '$350.1K'],
    [99_994_999n, '$999.9K'],
    [99_995_000n, '$1M'],
    [120_000_000n, '$1.2M'],
    [125_000_000n, '$1.3M'],
    [-125_000_000n, '-$1.3M'],
    [-124_999_999n, '-$1.2M'],
    [1_234_567_890_00n, '$1.2B'],
    [1_230_000_000_000n, '$12.3B'],
    [99_999_999_999_999n, '$1T'],
    [MAX_ABS_CENTS, '$90T'],
    [-MAX_ABS_CENTS, '-$90T'],
    [123_450_000_000_000_000n, '$1,234.5T'],
  ];
  it.each(cases)('%s cents → %s', (cents, label) => {
    expect(formatCentsCompact(cents)).toBe(label);
  });

  it('always writes a short label with at most one decimal, mirrored for negatives', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -MAX_ABS_CENTS, max: MAX_ABS_CENTS }), (cents) => {
        const label = formatCentsCompact(cents);
        expect(label).toMatch(/^-?\$(?:\d{1,3}|\d{1,3}(?:\.\d)?[KMB]|[\d,]+(?:\.\d)?T)$/);
        const positive = formatCentsCompact(cents < 0n ? -cents : cents);
        expect(label).toBe(cents < 0n && positive !== '$0' ? `-${positive}` : positive);
      }),
    );
  });
});

describe('formatPercentFromBasisPoints', () => {
  const cases: [bigint | number, string][] = [
    [2500, '25%'],
    [2500n, '25%'],
    [3333, '33.33%'],
    [6667n, '66.67%'],
    [50, '0.5%'],
    [5, '0.05%'],
    [0, '0%'],
    [10_000, '100%'],
    [-250, '-2.5%'],
    [-5n, '-0.05%'],
    [1_234_567, '12,345.67%'],
  ];
  it.each(cases)('%s bp → %s', (bp, text) => {
    expect(formatPercentFromBasisPoints(bp)).toBe(text);
  });

  it('refuses a basis-point value that is not an integer', () => {
    expect(() => formatPercentFromBasisPoints(12.5)).toThrow(RangeError);
    expect(() => formatPercentFromBasisPoints(Number.NaN)).toThrow(RangeError);
    expect(() => formatPercentFromBasisPoints(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('gives the same answer for a number and its bigint', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (bp) => {
        expect(formatPercentFromBasisPoints(bp)).toBe(formatPercentFromBasisPoints(BigInt(bp)));
      }),
    );
  });
});

describe('formatCents and formatPercentFromBasisPoints in Spanish (es-US)', () => {
  it('write dollars as US Spanish does, the same marks as English: "$1,234.56"', () => {
    expect(formatCents(123456n, { locale: 'es' })).toBe('$1,234.56');
    expect(formatCents(-123456n, { locale: 'es', accounting: true })).toBe('($1,234.56)');
    expect(formatCents(123456789012345678901n, { locale: 'es', showCents: false })).toBe('$1,234,567,890,123,456,789');
    expect(formatCents(5n, { locale: 'es' })).toBe('$0.05');
  });

  it('matches Intl’s es-US currency format where a float is exact', () => {
    const intl = new Intl.NumberFormat('es-US', { style: 'currency', currency: 'USD' });
    for (const cents of [0n, 5n, 123456n, 99999999n, 100000000000n]) {
      expect(formatCents(cents, { locale: 'es' })).toBe(intl.format(Number(cents) / 100));
    }
  });

  it('writes percentages as es-US does', () => {
    expect(formatPercentFromBasisPoints(3333n, 'es')).toBe('33.33%');
    expect(formatPercentFromBasisPoints(3333n, 'es')).toBe(new Intl.NumberFormat('es-US', { style: 'percent', maximumFractionDigits: 2 }).format(0.3333));
  });
});
