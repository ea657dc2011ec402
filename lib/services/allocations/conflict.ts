/** What an allocation's verbs share about editing: which statuses may be edited, and the conflict a stale save gets. */
import type { Executor } from '@/db/client';
import type { AllocationSnapshot } from '@/lib/data/staff-snapshots';
import { recordConflict } from '../conflict';
import { allocationFormValues } from '../form-values';

/** Lines in these states may be edited; a submitted or approved line must be returned to draft first. */
export const EDITABLE_STATUSES: readonly AllocationSnapshot['status'][] = ['draft', 'returned'];

export function allocationConflict(executor: Executor, snapshot: AllocationSnapshot) {
  return recordConflict(executor, 'allocation', snapshot, allocationFormValues(snapshot));
}
