import type { z } from 'zod';
import { Invalid } from './index';

/** Parses input with a zod schema; failures become `Invalid` with one list of messages per field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const fields = Object.keys(fieldErrors).filter((k) => k !== '_form');
  throw new Invalid(
    fields.length > 0 ? `Please correct ${fields.length === 1 ? 'the field' : 'the fields'} marked below.` : (fieldErrors._form?.[0] ?? 'The input is not valid.'),
    fieldErrors,
  );
}
