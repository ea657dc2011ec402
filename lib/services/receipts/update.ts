import { and, eq, sql } from 'drizzle-orm';
import { receipts } from '@/db/schema';
import { parseChangeReason } from '../change-reason';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readReceiptSnapshot } from '@/lib/data/staff-snapshots';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { fiscalYearOf } from '@/lib/fiscal-year';
import { checkReceiptSource, receiptFieldsSchema } from './input';
import { checkMoneyDate } from '../expenditures/guardrails';
import { postIntentField } from '../input-fields';
import { checkPostOnSave, postedNow } from '../money/posting-rules';
import { loadLocality, parseVersionedRef } from '../record-refs';
import { receiptConflict } from './conflict';
import { emitAudit, type ServiceContext, withTransaction } from '../context';

/** Saves an edited receipt over the version the form was opened with (see updateAllocation). */
export async function updateReceipt(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; version: number }> {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, await readReceiptSnapshot(db, ref.id), 'That receipt');
  requireScope(actor, 'money.write', existing.localityId);
  const fields = parseInput(receiptFieldsSchema, input);
  const reason = parseChangeReason(input);
  // "Save and post" on a draft posts it with the edit; a posted one stays posted.
  const post = postIntentField.parse((input as { intent?: unknown } | null)?.intent);
  const locality = await loadLocality(db, existing.localityId);
  checkPostOnSave(post && !existing.postedAt, locality, 'receipt');
  // A date already saved stays acceptable on an edit that keeps it (recorded before the guardrails).
  if (fields.receivedOn !== existing.receivedOn) checkMoneyDate('receivedOn', fields.receivedOn, 'receipt');

  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readReceiptSnapshot(tx, ref.id);
    if (!before) throw new NotFound('That receipt');
    if (before.deletedAt || before.version !== ref.version) throw await receiptConflict(tx, before);
    await checkReceiptSource(tx, fields.sourceId, fields.paymentYear);
    const updated = await tx
      .update(receipts)
      .set({
        sourceId: fields.sourceId,
        receivedOn: fields.receivedOn,
        fiscalYear: fiscalYearOf(fields.receivedOn, locality.fyStartMonth),
        amountCents: fields.amount,
        paymentYear: fields.paymentYear,
        note: fields.note,
        ...(post && !before.postedAt ? postedNow(true, actor.userId) : {}),
        version: sql`${receipts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(receipts.id, ref.id), eq(receipts.version, ref.version)))
      .returning({ version: receipts.version });
    if (updated.length === 0) throw await receiptConflict(tx, (await readReceiptSnapshot(tx, ref.id))!);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: before.localityId,
      action: 'update',
      entity: 'receipt',
      entityId: ref.id,
      reason,
      before,
      after: await readReceiptSnapshot(tx, ref.id),
    });
    return { id: ref.id, version: updated[0]!.version };
  });
}
