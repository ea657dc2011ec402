import { and, eq, sql } from 'drizzle-orm';
import { expenditures } from '@/db/schema';
import { parseChangeReason } from '../change-reason';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readExpenditureSnapshot } from '@/lib/data/staff-snapshots';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { fiscalYearOf } from '@/lib/fiscal-year';
import { expenditureFieldsSchema } from './input';
import { checkMoneyDate, guardPayment } from './guardrails';
import { postIntentField } from '../input-fields';
import { checkPostOnSave, postedNow } from '../money/posting-rules';
import { loadLocality, parseVersionedRef } from '../record-refs';
import { expenditureConflict } from './conflict';
import { emitAudit, type ServiceContext, withTransaction } from '../context';

/** Saves an edited expenditure over the version the form was opened with (see updateAllocation). */
export async function updateExpenditure(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; version: number }> {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, await readExpenditureSnapshot(db, ref.id), 'That expenditure');
  requireScope(actor, 'money.write', existing.localityId);
  const fields = parseInput(expenditureFieldsSchema, input);
  const reason = parseChangeReason(input);
  // "Save and post" on a draft posts it with the edit; a posted one stays posted.
  const post = postIntentField.parse((input as { intent?: unknown } | null)?.intent);
  const locality = await loadLocality(db, existing.localityId);
  checkPostOnSave(post && !existing.postedAt, locality, 'payment');
  // A date already saved stays acceptable on an edit that keeps it (recorded before the guardrails).
  if (fields.paidOn !== existing.paidOn) checkMoneyDate('paidOn', fields.paidOn, 'payment');

  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readExpenditureSnapshot(tx, ref.id);
    if (!before) throw new NotFound('That expenditure');
    if (before.deletedAt || before.version !== ref.version) throw await expenditureConflict(tx, before);
    const { overspendReason } = await guardPayment(tx, {
      localityId: before.localityId,
      allocationId: fields.allocationId,
      amountCents: fields.amount,
      overspendReason: fields.overspendReason,
      previous: { id: before.id, allocationId: before.allocation.id, amountCents: before.amountCents },
    });
    const updated = await tx
      .update(expenditures)
      .set({
        allocationId: fields.allocationId,
        paidOn: fields.paidOn,
        fiscalYear: fiscalYearOf(fields.paidOn, locality.fyStartMonth),
        amountCents: fields.amount,
        description: fields.description,
        costType: fields.costType,
        overspendReason,
        ...(post && !before.postedAt ? postedNow(true, actor.userId) : {}),
        version: sql`${expenditures.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(expenditures.id, ref.id), eq(expenditures.version, ref.version)))
      .returning({ version: expenditures.version });
    if (updated.length === 0) throw await expenditureConflict(tx, (await readExpenditureSnapshot(tx, ref.id))!);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: before.localityId,
      action: 'update',
      entity: 'expenditure',
      entityId: ref.id,
      reason,
      before,
      after: await readExpenditureSnapshot(tx, ref.id),
    });
    return { id: ref.id, version: updated[0]!.version };
  });
}
