import type { Metadata } from 'next';
import Link from 'next/link';
import type { ServerColumnSpec, ServerRow } from '@/app/_components/server-data-table';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { formatFiscalYearSpan } from '@/lib/fiscal-year';
import { fiscalYearFilter, allocationStatusFilter, categoryFilter, recipientTypeFilter } from '../_lib/list-filters';
import { getDb } from '@/db/runtime';
import { can } from '@/lib/auth/authorize';
import { ALLOCATION_SORT, listStaffAllocations } from '@/lib/data/staff-allocations';
import { listCategoryOptions, listStaffFiscalYears } from '@/lib/data/staff-form-options';
import {
  flattenSearchParams,
  PAGE_SIZES,
  parseStaffListQuery,
  RECIPIENT_TYPE_LABELS,
  viewQueryString,
} from '@/lib/data/staff-list-query';
import { formatPercentFromBasisPoints } from '@/lib/money';
import { isSubmittable } from '@/lib/views/bulk-view';
import { AllocationsTable } from './allocations-table';

export const metadata: Metadata = { title: 'Allocations' };

const COLUMNS: ServerColumnSpec[] = [
  { id: 'program', header: 'Program', kind: 'link', hrefKey: 'href', hideable: false },
  { id: 'description', header: 'Description', kind: 'text', sortable: false, hiddenByDefault: true },
  { id: 'fiscalYear', header: 'Fiscal year', kind: 'text' },
  { id: 'recipient', header: 'Recipient', kind: 'text' },
  { id: 'recipientType', header: 'Recipient type', kind: 'text', sortable: false, hiddenByDefault: true },
  { id: 'categories', header: 'Categories', kind: 'text', sortable: false },
  { id: 'status', header: 'Status', kind: 'status' },
  { id: 'amount', header: 'Allocated', kind: 'money' },
  { id: 'spent', header: 'Spent', kind: 'money' },
  { id: 'updatedAt', header: 'Last changed (UTC)', kind: 'text', hiddenByDefault: true },
];

export default async function AllocationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { actor, locality } = await requireLocalityAccess(slug, 'locality.read', `/staff/l/${slug}/allocations`);
  const raw = flattenSearchParams(await searchParams);
  const query = parseStaffListQuery(raw, ALLOCATION_SORT);
  const db = await getDb();
  const [page, years, categories] = await Promise.all([
    listStaffAllocations(db, locality.id, query),
    listStaffFiscalYears(db, locality.id),
    listCategoryOptions(db, locality.id),
  ]);
  const base = `/staff/l/${locality.slug}/allocations`;
  const rows: ServerRow[] = page.rows.map((row) => ({
    id: String(row.id),
    href: `${base}/${row.id}`,
    program: row.program,
    description: row.description,
    fiscalYear: formatFiscalYearSpan(row.fiscalYear, row.lastFiscalYear),
    recipient: row.recipient,
    recipientType: row.recipientType ? (RECIPIENT_TYPE_LABELS[row.recipientType] ?? row.recipientType) : null,
    categories: row.categories.map((c) => `${c.label} ${formatPercentFromBasisPoints(c.shareBasisPoints)}`).join('; ') || null,
    status: row.status,
    amount: row.amountCents.toString(),
    spent: row.spentCents.toString(),
    updatedAt: row.updatedAt,
    version: String(row.version),
    selectable: isSubmittable(row.status) ? 'true' : null,
  }));
  const exportQuery = viewQueryString(raw);

  return (
    <>
      <div className="page-header page-header--actions">
        <h1>Allocations</h1>
        {can(actor, 'money.write', locality.id) ? (
          <Link href={`${base}/new`} className="button">
            New allocation
          </Link>
        ) : null}
      </div>
      <p className="lede">
        Every line of {locality.name}, in every status. Only approved lines appear on the public pages.
      </p>
      {raw.deleted ? (
        <p className="notice" role="status">
          The allocation was deleted. It stays in the history.
        </p>
      ) : null}
      <AllocationsTable
        canSubmit={can(actor, 'allocation.submit', locality.id)}
        slug={locality.slug}
        localityId={locality.id}
        caption={`Allocations of ${locality.name}`}
        columns={COLUMNS}
        rows={rows}
        rowCount={page.rowCount}
        params={raw}
        page={query.page}
        pageSize={query.pageSize}
        pageSizes={PAGE_SIZES}
        sort={{ id: query.sort, desc: query.desc }}
        searchLabel="Search program, description or recipient"
        filters={[fiscalYearFilter(years), allocationStatusFilter(), categoryFilter(categories), recipientTypeFilter()]}
        totals={{ amount: page.totals.amountCents.toString(), spent: page.totals.spentCents.toString() }}
        totalsLabel="Total of this view"
        exportHref={`${base}/export${exportQuery ? `?${exportQuery}` : ''}`}
        testId="allocations-table"
        emptyMessage="No allocations match this view."
      />
    </>
  );
}
