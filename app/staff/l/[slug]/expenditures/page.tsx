import type { Metadata } from 'next';
import Link from 'next/link';
import type { ServerColumnSpec, ServerRow } from '@/app/_components/server-data-table';
import { PostableTable } from '@/app/staff/_components/postable-table';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { fiscalYearFilter, allocationStatusFilter, categoryFilter, postingFilter, recipientTypeFilter } from '../_lib/list-filters';
import { DraftsNote } from '../_lib/drafts-note';
import { postSelectedAction } from '../_lib/post-actions';
import { getDb } from '@/db/runtime';
import { can } from '@/lib/auth/authorize';
import { EXPENDITURE_SORT, listStaffExpenditures } from '@/lib/data/staff-expenditures';
import { listCategoryOptions, listStaffFiscalYears } from '@/lib/data/staff-form-options';
import { formatCents } from '@/lib/money';
import { mayPost } from '@/lib/services/post-money';
import { POSTING_LABELS } from '@/lib/views/bulk-view';
import {
  flattenSearchParams,
  PAGE_SIZES,
  parseStaffListQuery,
  RECIPIENT_TYPE_LABELS,
  viewQueryString,
} from '@/lib/data/staff-list-query';

export const metadata: Metadata = { title: 'Expenditures' };

const COLUMNS: ServerColumnSpec[] = [
  { id: 'paidOn', header: 'Paid on', kind: 'link', hrefKey: 'href', hideable: false },
  { id: 'fiscalYear', header: 'Fiscal year', kind: 'text' },
  { id: 'program', header: 'Allocation', kind: 'link', hrefKey: 'allocationHref' },
  { id: 'recipient', header: 'Recipient', kind: 'text' },
  { id: 'recipientType', header: 'Recipient type', kind: 'text', sortable: false, hiddenByDefault: true },
  { id: 'status', header: 'Allocation status', kind: 'status' },
  { id: 'description', header: 'Description', kind: 'text', sortable: false },
  { id: 'amount', header: 'Amount', kind: 'money' },
  { id: 'posting', header: 'Posted', kind: 'text', sortable: false },
  { id: 'updatedAt', header: 'Last changed (UTC)', kind: 'text', hiddenByDefault: true },
];

export default async function ExpendituresPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { actor, locality } = await requireLocalityAccess(slug, 'locality.read', `/staff/l/${slug}/expenditures`);
  const raw = flattenSearchParams(await searchParams);
  const query = parseStaffListQuery(raw, EXPENDITURE_SORT);
  const db = await getDb();
  const [page, years, categories] = await Promise.all([
    listStaffExpenditures(db, locality.id, query),
    listStaffFiscalYears(db, locality.id),
    listCategoryOptions(db, locality.id),
  ]);
  const base = `/staff/l/${locality.slug}`;
  const mayWrite = can(actor, 'money.write', locality.id);
  const rows: ServerRow[] = page.rows.map((row) => ({
    id: String(row.id),
    href: mayWrite ? `${base}/expenditures/${row.id}/edit` : null,
    allocationHref: `${base}/allocations/${row.allocationId}`,
    paidOn: row.paidOn,
    fiscalYear: `FY${row.fiscalYear}`,
    program: row.program,
    recipient: row.recipient,
    recipientType: row.recipientType ? (RECIPIENT_TYPE_LABELS[row.recipientType] ?? row.recipientType) : null,
    status: row.status,
    description: row.description,
    amount: row.amountCents.toString(),
    updatedAt: row.updatedAt,
    posting: POSTING_LABELS[row.posted ? 'posted' : 'draft'],
    label: `${formatCents(row.amountCents)} paid ${row.paidOn} from “${row.program}”`,
    version: String(row.version),
    selectable: row.posted ? null : 'true',
  }));
  const exportQuery = viewQueryString(raw);
  return (
    <>
      <div className="page-header page-header--actions">
        <h1>Expenditures</h1>
        {mayWrite ? (
          <Link href={`${base}/expenditures/new`} className="button">
            Record a payment
          </Link>
        ) : null}
      </div>
      <p className="lede">Money {locality.name} paid out, by the date it was paid. Filters on status, category and recipient apply to the allocation paid from. A payment counts on the public pages once it is posted.</p>
      <DraftsNote count={page.totals.drafts} noun="payment" base={`${base}/expenditures`} />
      {raw.saved || raw.deleted ? (
        <p className="notice" role="status">
          {raw.deleted ? 'The payment was deleted. It stays in the history.' : 'The payment was saved.'}
        </p>
      ) : null}
      <PostableTable
        canPost={mayPost(actor, locality)}
        slug={locality.slug}
        localityId={locality.id}
        kind="expenditure"
        postAction={postSelectedAction}
        caption={`Expenditures of ${locality.name}`}
        columns={COLUMNS}
        rows={rows}
        rowCount={page.rowCount}
        params={raw}
        page={query.page}
        pageSize={query.pageSize}
        pageSizes={PAGE_SIZES}
        sort={{ id: query.sort, desc: query.desc }}
        searchLabel="Search description, program or recipient"
        filters={[
          fiscalYearFilter(years, 'Fiscal year paid'),
          allocationStatusFilter('Allocation status'),
          categoryFilter(categories),
          recipientTypeFilter(),
          postingFilter(),
        ]}
        totals={{ amount: page.totals.amountCents.toString() }}
        totalsLabel="Total of this view"
        exportHref={`${base}/expenditures/export${exportQuery ? `?${exportQuery}` : ''}`}
        testId="expenditures-table"
        emptyMessage="No payments match this view."
      />
    </>
  );
}
