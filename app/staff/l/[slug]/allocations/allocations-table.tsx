'use client';

import { ServerDataTable, type ServerDataTableProps } from '@/app/_components/server-data-table';
import { bulkSelection } from '@/app/staff/_components/bulk-selection';
import { submitSelectedAction } from './actions';

/**
 * The staff allocations list; for a person who may submit, with a checkbox on each draft or returned line and
 * "Submit N selected for review" above the table. Rows carry `version` and `selectable` ("true") for that.
 */
export function AllocationsTable({
  canSubmit,
  slug,
  localityId,
  ...table
}: Omit<ServerDataTableProps, 'selection' | 'renderDetails' | 'detailsSummary'> & { canSubmit: boolean; slug: string; localityId: number }) {
  const selection = canSubmit
    ? bulkSelection({ action: submitSelectedAction, slug, localityId, verbs: 'submit', testId: 'bulk-submit', labelKey: 'program' })
    : undefined;
  return <ServerDataTable {...table} selection={selection} />;
}
