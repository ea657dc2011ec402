import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { receipts } from '@/db/schema';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readReceiptSnapshot } from '@/lib/data/staff-snapshots';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { reasonField } from '../input-fields';
import { live, parseVersionedRef } from '../record-refs';
import { receiptConflict } from './conflict';
import { emitAudit, type ServiceContext, withTransaction } from '../context';

const deleteInput = z.object({ reason: reasonField(null) });

/** A soft delete, kept in the database and in the history. */
export async function deleteReceipt(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number }> {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readReceiptSnapshot(db, ref.id)), 'That receipt');
  requireScope(actor, 'money.write', existing.localityId);
  const { reason } = parseInput(deleteInput, input);

  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readReceiptSnapshot(tx, ref.id);
    if (!before || before.deletedAt) throw new NotFound('That receipt');
    if (before.version !== ref.version) throw await receiptConflict(tx, before);
    const deletedAt = new Date();
    const updated = await tx
      .update(receipts)
      .set({ deletedAt, version: sql`${receipts.version} + 1`, updatedAt: deletedAt })
      .where(and(eq(receipts.id, ref.id), eq(receipts.version, ref.version), isNull(receipts.deletedAt)))
      .returning({ id: receipts.id });
    if (updated.length === 0) throw await receiptConflict(tx, (await readReceiptSnapshot(tx, ref.id))!);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: before.localityId,
      action: 'delete',
      entity: 'receipt',
      entityId: ref.id,
      before,
      after: { ...before, deletedAt, version: before.version + 1 },
      reason: reason || null,
    });
    return { id: ref.id };
  });
}
