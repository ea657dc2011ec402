import type { Metadata } from 'next';
import type { ServerColumnSpec, ServerRow } from '@/app/_components/server-data-table';
import { ListPage, RecordNotice } from '@/app/staff/_components/list-page';
import { can } from '@/lib/auth/authorize';
import { ALLOCATION_SORT, listStaffAllocations } from '@/lib/data/staff-allocations';
import { formatFiscalYearSpan } from '@/lib/fiscal-year';
import {
  allocationStatusFilter,
  categoryFilter,
  categorySharesText,
  FISCAL_YEAR_COLUMN,
  fiscalYearFilter,
  LAST_CHANGED_COLUMN,
  RECIPIENT_TYPE_COLUMN,
  recipientTypeFilter,
  recipientTypeLabel,
} from '../_lib/list-filters';
import { listFilterChoices, listViewProps, openStaffList } from '../_lib/staff-list';
import type { LocalityRoute } from '../_lib/locality-page';
import { isSubmittable } from '@/lib/views/bulk-view';
import { AllocationsTable } from './allocations-table';

export const metadata: Metadata = { title: 'Allocations' };

const COLUMNS: ServerColumnSpec[] = [
  { id: 'program', header: 'Program', kind: 'link', hrefKey: 'href', hideable: false },
  { id: 'description', header: 'Description', kind: 'text', sortable: false, hiddenByDefault: true },
  FISCAL_YEAR_COLUMN,
  { id: 'recipient', header: 'Recipient', kind: 'text' },
  RECIPIENT_TYPE_COLUMN,
  { id: 'categories', header: 'Categories', kind: 'text', sortable: false },
  { id: 'status', header: 'Status', kind: 'status' },
  { id: 'amount', header: 'Allocated', kind: 'money' },
  { id: 'spent', header: 'Spent', kind: 'money' },
  LAST_CHANGED_COLUMN,
];

export default async function AllocationsPage(route: LocalityRoute) {
  const { actor, locality, raw, query, db } = await openStaffList(route, 'allocations', ALLOCATION_SORT);
  const [page, { years, categories }] = await Promise.all([listStaffAllocations(db, locality.id, query), listFilterChoices(db, locality.id)]);
  const base = `/staff/l/${locality.slug}/allocations`;
  const rows: ServerRow[] = page.rows.map((row) => ({
    id: String(row.id),
    href: `${base}/${row.id}`,
    program: row.program,
    description: row.description,
    fiscalYear: formatFiscalYearSpan(row.fiscalYear, row.lastFiscalYear),
    recipient: row.recipient,
    recipientType: recipientTypeLabel(row.recipientType),
    categories: categorySharesText(row.categories) || null,
    status: row.status,
    amount: row.amountCents.toString(),
    spent: row.spentCents.toString(),
    updatedAt: row.updatedAt,
    version: String(row.version),
    selectable: isSubmittable(row.status) ? 'true' : null,
  }));

  return (
    <ListPage
      title="Allocations"
      newLink={can(actor, 'money.write', locality.id) ? { href: `${base}/new`, label: 'New allocation' } : null}
      lede={<>Every line of {locality.name}, in every status. Only approved lines appear on the public pages.</>}
    >
      <RecordNotice noun="allocation" saved={false} deleted={Boolean(raw.deleted)} />
      <AllocationsTable
        canSubmit={can(actor, 'allocation.submit', locality.id)}
        slug={locality.slug}
        localityId={locality.id}
        {...listViewProps(raw, query, page.rowCount, `${base}/export`)}
        caption={`Allocations of ${locality.name}`}
        columns={COLUMNS}
        rows={rows}
        searchLabel="Search program, description or recipient"
        filters={[fiscalYearFilter(years), allocationStatusFilter(), categoryFilter(categories), recipientTypeFilter()]}
        totals={{ amount: page.totals.amountCents.toString(), spent: page.totals.spentCents.toString() }}
        testId="allocations-table"
        emptyMessage="No allocations match this view."
      />
    </ListPage>
  );
}
