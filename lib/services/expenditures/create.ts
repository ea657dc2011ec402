import type { Executor } from '@/db/client';
import { expenditures } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { readExpenditureSnapshot } from '@/lib/data/staff-snapshots';
import { parseInput } from '@/lib/errors/zod-errors';
import { fiscalYearOf } from '@/lib/fiscal-year';
import { expenditureFieldsSchema } from './input';
import { checkMoneyDate, guardPayment } from './guardrails';
import { postIntentField } from '../input-fields';
import { checkPostOnSave, postedNow } from '../money/posting-rules';
import { loadLocalityOfInput } from '../record-refs';

/** A payment made against an approved allocation, saved as a draft or posted at once when the input asks to (`post`). */
export async function createExpenditure(db: Executor, actor: Actor | null, input: unknown): Promise<{ id: number }> {
  const locality = await loadLocalityOfInput(db, input);
  requireScope(actor, 'money.write', locality.id);
  const { intent: post, ...fields } = parseInput(expenditureFieldsSchema.extend({ intent: postIntentField }), input);
  checkPostOnSave(post, locality, 'payment');
  checkMoneyDate('paidOn', fields.paidOn, 'payment');

  return db.transaction(async (tx) => {
    const { overspendReason } = await guardPayment(tx, {
      localityId: locality.id,
      allocationId: fields.allocationId,
      amountCents: fields.amount,
      overspendReason: fields.overspendReason,
    });
    const [row] = await tx
      .insert(expenditures)
      .values({
        allocationId: fields.allocationId,
        localityId: locality.id,
        paidOn: fields.paidOn,
        fiscalYear: fiscalYearOf(fields.paidOn, locality.fyStartMonth),
        amountCents: fields.amount,
        description: fields.description,
        costType: fields.costType,
        overspendReason,
        createdBy: actor.userId,
        ...postedNow(post, actor.userId),
      })
      .returning({ id: expenditures.id });
    if (!row) throw new Error('expenditure was not created');
    await recordAudit(tx, {
      userId: actor.userId,
      localityId: locality.id,
      action: 'create',
      entity: 'expenditure',
      entityId: row.id,
      after: await readExpenditureSnapshot(tx, row.id),
    });
    return { id: row.id };
  });
}
