import { and, eq, sql } from 'drizzle-orm';
import { allocations } from '@/db/schema';
import type { Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot, type AllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import type { Decision } from '../decision';
import { separationOfDutiesConflict, separationOfDutiesMessage } from '../separation-of-duties';
import { allocationConflict } from './conflict';
import { emitAudit, type ServiceTransaction } from '../context';

type AllocationUpdate = Partial<typeof allocations.$inferInsert>;

/**
 * Moves an allocation from one status to another over the version the person saw, with the audit row (and its
 * reason) in the same transaction. Shared by submit, return-to-draft and the reviewer's decision.
 */
export async function changeAllocationStatus(
  tx: ServiceTransaction,
  actor: Actor,
  options: {
    id: number;
    version: number;
    from: readonly AllocationSnapshot['status'][];
    refusal: (status: AllocationSnapshot['status']) => string;
    set: AllocationUpdate;
    action: string;
    reason: string | null;
    check?: (before: AllocationSnapshot) => void;
  },
): Promise<{ id: number; version: number; status: AllocationSnapshot['status'] }> {
  const before = await readAllocationSnapshot(tx, options.id);
  if (!before) throw new NotFound('That allocation');
  if (before.deletedAt || before.version !== options.version) throw await allocationConflict(tx, before);
  if (!options.from.includes(before.status)) throw new Invalid(options.refusal(before.status));
  options.check?.(before);
  const updated = await tx
    .update(allocations)
    .set({ ...options.set, version: sql`${allocations.version} + 1`, updatedBy: actor.userId, updatedAt: new Date() })
    .where(and(eq(allocations.id, options.id), eq(allocations.version, options.version)))
    .returning({ version: allocations.version, status: allocations.status });
  if (updated.length === 0) throw await allocationConflict(tx, (await readAllocationSnapshot(tx, options.id))!);
  const after = await readAllocationSnapshot(tx, options.id);
  await emitAudit(tx, {
    userId: actor.userId,
    localityId: before.localityId,
    action: options.action,
    entity: 'allocation',
    entityId: options.id,
    before,
    after,
    reason: options.reason,
  });
  return { id: options.id, version: updated[0]!.version, status: updated[0]!.status };
}

/**
 * The rule of deciding one line, inside a transaction the caller opened (withTransaction): the single verb (decide.ts) and the bulk
 * verb (bulk.ts) both come here. The caller has checked the person's role in the line's locality and parsed
 * the decision with `parseDecision`.
 */
export async function decideInTransaction(tx: ServiceTransaction, actor: Actor, ref: { id: number; version: number }, decision: Decision) {
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

/**
 * The rule of submitting one line, inside a transaction the caller opened (withTransaction): the single verb (submit.ts) and the bulk
 * verb (bulk.ts) both come here. The caller has checked the person's role in the line's locality.
 */
export function submitInTransaction(tx: ServiceTransaction, actor: Actor, ref: { id: number; version: number }) {
  return changeAllocationStatus(tx, actor, {
    id: ref.id,
    version: ref.version,
    from: ['draft', 'returned'],
    refusal: (status) => `This allocation is already ${status}.`,
    check: (before) => {
      const missing: Record<string, string[]> = {};
      if (before.description.trim() === '') missing.description = ['Add a plain-language description before submitting.'];
      if (before.splits.length === 0) missing.splits = ['Add at least one category before submitting.'];
      if (Object.keys(missing).length > 0) {
        throw new Invalid('Edit the allocation first: a line goes to the board only with a description and a category.', missing);
      }
    },
    set: { status: 'submitted', submittedBy: actor.userId, submittedAt: new Date(), decidedBy: null, decidedAt: null, decisionReason: null },
    action: 'submit',
    reason: null,
  });
}
