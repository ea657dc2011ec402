'use client';

import { BulkActionForm, type BulkFormAction } from '@/app/_components/forms/bulk-action-form';
import { ServerDataTable, type ServerDataTableProps } from '@/app/_components/server-data-table';
import type { PostableKind } from '@/lib/services/post-money';

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
  return (
    <ServerDataTable
      {...table}
      selection={
        canPost
          ? {
              labelKey: 'label',
              selectableKey: 'selectable',
              actions: (selected) => (
                <BulkActionForm
                  action={postAction}
                  slug={slug}
                  localityId={localityId}
                  verbs="post"
                  testId="bulk-post"
                  hidden={{ kind }}
                  selected={selected.map((row) => ({ id: row.id ?? '', version: row.version ?? '', program: row.label ?? '' }))}
                />
              ),
            }
          : undefined
      }
    />
  );
}
