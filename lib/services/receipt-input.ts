import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { fundingSources } from '@/db/schema';
import { Invalid } from '@/lib/errors';
import { idField, isoDateField, moneyField, textField } from './input-fields';

/** A payment received. Negative amounts are corrections (a payment reversed or clawed back). */
export const receiptFieldsSchema = z.object({
  sourceId: idField('Choose the settlement or grant the money came from.'),
  receivedOn: isoDateField('Enter the date the money was received.'),
  amount: moneyField({ required: 'Enter the amount received.', allowNegative: true, allowZero: false }),
  note: textField({ max: 2000, tooLong: 'Keep the note under 2,000 characters.' }),
});

export type ReceiptFields = z.infer<typeof receiptFieldsSchema>;

export async function checkReceiptSource(tx: Executor, sourceId: number): Promise<void> {
  const [row] = await tx.select({ id: fundingSources.id }).from(fundingSources).where(eq(fundingSources.id, sourceId));
  if (!row) throw new Invalid('Please correct the field marked below.', { sourceId: ['Choose a funding source from the list.'] });
}
