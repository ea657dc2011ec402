/** The conflict a stale save or delete of a receipt gets (shared by the receipt verbs). */
import type { Executor } from '@/db/client';
import type { ReceiptSnapshot } from '@/lib/data/staff-snapshots';
import { recordConflict } from '../conflict';
import { receiptFormValues } from '../form-values';

export function receiptConflict(executor: Executor, snapshot: ReceiptSnapshot) {
  return recordConflict(executor, 'receipt', snapshot, receiptFormValues(snapshot));
}
