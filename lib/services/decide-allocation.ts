import { z } from 'zod';
import type { Executor } from '@/db/client';
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Forbidden, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { changeAllocationStatus } from './allocation-status';
import { reasonField } from './input-fields';
import { parseVersionedRef } from './record-refs';

const decisionInput = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('approve'), reason: reasonField(null) }),
    z.object({
      decision: z.literal('return'),
      reason: reasonField('Say why the line is returned, so the editors know what to change. The reason is public.'),
    }),
  ],
  { error: 'Choose approve or return.' },
);

/**
 * The oversight board's decision on a submitted line: approve (it becomes public) or return (with a reason). Nobody
 * decides on a line they submitted themselves.
 */
export async function decideAllocation(db: Executor, actor: Actor | null, input: unknown) {
  const ref = parseVersionedRef(input);
  const existing = await readAllocationSnapshot(db, ref.id);
  if (!existing || existing.deletedAt) throw new NotFound('That allocation');
  requireScope(actor, 'allocation.decide', existing.localityId);
  const decision = parseInput(decisionInput, input);
  const approve = decision.decision === 'approve';

  return db.transaction((tx) =>
    changeAllocationStatus(tx, actor, {
      id: ref.id,
      version: ref.version,
      from: ['submitted'],
      refusal: (status) => `Only submitted lines can be decided on; this one is ${status}.`,
      check: (before) => {
        if (before.submittedBy === actor.userId) {
          throw new Forbidden('You submitted this line, so another member of the board must decide on it.');
        }
      },
      set: {
        status: approve ? 'approved' : 'returned',
        decidedBy: actor.userId,
        decidedAt: new Date(),
        decisionReason: decision.reason || null,
      },
      action: approve ? 'approve' : 'return',
      reason: decision.reason || null,
    }),
  );
}
