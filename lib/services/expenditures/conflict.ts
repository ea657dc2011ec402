/** The conflict a stale save or delete of a payment gets (shared by the payment verbs). */
import type { Executor } from '@/db/client';
import type { ExpenditureSnapshot } from '@/lib/data/staff-snapshots';
import { recordConflict } from '../conflict';
import { expenditureFormValues } from '../form-values';

export function expenditureConflict(executor: Executor, snapshot: ExpenditureSnapshot) {
  return recordConflict(executor, 'expenditure', snapshot, expenditureFormValues(snapshot));
}
