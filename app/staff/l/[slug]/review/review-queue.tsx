'use client';

import type { ReactNode } from 'react';
import { BulkActionForm } from '@/app/_components/forms/bulk-action-form';
import { ServerDataTable, type ServerDataTableProps } from '@/app/_components/server-data-table';
import { decideSelectedAction } from './actions';

/**
 * The review page's queue: one row a submitted line, a checkbox on each line the reviewer may decide (not the ones
 * they created or submitted), "Approve N selected" / "Return N selected" above, and each line's detail — facts,
 * flags, equity impact and the single decision form — opened in place under its row.
 */
export function ReviewQueue({
  slug,
  localityId,
  details,
  ...table
}: Omit<ServerDataTableProps, 'selection' | 'renderDetails' | 'detailsSummary'> & {
  slug: string;
  localityId: number;
  details: Record<string, ReactNode>;
}) {
  return (
    <ServerDataTable
      {...table}
      selection={{
        labelKey: 'program',
        selectableKey: 'selectable',
        actions: (selected) => (
          <BulkActionForm
            action={decideSelectedAction}
            slug={slug}
            localityId={localityId}
            verbs="decide"
            testId="bulk-decide"
            selected={selected.map((row) => ({ id: row.id ?? '', version: row.version ?? '', program: row.program ?? '' }))}
          />
        ),
      }}
      renderDetails={(row) => details[row.id ?? ''] ?? null}
      detailsSummary={(row) => `Details and decision: ${row.program ?? ''}`}
    />
  );
}
