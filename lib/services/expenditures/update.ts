import { parseChangeReason } from '../change-reason';
import type { Actor } from '@/lib/auth/authorize';
import { readExpenditureSnapshot } from '@/lib/data/staff-snapshots';
import { parseInput } from '@/lib/errors/zod-errors';
import { expenditureColumns, expenditureFieldsSchema } from './input';
import { checkMoneyDate, guardPayment } from './guardrails';
import { postedNow, postOnEdit } from '../money/posting-rules';
import { expenditureRecord } from './conflict';
import { authorizeEdit, readForSave, updateOverVersion } from '../record-kind';
import { emitUpdated, type ServiceContext, withTransaction } from '../context';

/** Saves an edited expenditure over the version the form was opened with (see updateAllocation). */
export async function updateExpenditure(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; version: number }> {
  const { actor, ref, existing } = await authorizeEdit(ctx, input, expenditureRecord);
  const fields = parseInput(expenditureFieldsSchema, input);
  const reason = parseChangeReason(input);
  const { post, locality } = await postOnEdit(ctx.db, input, existing, 'payment');
  // A date already saved stays acceptable on an edit that keeps it (recorded before the guardrails).
  if (fields.paidOn !== existing.paidOn) checkMoneyDate('paidOn', fields.paidOn, 'payment');

  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readForSave(tx, expenditureRecord, ref);
    const { overspendReason } = await guardPayment(tx, {
      localityId: before.localityId,
      allocationId: fields.allocationId,
      amountCents: fields.amount,
      overspendReason: fields.overspendReason,
      previous: { id: before.id, allocationId: before.allocation.id, amountCents: before.amountCents },
    });
    const version = await updateOverVersion(tx, expenditureRecord, ref, {
      ...expenditureColumns(fields, overspendReason, locality.fyStartMonth),
      ...(post && !before.postedAt ? postedNow(true, actor.userId) : {}),
    });
    const after = await readExpenditureSnapshot(tx, ref.id);
    const { localityId } = before;
    await emitUpdated(tx, actor.userId, { localityId, entity: 'expenditure', entityId: ref.id, reason, before, after });
    return { id: ref.id, version };
  });
}
