/** A board decision as the review verbs read it: approve (reason optional) or return (reason required). Shared by allocations and outcomes. */
import { z } from 'zod';
import { parseInput } from '@/lib/errors/zod-errors';
import { reasonField } from './input-fields';

export const RETURN_REASON_REQUIRED = 'Say why the line is returned, so the editors know what to change. The reason is public.';

const decisionInput = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('approve'), reason: reasonField(null) }),
    z.object({ decision: z.literal('return'), reason: reasonField(RETURN_REASON_REQUIRED) }),
  ],
  { error: 'Choose approve or return.' },
);

export type Decision = { decision: 'approve' | 'return'; reason: string };

/** The one place that reads a decision: approve (reason optional) or return (reason required, at most 2,000 characters). */
export function parseDecision(input: unknown): Decision {
  return parseInput(decisionInput, input);
}
