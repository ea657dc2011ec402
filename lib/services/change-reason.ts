import { z } from 'zod';
import { parseInput } from '@/lib/errors/zod-errors';
import { CHANGE_REASON_FIELD, CHANGE_REASON_MAX } from './change-reason-field';

const changeReasonSchema = z.object({
  [CHANGE_REASON_FIELD]: z
    .string()
    .trim()
    .max(CHANGE_REASON_MAX, `Keep the reason under ${CHANGE_REASON_MAX} characters.`)
    .optional()
    .transform((reason) => (reason ? reason : null)),
});

/** The reason given with an edit, or null when none was. */
export function parseChangeReason(input: unknown): string | null {
  return parseInput(changeReasonSchema, input)[CHANGE_REASON_FIELD];
}
