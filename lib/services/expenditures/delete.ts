import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { expenditures } from '@/db/schema';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readExpenditureSnapshot } from '@/lib/data/staff-snapshots';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { reasonField } from '../input-fields';
import { live, parseVersionedRef } from '../record-refs';
import { expenditureConflict } from './conflict';
import { emitAudit, type ServiceContext, withTransaction } from '../context';

const deleteInput = z.object({ reason: reasonField(null) });

/** A soft delete, kept in the database and in the history. */
export async function deleteExpenditure(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; allocationId: number }> {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readExpenditureSnapshot(db, ref.id)), 'That expenditure');
  requireScope(actor, 'money.write', existing.localityId);
  const { reason } = parseInput(deleteInput, input);

  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readExpenditureSnapshot(tx, ref.id);
    if (!before || before.deletedAt) throw new NotFound('That expenditure');
    if (before.version !== ref.version) throw await expenditureConflict(tx, before);
    const deletedAt = new Date();
    const updated = await tx
      .update(expenditures)
      .set({ deletedAt, version: sql`${expenditures.version} + 1`, updatedAt: deletedAt })
      .where(and(eq(expenditures.id, ref.id), eq(expenditures.version, ref.version), isNull(expenditures.deletedAt)))
      .returning({ id: expenditures.id });
    if (updated.length === 0) throw await expenditureConflict(tx, (await readExpenditureSnapshot(tx, ref.id))!);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: before.localityId,
      action: 'delete',
      entity: 'expenditure',
      entityId: ref.id,
      before,
      after: { ...before, deletedAt, version: before.version + 1 },
      reason: reason || null,
    });
    return { id: ref.id, allocationId: before.allocation.id };
  });
}
