import type { Executor } from '@/db/client';
import { expectedPayments } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { parseInput } from '@/lib/errors/zod-errors';
import { loadLocalityOfInput } from '../record-refs';
import { checkExpectedPaymentSource, expectedPaymentFieldsSchema } from './expected-payment-input';

/**
 * Records a new revision of an estimate: settlement × payment year × expected amount, with the estimate's date and
 * source. Earlier revisions stay as they were; the reconciliation takes the latest.
 */
export async function recordExpectedPayment(db: Executor, actor: Actor | null, input: unknown): Promise<{ id: number }> {
  const locality = await loadLocalityOfInput(db, input);
  requireScope(actor, 'money.write', locality.id);
  const fields = parseInput(expectedPaymentFieldsSchema, input);

  return db.transaction(async (tx) => {
    const source = await checkExpectedPaymentSource(tx, fields.sourceId, fields.paymentYear);
    const [row] = await tx
      .insert(expectedPayments)
      .values({
        localityId: locality.id,
        sourceId: fields.sourceId,
        paymentYear: fields.paymentYear,
        expectedOn: fields.expectedOn,
        amountCents: fields.amount,
        estimatedOn: fields.estimatedOn,
        estimateSource: fields.estimateSource,
        createdBy: actor.userId,
      })
      .returning({ id: expectedPayments.id });
    if (!row) throw new Error('expected payment was not recorded');
    await recordAudit(tx, {
      userId: actor.userId,
      localityId: locality.id,
      action: 'create',
      entity: 'expected_payment',
      entityId: row.id,
      after: {
        sourceId: source.id,
        source: source.name,
        paymentYear: fields.paymentYear,
        expectedOn: fields.expectedOn,
        amountCents: fields.amount,
        estimatedOn: fields.estimatedOn,
        estimateSource: fields.estimateSource,
      },
    });
    return { id: row.id };
  });
}
