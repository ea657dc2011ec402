/** A receipt as the record verbs see it, and the conflict a stale save or delete of one gets. */
import type { Executor } from '@/db/client';
import { receipts } from '@/db/schema';
import { readReceiptSnapshot, type ReceiptSnapshot } from '@/lib/data/staff-snapshots';
import { receiptFormValues } from '../form-values';
import { conflictOf, type RecordKind } from '../record-kind';

export const receiptRecord: RecordKind<ReceiptSnapshot, typeof receipts> = {
  table: receipts,
  entity: 'receipt',
  label: 'That receipt',
  read: readReceiptSnapshot,
  formValues: receiptFormValues,
};

export function receiptConflict(executor: Executor, snapshot: ReceiptSnapshot) {
  return conflictOf(executor, receiptRecord, snapshot);
}
