import { parseChangeReason } from '../change-reason';
import type { Actor } from '@/lib/auth/authorize';
import { readReceiptSnapshot } from '@/lib/data/staff-snapshots';
import { parseInput } from '@/lib/errors/zod-errors';
import { checkReceiptSource, receiptColumns, receiptFieldsSchema } from './input';
import { checkMoneyDate } from '../expenditures/guardrails';
import { postedNow, postOnEdit } from '../money/posting-rules';
import { receiptRecord } from './conflict';
import { authorizeEdit, readForSave, updateOverVersion } from '../record-kind';
import { emitUpdated, type ServiceContext, withTransaction } from '../context';

/** Saves an edited receipt over the version the form was opened with (see updateAllocation). */
export async function updateReceipt(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; version: number }> {
  const { actor, ref, existing } = await authorizeEdit(ctx, input, receiptRecord);
  const fields = parseInput(receiptFieldsSchema, input);
  const reason = parseChangeReason(input);
  const { post, locality } = await postOnEdit(ctx.db, input, existing, 'receipt');
  // A date already saved stays acceptable on an edit that keeps it (recorded before the guardrails).
  if (fields.receivedOn !== existing.receivedOn) checkMoneyDate('receivedOn', fields.receivedOn, 'receipt');

  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readForSave(tx, receiptRecord, ref);
    await checkReceiptSource(tx, fields.sourceId, fields.paymentYear);
    const version = await updateOverVersion(tx, receiptRecord, ref, {
      ...receiptColumns(fields, locality.fyStartMonth),
      ...(post && !before.postedAt ? postedNow(true, actor.userId) : {}),
    });
    const after = await readReceiptSnapshot(tx, ref.id);
    const { localityId } = before;
    await emitUpdated(tx, actor.userId, { localityId, entity: 'receipt', entityId: ref.id, reason, before, after });
    return { id: ref.id, version };
  });
}
