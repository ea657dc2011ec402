import { z } from 'zod';
import type { Executor } from '@/db/client';
import { parseIsoDate } from '@/lib/fiscal-year';
import { Invalid } from '@/lib/errors';
import { idField, isoDateField, moneyField, textField } from '../input-fields';
import { paymentYearField, paymentYearProblem, readPaymentSpan, type PaymentSpan } from '../expenditures/payment-year';

/**
 * One revision of what a locality expects from a settlement for one payment year. Revisions are never edited: a new
 * estimate is a new row, and the latest (by estimate date, then id) is the current expectation.
 */

const optionalIsoDate = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : value === undefined ? '' : value),
  z.union([z.literal('').transform(() => null), z.null(), z.string().refine((text) => parseIsoDate(text) !== null, { error: 'Enter a real date as YYYY-MM-DD, or leave it blank.' })]),
);

export const expectedPaymentFieldsSchema = z.object({
  sourceId: idField('Choose the settlement this payment comes from.'),
  paymentYear: paymentYearField,
  amount: moneyField({ required: 'Enter the expected amount.', allowNegative: false, allowZero: true }),
  expectedOn: optionalIsoDate,
  estimatedOn: isoDateField('Enter the date of the estimate.'),
  estimateSource: textField({
    max: 500,
    required: 'Say where the estimate comes from, like "BrownGreer allocation estimate, 2026-11-15".',
    tooLong: 'Keep the estimate source under 500 characters.',
  }),
});

export type ExpectedPaymentFields = z.infer<typeof expectedPaymentFieldsSchema>;

const CORRECT = 'Please correct the field marked below.';

/** The source must be a settlement, and the payment year one of its payment years. */
export async function checkExpectedPaymentSource(tx: Executor, sourceId: number, paymentYear: number): Promise<PaymentSpan> {
  const source = await readPaymentSpan(tx, sourceId);
  if (!source || source.kind !== 'settlement') {
    throw new Invalid(CORRECT, { sourceId: ['Choose a settlement from the list; expected payments are for settlements only.'] });
  }
  const problem = paymentYearProblem(source, paymentYear);
  if (problem) throw new Invalid(CORRECT, { paymentYear: [problem] });
  return source;
}
