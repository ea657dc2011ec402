'use client';

import { BulkActionForm } from '@/app/_components/forms/bulk-action-form';
import { ServerDataTable, type ServerDataTableProps } from '@/app/_components/server-data-table';
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
  return (
    <ServerDataTable
      {...table}
      selection={
        canSubmit
          ? {
              labelKey: 'program',
              selectableKey: 'selectable',
              actions: (selected) => (
                <BulkActionForm
                  action={submitSelectedAction}
                  slug={slug}
                  localityId={localityId}
                  verbs="submit"
                  testId="bulk-submit"
                  selected={selected.map((row) => ({ id: row.id ?? '', version: row.version ?? '', program: row.program ?? '' }))}
                />
              ),
            }
          : undefined
      }
    />
  );
}
