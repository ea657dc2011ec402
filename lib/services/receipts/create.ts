import { receipts } from '@/db/schema';
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { readReceiptSnapshot } from '@/lib/data/staff-snapshots';
import { parseInput } from '@/lib/errors/zod-errors';
import { checkReceiptSource, receiptColumns, receiptFieldsSchema } from './input';
import { checkMoneyDate } from '../expenditures/guardrails';
import { postIntentField } from '../input-fields';
import { checkPostOnSave, postedNow } from '../money/posting-rules';
import { loadLocalityOfInput } from '../record-refs';
import { emitCreated, type ServiceContext, withTransaction } from '../context';

/**
 * A payment received; its fiscal year follows from the date and the locality's fiscal-year start month. Saved as a
 * draft, or posted at once when the input asks to (`post`).
 */
export async function createReceipt(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number }> {
  const { db, actor } = ctx;
  const locality = await loadLocalityOfInput(db, input);
  requireScope(actor, 'money.write', locality.id);
  const { intent: post, ...fields } = parseInput(receiptFieldsSchema.extend({ intent: postIntentField }), input);
  checkPostOnSave(post, locality, 'receipt');
  checkMoneyDate('receivedOn', fields.receivedOn, 'receipt');

  return withTransaction(ctx, async ({ db: tx }) => {
    await checkReceiptSource(tx, fields.sourceId, fields.paymentYear);
    const [row] = await tx
      .insert(receipts)
      .values({
        localityId: locality.id,
        ...receiptColumns(fields, locality.fyStartMonth),
        createdBy: actor.userId,
        ...postedNow(post, actor.userId),
      })
      .returning({ id: receipts.id });
    if (!row) throw new Error('receipt was not created');
    const after = await readReceiptSnapshot(tx, row.id);
    await emitCreated(tx, actor.userId, { localityId: locality.id, entity: 'receipt', entityId: row.id, after });
    return { id: row.id };
  });
}
