/**
 * Zod building blocks for the money-entry verbs. Input arrives as `unknown` — usually the strings of a submitted
 * form — so every builder accepts text as people type it and turns it into the exact value, with a message written
 * for the person beside the field it belongs to.
 */
import { z } from 'zod';
import { parseIsoDate } from '@/lib/fiscal-year';
import { parseMoney } from '@/lib/money';
import { percentToBasisPoints } from './percent';

const DIGITS = /^\d{1,10}$/;

/** Form fields are text; ids and versions are whole numbers. "12" becomes 12, anything else stays as it was. */
function digitsToNumber(value: unknown): unknown {
  if (typeof value === 'string' && DIGITS.test(value.trim())) return Number(value.trim());
  return value;
}

/** The largest PostgreSQL `integer`: a larger id cannot exist, and the database would refuse to compare with it. */
export const MAX_ID = 2_147_483_647;

/** A record id (positive whole number). */
export function idField(message: string) {
  return z.preprocess(digitsToNumber, z.number({ error: message }).int({ error: message }).positive({ error: message }).max(MAX_ID, { error: message }));
}

/** An optional record id: an empty choice ("", null, absent) is null. */
export function optionalIdField(message: string) {
  return z.preprocess(
    (value) => (value === '' || value === null || value === undefined ? null : digitsToNumber(value)),
    z.number({ error: message }).int({ error: message }).positive({ error: message }).max(MAX_ID, { error: message }).nullable(),
  );
}

/** The version of a record the form was opened with, for optimistic locking. */
export const versionField = idField('The form is missing the version it was opened with; reload the page.');

export function textField(options: { max: number; required?: string; tooLong: string }) {
  const base = z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z
      .string({ error: 'Enter text here.' })
      .trim()
      .max(options.max, { error: options.tooLong })
      // PostgreSQL cannot store a NUL character in text; pasted from a binary file, it would fail the save.
      .refine((text) => !text.includes('\u0000'), { error: 'Remove the invisible NUL character (U+0000) from this text.' }),
  );
  return options.required ? base.pipe(z.string().min(1, { error: options.required })) : base;
}

export interface MoneyFieldOptions {
  /** What to ask for when the field is empty, e.g. "Enter the amount allocated." */
  required: string;
  /** Refunds and corrections are negative; an allocation never is. */
  allowNegative: boolean;
  allowZero: boolean;
}

/** Money as people type it ("$1,234.56", "1234.5", "(500.00)") → exact bigint cents, never through a float. */
export function moneyField(options: MoneyFieldOptions) {
  return z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z.string({ error: options.required }).transform((text, ctx): bigint => {
      if (text.trim() === '') {
        ctx.addIssue({ code: 'custom', message: options.required });
        return z.NEVER;
      }
      const parsed = parseMoney(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: `${capitalize(parsed.reason)}. Write amounts like 1,234.56.` });
        return z.NEVER;
      }
      if (parsed.cents < 0n && !options.allowNegative) {
        ctx.addIssue({ code: 'custom', message: 'The amount cannot be negative.' });
        return z.NEVER;
      }
      if (parsed.cents === 0n && !options.allowZero) {
        ctx.addIssue({ code: 'custom', message: 'The amount cannot be zero.' });
        return z.NEVER;
      }
      return parsed.cents;
    }),
  );
}

/** A calendar date as YYYY-MM-DD (what `<input type="date">` sends), checked to exist. */
export function isoDateField(required: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : value),
    z.string({ error: required }).refine((text) => text !== '', { error: required }).refine((text) => text === '' || parseIsoDate(text) !== null, {
      error: 'Enter a real date as YYYY-MM-DD.',
    }),
  );
}

/** A fiscal year: "FY2026" is the one that ends in 2026. */
export const fiscalYearField = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().replace(/^fy\s*/i, '') : value),
  z.preprocess(
    digitsToNumber,
    z
      .number({ error: 'Choose the fiscal year.' })
      .int({ error: 'Choose the fiscal year.' })
      .min(2000, { error: 'The fiscal year must be between 2000 and 2100.' })
      .max(2100, { error: 'The fiscal year must be between 2000 and 2100.' }),
  ),
);

/** The last fiscal year of a multi-year authorization; blank means the line covers its fiscal year alone. */
export const optionalLastFiscalYearField = z.preprocess(
  (value) => (value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? null : value),
  fiscalYearField.nullable(),
);

/** A percentage with up to two decimals, more than 0 and at most 100 → basis points (10000 = 100%). */
export const percentField = z.preprocess(
  (value) => (value === undefined || value === null ? '' : value),
  z.string({ error: 'Enter a percentage.' }).transform((text, ctx): number => {
    if (text.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'Enter a percentage.' });
      return z.NEVER;
    }
    const basisPoints = percentToBasisPoints(text);
    if (basisPoints === null) {
      ctx.addIssue({ code: 'custom', message: `"${text.trim().slice(0, 20)}" is not a percentage; write it like 60 or 33.33.` });
      return z.NEVER;
    }
    if (basisPoints <= 0 || basisPoints > 10_000) {
      ctx.addIssue({ code: 'custom', message: 'Each share must be more than 0% and at most 100%.' });
      return z.NEVER;
    }
    return basisPoints;
  }),
);

/** Why a line is returned or taken back to draft: written down, because decisions are public. */
export function reasonField(required: string | null) {
  const base = z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z.string().trim().max(2000, { error: 'Keep the reason under 2,000 characters.' }),
  );
  return required ? base.pipe(z.string().min(1, { error: required })) : base;
}

/** Checkboxes send "on" (or nothing); JSON callers send booleans. */
export const checkboxField = z.preprocess(
  (value) => value === true || value === 'on' || value === 'true' || value === '1',
  z.boolean(),
);

/**
 * Whether a new receipt or payment is posted (counted publicly) as it is saved: the form's "Save and post" button
 * sends `intent=post`; "Save as draft" sends `intent=draft`; JSON callers send `post: true`.
 */
export const postIntentField = z.preprocess((value) => value === true || value === 'post', z.boolean());

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
