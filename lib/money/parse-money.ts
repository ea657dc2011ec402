/**
 * Turning what a person typed (or a spreadsheet exported) into integer cents.
 *
 * Money is a `bigint` count of cents from the moment it is read. Nothing here goes through a JavaScript number:
 * the digits are checked with regular expressions and handed to `BigInt()` as a string, so "0.10" is exactly 10n
 * and never 0.1 * 100 = 10.000000000000002.
 *
 * The parser is deliberately strict where a lenient reading could silently be wrong by a factor of 100 or 1000:
 * "1.500" (a European 1,500?) and "1,23,4" are refused with a reason instead of guessed at.
 */

export type ParseMoneyResult = { ok: true; cents: bigint } | { ok: false; reason: string };

/**
 * The largest amount accepted, in cents: $90 trillion. It is far above any settlement (the whole national opioid
 * settlement is about $50 billion) and, at 9e18, just below PostgreSQL's bigint maximum (about 9.22e18), so any
 * parsed amount fits an `int8` column with room for a few sums. Anything larger is a typo.
 */
export const MAX_ABS_CENTS = 9_000_000_000_000_000n;

// Hyphen-minus and the typographic minus sign (U+2212), which word processors substitute for "-".
const MINUS_SIGNS = new Set(['-', '\u2212']);

// "USD 12" and "12 USD". The prefix must be followed by something that can start an amount, so "USDA" is not read.
const CURRENCY_PREFIX = /^usd(?=[\s$(.+\d\u2212-])\s*/i;
const CURRENCY_SUFFIX = /\s*usd$/i;

// "1e5", "1.5E+3": what Excel and JSON.stringify produce for large or tiny numbers. Refused with its own reason
// because reading it as an amount would mean going through a float.
const SCIENTIFIC = /^(?:\d[\d,]*(?:\.\d*)?|\.\d+)e[+-]?\d+$/i;

// Digits grouped by commas in threes, no leading zero ("0,123" is a European decimal, not a thousand).
const GROUPED_INTEGER = /^[1-9]\d{0,2}(?:,\d{3})+$/;

const WHITESPACE = /\s/;

export function parseMoney(input: string): ParseMoneyResult {
  // Form values and CSV cells arrive as `unknown` at runtime often enough that a clear answer beats a TypeError.
  if (typeof input !== 'string') return fail('amount is not text');

  // `trim()` removes every Unicode space, including the non-breaking spaces spreadsheets put around amounts.
  const text = input.trim();
  if (text === '') return fail('amount is empty');
  const quoted = quote(text);
  const notAnAmount = fail(`${quoted} is not an amount`);

  let rest = text.replace(CURRENCY_PREFIX, '');
  if (rest === text) rest = text.replace(CURRENCY_SUFFIX, '');

  // Leading signs, dollar sign and opening parenthesis, in whatever order people write them:
  // "-$5", "$-5", "- $ 5", "($5)", "$(5)".
  let negative = false;
  let signs = 0;
  let dollars = 0;
  let parenthesized = false;
  let pos = 0;
  for (; pos < rest.length; pos += 1) {
    const ch = rest[pos]!;
    if (WHITESPACE.test(ch)) continue;
    if (MINUS_SIGNS.has(ch) || ch === '+') {
      signs += 1;
      negative = ch !== '+';
    } else if (ch === '$') {
      dollars += 1;
    } else if (ch === '(') {
      if (parenthesized) return notAnAmount;
      parenthesized = true;
    } else {
      break;
    }
  }
  if (signs > 1) return fail(`${quoted} has more than one sign`);
  if (dollars > 1) return fail(`${quoted} has more than one dollar sign`);
  // "(-5)" could mean -5 or, by double negation, 5: refuse rather than pick one.
  if (parenthesized && signs > 0) return fail(`${quoted} has both parentheses and a sign; use one or the other`);

  let body = rest.slice(pos).trimEnd();
  if (parenthesized) {
    if (!body.endsWith(')')) return fail(`${quoted} has an opening parenthesis without a closing one`);
    body = body.slice(0, -1).trimEnd();
    negative = true;
  } else if (body.endsWith(')')) {
    return fail(`${quoted} has a closing parenthesis without an opening one`);
  }

  if (SCIENTIFIC.test(body)) return fail(`${quoted} is not an amount: scientific notation is not accepted`);
  if (!/^[\d,.]+$/.test(body) || !/\d/.test(body)) return notAnAmount;

  const parts = body.split('.');
  if (parts.length > 2) return fail(`${quoted} has more than one decimal point`);
  const integerPart = parts[0] ?? '';
  const fraction = parts[1] ?? '';
  if (fraction.includes(',')) {
    return fail(`${quoted} has a comma after the decimal point; write amounts like 1,234.56`);
  }
  if (integerPart.includes(',') && !GROUPED_INTEGER.test(integerPart)) {
    return fail(`${quoted} has a thousands separator in the wrong place; commas must separate groups of three digits`);
  }
  if (fraction.length > 2) return fail(`${quoted} has more than two digits after the decimal point`);

  // Exact: both pieces are digit strings handed straight to BigInt.
  const whole = BigInt(integerPart.replaceAll(',', '') || '0');
  const cents = whole * 100n + BigInt(fraction.padEnd(2, '0'));
  if (cents > MAX_ABS_CENTS) return fail(`${quoted} is larger than $90 trillion`);
  return { ok: true, cents: negative ? -cents : cents };
}

/** For trusted input (seed files, fixtures) where a bad amount is a bug: the reason becomes the error message. */
export function parseMoneyOrThrow(input: string): bigint {
  const result = parseMoney(input);
  if (!result.ok) throw new Error(result.reason);
  return result.cents;
}

function fail(reason: string): ParseMoneyResult {
  return { ok: false, reason };
}

/** The input in double quotes for a message, shortened so a pasted paragraph does not become the whole message. */
function quote(text: string): string {
  const chars = Array.from(text);
  const shown = chars.length > 40 ? `${chars.slice(0, 37).join('')}…` : text;
  return JSON.stringify(shown);
}
