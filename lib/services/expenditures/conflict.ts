/** A payment as the record verbs see it, and the conflict a stale save or delete of one gets. */
import type { Executor } from '@/db/client';
import { expenditures } from '@/db/schema';
import { readExpenditureSnapshot, type ExpenditureSnapshot } from '@/lib/data/staff-snapshots';
import { expenditureFormValues } from '../form-values';
import { conflictOf, type RecordKind } from '../record-kind';

export const expenditureRecord: RecordKind<ExpenditureSnapshot, typeof expenditures> = {
  table: expenditures,
  entity: 'expenditure',
  label: 'That expenditure',
  read: readExpenditureSnapshot,
  formValues: expenditureFormValues,
};

export function expenditureConflict(executor: Executor, snapshot: ExpenditureSnapshot) {
  return conflictOf(executor, expenditureRecord, snapshot);
}
