import type { ServerColumnSpec, ServerDataTableProps } from '@/app/_components/server-data-table';
import { RecordNotice } from '@/app/staff/_components/list-page';
import { PostableTable } from '@/app/staff/_components/postable-table';
import type { StaffListQuery } from '@/lib/data/staff-list-query';
import type { MoneyListTotals } from '@/lib/data/staff-list-reader';
import type { PostableKind } from '@/lib/services/money/post';
import { DraftsNote } from './drafts-note';
import { LAST_CHANGED_COLUMN } from './list-filters';
import { postSelectedAction } from './post-actions';
import { listViewProps } from './staff-list';

/**
 * The columns a receipts or payments list ends with: the amount (the column MoneyListBody totals), whether the row
 * is posted (postableCells) and when it last changed.
 */
export const MONEY_LIST_LAST_COLUMNS: ServerColumnSpec[] = [
  { id: 'amount', header: 'Amount', kind: 'money' },
  { id: 'posting', header: 'Posted', kind: 'text', sortable: false },
  LAST_CHANGED_COLUMN,
];

type MoneyTableProps = Pick<ServerDataTableProps, 'caption' | 'columns' | 'rows' | 'searchLabel' | 'filters' | 'testId' | 'emptyMessage'>;

/**
 * What the receipts and the payments lists show under their lede, the same way: how many of the view are drafts,
 * what a save or a delete just did, and the table whose drafts may be posted, with the view's total. One place, so
 * the two lists of posted money cannot drift apart.
 */
export function MoneyListBody({
  kind,
  noun,
  listPath,
  locality,
  canPost,
  raw,
  query,
  page,
  ...table
}: MoneyTableProps & {
  kind: PostableKind;
  /** What one row is called in the notes: "receipt", "payment". */
  noun: 'receipt' | 'payment';
  /** The list's own path (`/staff/l/<slug>/receipts`); its export is below it. */
  listPath: string;
  locality: { id: number; slug: string };
  canPost: boolean;
  raw: Record<string, string>;
  query: StaffListQuery;
  page: { rowCount: number; totals: MoneyListTotals };
}) {
  return (
    <>
      <DraftsNote count={page.totals.drafts} noun={noun} base={listPath} />
      <RecordNotice noun={noun} saved={Boolean(raw.saved)} deleted={Boolean(raw.deleted)} />
      <PostableTable
        canPost={canPost}
        slug={locality.slug}
        localityId={locality.id}
        kind={kind}
        postAction={postSelectedAction}
        {...listViewProps(raw, query, page.rowCount, `${listPath}/export`)}
        {...table}
        totals={{ amount: page.totals.amountCents.toString() }}
      />
    </>
  );
}
