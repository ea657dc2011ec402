/**
 * The values of the money forms, as the text people see and type. Edit forms open with these, and a conflict hands
 * the other person's saved values back in the same shape, so the two can be shown side by side field by field.
 */
import type { AllocationSnapshot, ExpenditureSnapshot, ReceiptSnapshot } from '@/lib/data/staff-snapshots';
import { formatCents } from '@/lib/money';
import { basisPointsToPercentText } from './percent';

export type RecipientMode = 'existing' | 'new' | 'none';

export interface SplitFormValue {
  categoryId: string;
  percent: string;
  /** The category's dollar amount, when the line is split by amount. */
  amount: string;
}

export interface AllocationFormValues {
  fiscalYear: string;
  /** '' for a line of one fiscal year. */
  lastFiscalYear: string;
  program: string;
  description: string;
  amount: string;
  /** '' when not given. */
  costType: string;
  sourceId: string;
  recipientMode: RecipientMode;
  recipientId: string;
  newRecipientName: string;
  newRecipientType: string;
  newRecipientLivedExperience: boolean;
  /** Whether the splits are entered as percentages or as dollar amounts (lib/services/allocations/input.ts). */
  splitBy: 'percent' | 'amount';
  splits: SplitFormValue[];
}

export interface ReceiptFormValues {
  sourceId: string;
  receivedOn: string;
  amount: string;
  /** '' when not given. */
  paymentYear: string;
  note: string;
}

export interface ExpenditureFormValues {
  allocationId: string;
  paidOn: string;
  amount: string;
  description: string;
  /** '' when not given: the allocation's own. */
  costType: string;
  /** '' unless the payment goes beyond what remains of its allocation. */
  overspendReason: string;
}

export function allocationFormValues(snapshot: AllocationSnapshot): AllocationFormValues {
  return {
    fiscalYear: String(snapshot.fiscalYear),
    lastFiscalYear: snapshot.lastFiscalYear === null ? '' : String(snapshot.lastFiscalYear),
    program: snapshot.program,
    description: snapshot.description,
    amount: formatCents(snapshot.amountCents),
    costType: snapshot.costType ?? '',
    sourceId: snapshot.source ? String(snapshot.source.id) : '',
    recipientMode: snapshot.recipient ? 'existing' : 'none',
    recipientId: snapshot.recipient ? String(snapshot.recipient.id) : '',
    newRecipientName: '',
    newRecipientType: '',
    newRecipientLivedExperience: false,
    splitBy: 'percent',
    splits: snapshot.splits.map((split) => ({
      categoryId: String(split.categoryId),
      percent: basisPointsToPercentText(split.shareBasisPoints),
      amount: formatCents(split.amountCents),
    })),
  };
}

export function receiptFormValues(snapshot: ReceiptSnapshot): ReceiptFormValues {
  return {
    sourceId: String(snapshot.source.id),
    receivedOn: snapshot.receivedOn,
    amount: formatCents(snapshot.amountCents),
    paymentYear: snapshot.paymentYear === null ? '' : String(snapshot.paymentYear),
    note: snapshot.note,
  };
}

export function expenditureFormValues(snapshot: ExpenditureSnapshot): ExpenditureFormValues {
  return {
    allocationId: String(snapshot.allocation.id),
    paidOn: snapshot.paidOn,
    amount: formatCents(snapshot.amountCents),
    description: snapshot.description,
    costType: snapshot.costType ?? '',
    overspendReason: snapshot.overspendReason ?? '',
  };
}
