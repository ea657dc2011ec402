import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { allocations } from '@/db/schema';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Forbidden } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { changeAllocationStatus } from './allocation-status';
import { reasonField } from './input-fields';
import { live, parseVersionedRef } from './record-refs';
import { separationOfDutiesConflict, separationOfDutiesMessage } from './separation-of-duties';

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
 * decides on a line they created or submitted themselves (separation-of-duties.ts).
 */
export async function decideAllocation(db: Executor, actor: Actor | null, input: unknown) {
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readAllocationSnapshot(db, ref.id)), 'That allocation');
  requireScope(actor, 'allocation.decide', existing.localityId);
  const decision = parseInput(decisionInput, input);
  const approve = decision.decision === 'approve';
  // Who created a line never changes; the snapshot (what the audit log keeps) does not carry it.
  const [line] = await db.select({ createdBy: allocations.createdBy }).from(allocations).where(eq(allocations.id, ref.id));

  return db.transaction((tx) =>
    changeAllocationStatus(tx, actor, {
      id: ref.id,
      version: ref.version,
      from: ['submitted'],
      refusal: (status) => `Only submitted lines can be decided on; this one is ${status}.`,
      check: (before) => {
        const conflict = separationOfDutiesConflict({ createdBy: line?.createdBy ?? null, submittedBy: before.submittedBy }, actor.userId);
        if (conflict) throw new Forbidden(separationOfDutiesMessage(conflict));
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
