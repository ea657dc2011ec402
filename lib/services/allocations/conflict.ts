/** An allocation as the record verbs see it: which statuses may be edited, and the conflict a stale save gets. */
import type { Executor } from '@/db/client';
import { allocations } from '@/db/schema';
import { readAllocationSnapshot, type AllocationSnapshot } from '@/lib/data/staff-snapshots';
import { allocationFormValues } from '../form-values';
import { conflictOf, type RecordKind } from '../record-kind';

/** Lines in these states may be edited; a submitted or approved line must be returned to draft first. */
export const EDITABLE_STATUSES: readonly AllocationSnapshot['status'][] = ['draft', 'returned'];

export const allocationRecord: RecordKind<AllocationSnapshot, typeof allocations> = {
  table: allocations,
  entity: 'allocation',
  label: 'That allocation',
  read: readAllocationSnapshot,
  formValues: allocationFormValues,
};

export function allocationConflict(executor: Executor, snapshot: AllocationSnapshot) {
  return conflictOf(executor, allocationRecord, snapshot);
}
