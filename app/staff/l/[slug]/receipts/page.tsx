import type { Metadata } from 'next';
import Link from 'next/link';
import type { ServerColumnSpec, ServerRow } from '@/app/_components/server-data-table';
import { PostableTable } from '@/app/staff/_components/postable-table';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { fiscalYearFilter, postingFilter } from '../_lib/list-filters';
import { postSelectedAction } from '../_lib/post-actions';
import { getDb } from '@/db/runtime';
import { can } from '@/lib/auth/authorize';
import { listStaffFiscalYears } from '@/lib/data/staff-form-options';
import { flattenSearchParams, PAGE_SIZES, parseStaffListQuery, viewQueryString } from '@/lib/data/staff-list-query';
import { listStaffReceipts, RECEIPT_SORT } from '@/lib/data/staff-receipts';
import { formatCents } from '@/lib/money';
import { mayPost } from '@/lib/services/post-money';
import { POSTING_LABELS } from '@/lib/views/bulk-view';
import { DraftsNote } from '../_lib/drafts-note';

export const metadata: Metadata = { title: 'Receipts' };

const COLUMNS: ServerColumnSpec[] = [
  { id: 'receivedOn', header: 'Received on', kind: 'link', hrefKey: 'href', hideable: false },
  { id: 'fiscalYear', header: 'Fiscal year', kind: 'text' },
  { id: 'source', header: 'Settlement or grant', kind: 'text' },
  { id: 'note', header: 'Note', kind: 'text', sortable: false },
  { id: 'amount', header: 'Amount', kind: 'money' },
  { id: 'posting', header: 'Posted', kind: 'text', sortable: false },
  { id: 'updatedAt', header: 'Last changed (UTC)', kind: 'text', hiddenByDefault: true },
];

export default async function ReceiptsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { actor, locality } = await requireLocalityAccess(slug, 'locality.read', `/staff/l/${slug}/receipts`);
  const raw = flattenSearchParams(await searchParams);
  const query = parseStaffListQuery(raw, RECEIPT_SORT);
  const db = await getDb();
  const [page, years] = await Promise.all([listStaffReceipts(db, locality.id, query), listStaffFiscalYears(db, locality.id)]);
  const base = `/staff/l/${locality.slug}/receipts`;
  const mayWrite = can(actor, 'money.write', locality.id);
  const rows: ServerRow[] = page.rows.map((row) => ({
    id: String(row.id),
    href: mayWrite ? `${base}/${row.id}/edit` : null,
    receivedOn: row.receivedOn,
    fiscalYear: `FY${row.fiscalYear}`,
    source: row.source,
    note: row.note,
    amount: row.amountCents.toString(),
    updatedAt: row.updatedAt,
    posting: POSTING_LABELS[row.posted ? 'posted' : 'draft'],
    label: `${formatCents(row.amountCents)} received ${row.receivedOn}`,
    version: String(row.version),
    selectable: row.posted ? null : 'true',
  }));
  const exportQuery = viewQueryString(raw);
  return (
    <>
      <div className="page-header page-header--actions">
        <h1>Receipts</h1>
        {mayWrite ? (
          <Link href={`${base}/new`} className="button">
            Record a receipt
          </Link>
        ) : null}
      </div>
      <p className="lede">
        Money {locality.name} received. The payment date decides the fiscal year. A receipt counts on the public pages once
        it is posted.
      </p>
      <DraftsNote count={page.totals.drafts} noun="receipt" base={base} />
      {raw.saved || raw.deleted ? (
        <p className="notice" role="status">
          {raw.deleted ? 'The receipt was deleted. It stays in the history.' : 'The receipt was saved.'}
        </p>
      ) : null}
      <PostableTable
        canPost={mayPost(actor, locality)}
        slug={locality.slug}
        localityId={locality.id}
        kind="receipt"
        postAction={postSelectedAction}
        caption={`Receipts of ${locality.name}`}
        columns={COLUMNS}
        rows={rows}
        rowCount={page.rowCount}
        params={raw}
        page={query.page}
        pageSize={query.pageSize}
        pageSizes={PAGE_SIZES}
        sort={{ id: query.sort, desc: query.desc }}
        searchLabel="Search notes and sources"
        filters={[fiscalYearFilter(years), postingFilter()]}
        totals={{ amount: page.totals.amountCents.toString() }}
        totalsLabel="Total of this view"
        exportHref={`${base}/export${exportQuery ? `?${exportQuery}` : ''}`}
        testId="receipts-table"
        emptyMessage="No receipts match this view."
      />
    </>
  );
}
