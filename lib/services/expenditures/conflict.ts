/** The conflict a stale save or delete of a payment gets (shared by the payment verbs). */
import type { Executor } from '@/db/client';
import type { ExpenditureSnapshot } from '@/lib/data/staff-snapshots';
import { staleVersionConflict } from '../conflict';
import { expenditureFormValues } from '../form-values';

export function expenditureConflict(executor: Executor, snapshot: ExpenditureSnapshot) {
  return staleVersionConflict(executor, {
    entity: 'expenditure',
    id: snapshot.id,
    version: snapshot.version,
    values: expenditureFormValues(snapshot),
    deleted: snapshot.deletedAt !== null,
  });
}
