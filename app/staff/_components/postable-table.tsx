'use client';

import type { BulkFormAction } from '@/app/_components/forms/bulk-action-form';
import { ServerDataTable, type ServerDataTableProps } from '@/app/_components/server-data-table';
import type { PostableKind } from '@/lib/services/money/post';
import { bulkSelection } from './bulk-selection';

/**
 * The staff receipts or payments list; for a person who may write, with a checkbox on each draft and "Post N
 * selected" above the table (postMoney: all or nothing). Rows carry `version`, `label` (what the line is called in
 * messages) and `selectable` ("true" on drafts).
 */
export function PostableTable({
  canPost,
  slug,
  localityId,
  kind,
  postAction,
  ...table
}: Omit<ServerDataTableProps, 'selection' | 'renderDetails' | 'detailsSummary'> & {
  canPost: boolean;
  slug: string;
  localityId: number;
  kind: PostableKind;
  postAction: BulkFormAction;
}) {
  const selection = canPost
    ? bulkSelection({ action: postAction, slug, localityId, verbs: 'post', testId: 'bulk-post', labelKey: 'label', hidden: { kind } })
    : undefined;
  return <ServerDataTable {...table} selection={selection} />;
}
