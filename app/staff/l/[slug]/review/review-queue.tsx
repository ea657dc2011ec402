'use client';

import type { ReactNode } from 'react';
import { ServerDataTable, type ServerDataTableProps } from '@/app/_components/server-data-table';
import { bulkSelection } from '@/app/staff/_components/bulk-selection';
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
      selection={bulkSelection({ action: decideSelectedAction, slug, localityId, verbs: 'decide', testId: 'bulk-decide', labelKey: 'program' })}
      renderDetails={(row) => details[row.id ?? ''] ?? null}
      detailsSummary={(row) => `Details and decision: ${row.program ?? ''}`}
    />
  );
}
