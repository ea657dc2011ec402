import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { allocations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot, type AllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Invalid, NotFound } from '@/lib/errors';
import { allocationConflict } from './update-allocation';

type AllocationUpdate = Partial<typeof allocations.$inferInsert>;

/**
 * Moves an allocation from one status to another over the version the person saw, with the audit row (and its
 * reason) in the same transaction. Shared by submit, return-to-draft and the reviewer's decision.
 */
export async function changeAllocationStatus(
  tx: Executor,
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
  await recordAudit(tx, {
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
