import { and, eq, sql } from 'drizzle-orm';
import { allocations } from '@/db/schema';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Invalid, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { parseChangeReason } from '../change-reason';
import { allocationFieldsSchema, storedLastFiscalYear, checkCategories, checkSource, resolveRecipient, writeSplits } from './input';
import { parseVersionedRef } from '../record-refs';
import { EDITABLE_STATUSES, allocationConflict } from './conflict';
import { emitAudit, type ServiceContext, withTransaction } from '../context';

/**
 * Saves an edited allocation over the version the form was opened with. If anyone saved in between, nothing is
 * written and the Conflict carries their values, so the person can compare and save theirs on top.
 */
export async function updateAllocation(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; version: number }> {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, await readAllocationSnapshot(db, ref.id), 'That allocation');
  requireScope(actor, 'money.write', existing.localityId);
  const fields = parseInput(allocationFieldsSchema, input);
  const reason = parseChangeReason(input);

  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readAllocationSnapshot(tx, ref.id);
    if (!before) throw new NotFound('That allocation');
    if (before.deletedAt || before.version !== ref.version) throw await allocationConflict(tx, before);
    if (!EDITABLE_STATUSES.includes(before.status)) {
      throw new Invalid(`This allocation is ${before.status}; return it to draft before changing it.`);
    }
    await checkSource(tx, fields.sourceId);
    await checkCategories(tx, before.localityId, fields.splits);
    const recipient = await resolveRecipient(tx, before.localityId, fields);
    const updated = await tx
      .update(allocations)
      .set({
        fiscalYear: fields.fiscalYear,
        lastFiscalYear: storedLastFiscalYear(fields),
        program: fields.program,
        description: fields.description,
        recipientId: recipient.id,
        sourceId: fields.sourceId,
        amountCents: fields.amount,
        costType: fields.costType,
        version: sql`${allocations.version} + 1`,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      })
      .where(and(eq(allocations.id, ref.id), eq(allocations.version, ref.version)))
      .returning({ version: allocations.version });
    // Someone saved between our read and this write: theirs stands, ours is refused with their values.
    if (updated.length === 0) throw await allocationConflict(tx, (await readAllocationSnapshot(tx, ref.id))!);
    await writeSplits(tx, ref.id, fields.amount, fields.splits);
    const after = await readAllocationSnapshot(tx, ref.id);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: before.localityId,
      action: 'update',
      entity: 'allocation',
      entityId: ref.id,
      reason,
      before,
      after: { ...after, ...(recipient.created ? { recipientCreated: recipient.created } : {}) },
    });
    return { id: ref.id, version: updated[0]!.version };
  });
}
