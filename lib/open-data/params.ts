import { z } from 'zod';
import { DEFAULT_FRAMEWORK_KEY, RECIPIENT_TYPES, type RecipientType } from '@/lib/categories/labels';
import { decodeCursor, type CursorList } from './cursor';
import { invalid } from './errors';

/**
 * Query parameters of the public API, validated with zod. Every parameter is a single string; a parameter given
 * twice, one the endpoint does not know, or a malformed value is a 400 that names the parameter. Unknown parameters
 * are refused rather than ignored so that a typo (`fiscal_year=2026`) never silently returns every year.
 */

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;
export const DEFAULT_FRAMEWORK = DEFAULT_FRAMEWORK_KEY;
/** The recipient types of the API's recipient_type parameter: the database enum's (lib/categories/labels.ts). */
export { RECIPIENT_TYPES, type RecipientType };

const KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export const fyParam = z
  .string()
  .regex(/^\d{4}$/, 'fy must be a fiscal year written as four digits, like 2026.')
  .transform(Number)
  .refine((fy) => fy >= 2000 && fy <= 2100, 'fy must be a fiscal year between 2000 and 2100.');

export const limitParam = z
  .string()
  .regex(/^\d{1,6}$/, `limit must be a whole number from 1 to ${MAX_LIMIT}.`)
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_LIMIT, `limit must be a whole number from 1 to ${MAX_LIMIT}.`);

export const frameworkParam = z.string().regex(KEY, 'framework must be a framework key, like health-first.');
export const categoryParam = z.string().regex(KEY, 'category must be a category key, like naloxone.');
export const recipientTypeParam = z.enum(RECIPIENT_TYPES, {
  error: `recipient_type must be one of: ${RECIPIENT_TYPES.join(', ')}.`,
});

export function cursorParam(list: CursorList) {
  return z.string().transform((token, ctx) => {
    const id = decodeCursor(list, token);
    if (id === null) {
      ctx.addIssue({ code: 'custom', message: 'cursor is not a cursor this list gave out; start again without it.' });
      return z.NEVER;
    }
    return id;
  });
}

type Shape = Record<string, z.ZodType<unknown, string>>;
export type ParsedQuery<S extends Shape> = { [K in keyof S]?: z.output<S[K]> };

export function parseQuery<S extends Shape>(params: URLSearchParams, shape: S): ParsedQuery<S> {
  const raw: Record<string, string> = {};
  for (const [name, value] of params) {
    if (!Object.hasOwn(shape, name)) {
      const known = Object.keys(shape);
      throw invalid(
        name,
        known.length === 0
          ? `This endpoint takes no query parameters; remove "${name}".`
          : `Unknown query parameter "${name}"; this endpoint takes ${known.join(', ')}.`,
      );
    }
    if (Object.hasOwn(raw, name)) throw invalid(name, `Give ${name} only once.`);
    raw[name] = value;
  }
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const schema = shape[name]!;
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw invalid(name, parsed.error.issues[0]?.message ?? `${name} is not valid.`);
    result[name] = parsed.data;
  }
  return result as ParsedQuery<S>;
}
