import { expenditures } from '@/db/schema';
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { readExpenditureSnapshot } from '@/lib/data/staff-snapshots';
import { parseInput } from '@/lib/errors/zod-errors';
import { expenditureColumns, expenditureFieldsSchema } from './input';
import { checkMoneyDate, guardPayment } from './guardrails';
import { postIntentField } from '../input-fields';
import { checkPostOnSave, postedNow } from '../money/posting-rules';
import { loadLocalityOfInput } from '../record-refs';
import { emitCreated, type ServiceContext, withTransaction } from '../context';

/** A payment made against an approved allocation, saved as a draft or posted at once when the input asks to (`post`). */
export async function createExpenditure(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number }> {
  const { db, actor } = ctx;
  const locality = await loadLocalityOfInput(db, input);
  requireScope(actor, 'money.write', locality.id);
  const { intent: post, ...fields } = parseInput(expenditureFieldsSchema.extend({ intent: postIntentField }), input);
  checkPostOnSave(post, locality, 'payment');
  checkMoneyDate('paidOn', fields.paidOn, 'payment');

  return withTransaction(ctx, async ({ db: tx }) => {
    const { overspendReason } = await guardPayment(tx, {
      localityId: locality.id,
      allocationId: fields.allocationId,
      amountCents: fields.amount,
      overspendReason: fields.overspendReason,
    });
    const [row] = await tx
      .insert(expenditures)
      .values({
        localityId: locality.id,
        ...expenditureColumns(fields, overspendReason, locality.fyStartMonth),
        createdBy: actor.userId,
        ...postedNow(post, actor.userId),
      })
      .returning({ id: expenditures.id });
    if (!row) throw new Error('expenditure was not created');
    const after = await readExpenditureSnapshot(tx, row.id);
    await emitCreated(tx, actor.userId, { localityId: locality.id, entity: 'expenditure', entityId: row.id, after });
    return { id: row.id };
  });
}
