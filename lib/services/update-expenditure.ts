import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { expenditures } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readExpenditureSnapshot, type ExpenditureSnapshot } from '@/lib/data/staff-snapshots';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { fiscalYearOf } from '@/lib/fiscal-year';
import { staleVersionConflict } from './conflict';
import { checkExpenditureAllocation, expenditureFieldsSchema } from './expenditure-input';
import { expenditureFormValues } from './form-values';
import { loadLocality, parseVersionedRef } from './record-refs';

export function expenditureConflict(executor: Executor, snapshot: ExpenditureSnapshot) {
  return staleVersionConflict(executor, {
    entity: 'expenditure',
    id: snapshot.id,
    version: snapshot.version,
    values: expenditureFormValues(snapshot),
    deleted: snapshot.deletedAt !== null,
  });
}

/** Saves an edited expenditure over the version the form was opened with (see updateAllocation). */
export async function updateExpenditure(db: Executor, actor: Actor | null, input: unknown): Promise<{ id: number; version: number }> {
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, await readExpenditureSnapshot(db, ref.id), 'That expenditure');
  requireScope(actor, 'money.write', existing.localityId);
  const fields = parseInput(expenditureFieldsSchema, input);
  const locality = await loadLocality(db, existing.localityId);

  return db.transaction(async (tx) => {
    const before = await readExpenditureSnapshot(tx, ref.id);
    if (!before) throw new NotFound('That expenditure');
    if (before.deletedAt || before.version !== ref.version) throw await expenditureConflict(tx, before);
    await checkExpenditureAllocation(tx, before.localityId, fields.allocationId);
    const updated = await tx
      .update(expenditures)
      .set({
        allocationId: fields.allocationId,
        paidOn: fields.paidOn,
        fiscalYear: fiscalYearOf(fields.paidOn, locality.fyStartMonth),
        amountCents: fields.amount,
        description: fields.description,
        costType: fields.costType,
        version: sql`${expenditures.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(expenditures.id, ref.id), eq(expenditures.version, ref.version)))
      .returning({ version: expenditures.version });
    if (updated.length === 0) throw await expenditureConflict(tx, (await readExpenditureSnapshot(tx, ref.id))!);
    await recordAudit(tx, {
      userId: actor.userId,
      localityId: before.localityId,
      action: 'update',
      entity: 'expenditure',
      entityId: ref.id,
      before,
      after: await readExpenditureSnapshot(tx, ref.id),
    });
    return { id: ref.id, version: updated[0]!.version };
  });
}
