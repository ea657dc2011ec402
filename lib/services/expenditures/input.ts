import { z } from 'zod';
import { fiscalYearOf } from '@/lib/fiscal-year';
import { costTypeField } from '../cost-type';
import { idField, isoDateField, moneyField, textField } from '../input-fields';

/**
 * A payment made against an allocation. The payment date decides its fiscal year, whatever the allocation's year
 * (money budgeted in FY2025 is often paid in FY2026). Negative amounts are refunds. The rules that need the database
 * (an approved allocation, no overspend without a reason, a plausible date) are in guardrails.ts.
 */
export const expenditureFieldsSchema = z.object({
  allocationId: idField('Choose the allocation this payment was made from.'),
  paidOn: isoDateField('Enter the date the payment was made.'),
  amount: moneyField({ required: 'Enter the amount paid.', allowNegative: true, allowZero: false }),
  description: textField({ max: 2000, tooLong: 'Keep the description under 2,000 characters.' }),
  // Only when it differs from the allocation's (empty: the allocation's own).
  costType: costTypeField,
  // Required only for a payment beyond what remains of its allocation; published with it (guardrails.ts).
  overspendReason: textField({ max: 2000, tooLong: 'Keep the overspend reason under 2,000 characters.' }),
});

export type ExpenditureFields = z.infer<typeof expenditureFieldsSchema>;

/**
 * The columns a payment's form sets, on create and on edit: its fiscal year follows from the date, and the overspend
 * reason is the one the guardrails kept (guardPayment).
 */
export function expenditureColumns(fields: ExpenditureFields, overspendReason: string | null, fyStartMonth: number) {
  return {
    allocationId: fields.allocationId,
    paidOn: fields.paidOn,
    fiscalYear: fiscalYearOf(fields.paidOn, fyStartMonth),
    amountCents: fields.amount,
    description: fields.description,
    costType: fields.costType,
    overspendReason,
  };
}
