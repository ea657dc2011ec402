import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToDecimalString, formatCents } from './format-money';
import { MAX_ABS_CENTS, parseMoney, parseMoneyOrThrow } from './parse-money';

const NBSP = '\u00a0';

describe('parseMoney accepts amounts as people type them', () => {
  const accepted: [input: string, cents: bigint][] = [
    ['1234', 123_400n],
    ['0', 0n],
    ['-0', 0n],
    ['1,234.56', 123_456n],
    ['1,234,567.89', 123_456_789n],
    ['$1,234.56', 123_456n],
    ['$ 1,234.56', 123_456n],
    ['(1,234.56)', -123_456n],
    ['($1,234.56)', -123_456n],
    ['$(1,234.56)', -123_456n],
    ['( 1,234.56 )', -123_456n],
    ['-1,234.56', -123_456n],
    ['-$1,234.56', -123_456n],
    ['$-1,234.56', -123_456n],
    ['- $1,234.56', -123_456n],
    ['\u22121,234.56', -123_456n],
    ['+1,234.56', 123_456n],
    [' 1234.5 ', 123_450n],
    [`${NBSP}1234.5${NBSP}`, 123_450n],
    [`\u202f$1,234.56\t\n`, 123_456n],
    [`$${NBSP}12`, 1_200n],
    ['1234.', 123_400n],
    ['.5', 50n],
    ['$.05', 5n],
    ['0.05', 5n],
    ['-0.05', -5n],
    ['007', 700n],
    ['USD 1,234.56', 123_456n],
    ['usd 1,234.56', 123_456n],
    ['USD $1,234.56', 123_456n],
    ['USD -5', -500n],
    ['1,234.56 USD', 123_456n],
    ['1,234.56USD', 123_456n],
    ['(1,234.56) USD', -123_456n],
    ['$90,000,000,000,000', MAX_ABS_CENTS],
    ['-$90,000,000,000,000.00', -MAX_ABS_CENTS],
    ['90000000000000', MAX_ABS_CENTS],
  ];
  it.each(accepted)('%j → %s cents', (input, cents) => {
    expect(parseMoney(input)).toEqual({ ok: true, cents });
    expect(parseMoneyOrThrow(input)).toBe(cents);
  });
});

describe('parseMoney rejects with a reason that quotes the input', () => {
  const rejected: [input: string, reason: string][] = [
    ['', 'amount is empty'],
    ['   ', 'amount is empty'],
    [`${NBSP}\t`, 'amount is empty'],
    ['abc', '"abc" is not an amount'],
    ['$', '"$" is not an amount'],
    ['-', '"-" is not an amount'],
    ['.', '"." is not an amount'],
    ['()', '"()" is not an amount'],
    ['USD', '"USD" is not an amount'],
    ['USDA 5', '"USDA 5" is not an amount'],
    ['12a', '"12a" is not an amount'],
    ['1 234', '"1 234" is not an amount'],
    ['5$', '"5$" is not an amount'],
    ['€5', '"€5" is not an amount'],
    ['((5))', '"((5))" is not an amount'],
    ['12.345', '"12.345" has more than two digits after the decimal point'],
    ['1.500', '"1.500" has more than two digits after the decimal point'],
    ['0.001', '"0.001" has more than two digits after the decimal point'],
    ['1e5', '"1e5" is not an amount: scientific notation is not accepted'],
    ['1.5E+3', '"1.5E+3" is not an amount: scientific notation is not accepted'],
    ['$2e-2', '"$2e-2" is not an amount: scientific notation is not accepted'],
    ['1,23,4', '"1,23,4" has a thousands separator in the wrong place; commas must separate groups of three digits'],
    ['1234,567', '"1234,567" has a thousands separator in the wrong place; commas must separate groups of three digits'],
    ['0,123', '"0,123" has a thousands separator in the wrong place; commas must separate groups of three digits'],
    [',123', '",123" has a thousands separator in the wrong place; commas must separate groups of three digits'],
    ['1,234,', '"1,234," has a thousands separator in the wrong place; commas must separate groups of three digits'],
    ['1,,234', '"1,,234" has a thousands separator in the wrong place; commas must separate groups of three digits'],
    ['1.234,56', '"1.234,56" has a comma after the decimal point; write amounts like 1,234.56'],
    ['1.2.3', '"1.2.3" has more than one decimal point'],
    ['--5', '"--5" has more than one sign'],
    ['-$-5', '"-$-5" has more than one sign'],
    ['$$5', '"$$5" has more than one dollar sign'],
    ['(-5)', '"(-5)" has both parentheses and a sign; use one or the other'],
    ['-(5)', '"-(5)" has both parentheses and a sign; use one or the other'],
    ['(5', '"(5" has an opening parenthesis without a closing one'],
    ['5)', '"5)" has a closing parenthesis without an opening one'],
    ['$90,000,000,000,000.01', '"$90,000,000,000,000.01" is larger than $90 trillion'],
    ['-90000000000000.01', '"-90000000000000.01" is larger than $90 trillion'],
    ['9'.repeat(400), `"${'9'.repeat(37)}…" is larger than $90 trillion`],
    ['say "hi"', '"say \\"hi\\"" is not an amount'],
  ];
  it.each(rejected)('%j → %s', (input, reason) => {
    expect(parseMoney(input)).toEqual({ ok: false, reason });
    expect(() => parseMoneyOrThrow(input)).toThrow(new Error(reason));
  });

  it('answers rather than throws for a non-string that slipped past the types', () => {
    expect(parseMoney(undefined as unknown as string)).toEqual({ ok: false, reason: 'amount is not text' });
  });
});

const inRange = fc.bigInt({ min: -MAX_ABS_CENTS, max: MAX_ABS_CENTS });
// Small amounts are where off-by-one-cent and sign bugs live; fc.bigInt alone rarely produces them.
const anyAmount = fc.oneof(inRange, fc.bigInt({ min: -100_000n, max: 100_000n }));

describe('parseMoney properties', () => {
  it('reads back whatever formatCents writes', () => {
    fc.assert(
      fc.property(anyAmount, (cents) => {
        expect(parseMoney(formatCents(cents))).toEqual({ ok: true, cents });
      }),
    );
  });

  it('reads back accounting-style negatives', () => {
    fc.assert(
      fc.property(anyAmount, (cents) => {
        expect(parseMoney(formatCents(cents, { accounting: true }))).toEqual({ ok: true, cents });
      }),
    );
  });

  it('reads back centsToDecimalString', () => {
    fc.assert(
      fc.property(anyAmount, (cents) => {
        expect(parseMoney(centsToDecimalString(cents))).toEqual({ ok: true, cents });
      }),
    );
  });

  it('refuses anything just outside the range, both ways', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: MAX_ABS_CENTS + 1n, max: MAX_ABS_CENTS * 1000n }), fc.boolean(), (abs, neg) => {
        const result = parseMoney(centsToDecimalString(neg ? -abs : abs));
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('never throws, and never returns an amount out of range, for arbitrary text', () => {
    const moneyish = fc
      .array(fc.constantFrom('0', '1', '9', ',', '.', '$', '-', '(', ')', ' ', 'e', 'USD', '\u00a0'), {
        maxLength: 30,
      })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), moneyish), (text) => {
        const result = parseMoney(text);
        if (result.ok) {
          expect(result.cents <= MAX_ABS_CENTS && result.cents >= -MAX_ABS_CENTS).toBe(true);
        } else {
          expect(result.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
