import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { allocations, expenditures } from '@/db/schema';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Invalid, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { reasonField } from '../input-fields';
import { live, parseVersionedRef } from '../record-refs';
import { allocationConflict, EDITABLE_STATUSES } from './conflict';
import { emitAudit, type ServiceContext, withTransaction } from '../context';

const deleteInput = z.object({ reason: reasonField(null) });

/**
 * A soft delete: the line disappears from every list and total, and stays in the database and its history. Lines
 * with spending against them are refused — deleting the line would silently hide that spending from the totals.
 */
export async function deleteAllocation(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number }> {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readAllocationSnapshot(db, ref.id)), 'That allocation');
  requireScope(actor, 'money.write', existing.localityId);
  const { reason } = parseInput(deleteInput, input);

  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readAllocationSnapshot(tx, ref.id);
    if (!before || before.deletedAt) throw new NotFound('That allocation');
    if (before.version !== ref.version) throw await allocationConflict(tx, before);
    if (!EDITABLE_STATUSES.includes(before.status)) {
      throw new Invalid(`This allocation is ${before.status}; return it to draft before deleting it.`);
    }
    const [spending] = await tx
      .select({ n: count() })
      .from(expenditures)
      .where(and(eq(expenditures.allocationId, ref.id), isNull(expenditures.deletedAt)));
    if (spending && spending.n > 0) {
      throw new Invalid(
        `This allocation has ${spending.n} expenditure${spending.n === 1 ? '' : 's'} recorded against it; delete or move ${spending.n === 1 ? 'it' : 'them'} first.`,
      );
    }
    const deletedAt = new Date();
    const updated = await tx
      .update(allocations)
      .set({ deletedAt, version: sql`${allocations.version} + 1`, updatedBy: actor.userId, updatedAt: deletedAt })
      .where(and(eq(allocations.id, ref.id), eq(allocations.version, ref.version), isNull(allocations.deletedAt)))
      .returning({ id: allocations.id });
    if (updated.length === 0) throw await allocationConflict(tx, (await readAllocationSnapshot(tx, ref.id))!);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: before.localityId,
      action: 'delete',
      entity: 'allocation',
      entityId: ref.id,
      before,
      after: { ...before, deletedAt, version: before.version + 1 },
      reason: reason || null,
    });
    return { id: ref.id };
  });
}
