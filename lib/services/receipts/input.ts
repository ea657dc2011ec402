import { z } from 'zod';
import type { Executor } from '@/db/client';
import { Invalid } from '@/lib/errors';
import { fiscalYearOf } from '@/lib/fiscal-year';
import { idField, isoDateField, moneyField, textField } from '../input-fields';
import { optionalPaymentYearField, paymentYearProblem, readPaymentSpan } from '../expenditures/payment-year';

/** A payment received. Negative amounts are corrections (a payment reversed or clawed back). */
export const receiptFieldsSchema = z.object({
  sourceId: idField('Choose the settlement or grant the money came from.'),
  receivedOn: isoDateField('Enter the date the money was received.'),
  amount: moneyField({ required: 'Enter the amount received.', allowNegative: true, allowZero: false }),
  // The settlement installment the money belongs to; optional, and none for interest and other revenue.
  paymentYear: optionalPaymentYearField,
  note: textField({ max: 2000, tooLong: 'Keep the note under 2,000 characters.' }),
});

export type ReceiptFields = z.infer<typeof receiptFieldsSchema>;

/** The columns a receipt's form sets, on create and on edit: its fiscal year follows from the date. */
export function receiptColumns(fields: ReceiptFields, fyStartMonth: number) {
  return {
    sourceId: fields.sourceId,
    receivedOn: fields.receivedOn,
    fiscalYear: fiscalYearOf(fields.receivedOn, fyStartMonth),
    amountCents: fields.amount,
    paymentYear: fields.paymentYear,
    note: fields.note,
  };
}

/** The source must exist, and a payment year given must be one of its payment years (see payment-year.ts). */
export async function checkReceiptSource(tx: Executor, sourceId: number, paymentYear: number | null = null): Promise<void> {
  const source = await readPaymentSpan(tx, sourceId);
  if (!source) throw new Invalid('Please correct the field marked below.', { sourceId: ['Choose a funding source from the list.'] });
  if (paymentYear === null) return;
  const problem = paymentYearProblem(source, paymentYear);
  if (problem) throw new Invalid('Please correct the field marked below.', { paymentYear: [problem] });
}
