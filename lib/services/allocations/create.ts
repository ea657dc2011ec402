import { allocations } from '@/db/schema';
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { parseInput } from '@/lib/errors/zod-errors';
import { allocationColumns, allocationFieldsSchema, checkCategories, checkSource, resolveRecipient, writeSplits } from './input';
import { loadLocalityOfInput } from '../record-refs';
import { emitCreated, type ServiceContext, withTransaction } from '../context';

/**
 * A new allocation, always a draft, with its category splits and (optionally) a recipient created on the way — all
 * in one transaction with its audit row, so the database never holds a line without its splits or its history.
 */
export async function createAllocation(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number }> {
  const { db, actor } = ctx;
  const locality = await loadLocalityOfInput(db, input);
  requireScope(actor, 'money.write', locality.id);
  const fields = parseInput(allocationFieldsSchema, input);

  return withTransaction(ctx, async ({ db: tx }) => {
    await checkSource(tx, fields.sourceId);
    await checkCategories(tx, locality.id, fields.splits);
    const recipient = await resolveRecipient(tx, locality.id, fields);
    const [row] = await tx
      .insert(allocations)
      .values({
        localityId: locality.id,
        ...allocationColumns(fields, recipient.id),
        status: 'draft',
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning({ id: allocations.id });
    if (!row) throw new Error('allocation was not created');
    await writeSplits(tx, row.id, fields.amount, fields.splits);
    const snapshot = await readAllocationSnapshot(tx, row.id);
    const after = { ...snapshot, ...(recipient.created ? { recipientCreated: recipient.created } : {}) };
    await emitCreated(tx, actor.userId, { localityId: locality.id, entity: 'allocation', entityId: row.id, after });
    return { id: row.id };
  });
}
