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

/**
 * The oversight board's decision on a submitted line: approve (it becomes public) or return (with a reason). Nobody
 * decides on a line they created or submitted themselves (separation-of-duties.ts).
 */
export async function decideAllocation(db: Executor, actor: Actor | null, input: unknown) {
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readAllocationSnapshot(db, ref.id)), 'That allocation');
  requireScope(actor, 'allocation.decide', existing.localityId);
  const decision = parseDecision(input);
  return db.transaction((tx) => decideInTransaction(tx, actor, ref, decision));
}

/**
 * The rule of deciding one line, inside a transaction the caller opened: the single verb above and the bulk verb
 * (bulk-allocations.ts) both come here. The caller has checked the person's role in the line's locality and parsed
 * the decision with `parseDecision`.
 */
export async function decideInTransaction(tx: Executor, actor: Actor, ref: { id: number; version: number }, decision: Decision) {
  const approve = decision.decision === 'approve';
  // Who created a line never changes; the snapshot (what the audit log keeps) does not carry it.
  const [line] = await tx.select({ createdBy: allocations.createdBy }).from(allocations).where(eq(allocations.id, ref.id));
  return changeAllocationStatus(tx, actor, {
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
  });
}
