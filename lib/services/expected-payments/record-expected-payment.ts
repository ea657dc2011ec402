import { expectedPayments } from '@/db/schema';
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { parseInput } from '@/lib/errors/zod-errors';
import { loadLocalityOfInput } from '../record-refs';
import { checkExpectedPaymentSource, expectedPaymentFieldsSchema } from './expected-payment-input';
import { emitCreated, type ServiceContext, withTransaction } from '../context';

/**
 * Records a new revision of an estimate: settlement × payment year × expected amount, with the estimate's date and
 * source. Earlier revisions stay as they were; the reconciliation takes the latest.
 */
export async function recordExpectedPayment(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number }> {
  const { db, actor } = ctx;
  const locality = await loadLocalityOfInput(db, input);
  requireScope(actor, 'money.write', locality.id);
  const fields = parseInput(expectedPaymentFieldsSchema, input);

  return withTransaction(ctx, async ({ db: tx }) => {
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
    const { paymentYear, expectedOn, amount: amountCents, estimatedOn, estimateSource } = fields;
    const after = { sourceId: source.id, source: source.name, paymentYear, expectedOn, amountCents, estimatedOn, estimateSource };
    await emitCreated(tx, actor.userId, { localityId: locality.id, entity: 'expected_payment', entityId: row.id, after });
    return { id: row.id };
  });
}
