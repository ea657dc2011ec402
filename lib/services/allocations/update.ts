import type { Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { parseChangeReason } from '../change-reason';
import { allocationColumns, allocationFieldsSchema, checkCategories, checkSource, resolveRecipient, writeSplits } from './input';
import { EDITABLE_STATUSES, allocationRecord } from './conflict';
import { authorizeEdit, readForSave, updateOverVersion } from '../record-kind';
import { emitUpdated, type ServiceContext, withTransaction } from '../context';

/**
 * Saves an edited allocation over the version the form was opened with. If anyone saved in between, nothing is
 * written and the Conflict carries their values, so the person can compare and save theirs on top.
 */
export async function updateAllocation(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; version: number }> {
  const { actor, ref } = await authorizeEdit(ctx, input, allocationRecord);
  const fields = parseInput(allocationFieldsSchema, input);
  const reason = parseChangeReason(input);

  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readForSave(tx, allocationRecord, ref);
    if (!EDITABLE_STATUSES.includes(before.status)) {
      throw new Invalid(`This allocation is ${before.status}; return it to draft before changing it.`);
    }
    await checkSource(tx, fields.sourceId);
    await checkCategories(tx, before.localityId, fields.splits);
    const recipient = await resolveRecipient(tx, before.localityId, fields);
    const version = await updateOverVersion(tx, allocationRecord, ref, {
      ...allocationColumns(fields, recipient.id),
      updatedBy: actor.userId,
    });
    await writeSplits(tx, ref.id, fields.amount, fields.splits);
    const after = await readAllocationSnapshot(tx, ref.id);
    await emitUpdated(tx, actor.userId, {
      localityId: before.localityId,
      entity: 'allocation',
      entityId: ref.id,
      reason,
      before,
      after: { ...after, ...(recipient.created ? { recipientCreated: recipient.created } : {}) },
    });
    return { id: ref.id, version };
  });
}
