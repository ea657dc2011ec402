import type { Metadata } from 'next';
import type { ServerColumnSpec, ServerRow } from '@/app/_components/server-data-table';
import { ListPage } from '@/app/staff/_components/list-page';
import { can } from '@/lib/auth/authorize';
import { listStaffFiscalYears } from '@/lib/data/staff-form-options';
import { listStaffReceipts, RECEIPT_SORT } from '@/lib/data/staff-receipts';
import { formatCents } from '@/lib/money';
import { mayPost } from '@/lib/services/money/posting-rules';
import { FISCAL_YEAR_COLUMN, fiscalYearFilter, postingFilter } from '../_lib/list-filters';
import { MONEY_LIST_LAST_COLUMNS, MoneyListBody } from '../_lib/money-list';
import { openStaffList, postableCells } from '../_lib/staff-list';
import type { LocalityRoute } from '../_lib/locality-page';

export const metadata: Metadata = { title: 'Receipts' };

const COLUMNS: ServerColumnSpec[] = [
  { id: 'receivedOn', header: 'Received on', kind: 'link', hrefKey: 'href', hideable: false },
  FISCAL_YEAR_COLUMN,
  { id: 'source', header: 'Settlement or grant', kind: 'text' },
  { id: 'note', header: 'Note', kind: 'text', sortable: false },
  ...MONEY_LIST_LAST_COLUMNS,
];

export default async function ReceiptsPage(route: LocalityRoute) {
  const { actor, locality, raw, query, db } = await openStaffList(route, 'receipts', RECEIPT_SORT);
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
    ...postableCells(row, `${formatCents(row.amountCents)} received ${row.receivedOn}`),
  }));
  return (
    <ListPage
      title="Receipts"
      newLink={mayWrite ? { href: `${base}/new`, label: 'Record a receipt' } : null}
      lede={<>Money {locality.name} received. The payment date decides the fiscal year. A receipt counts on the public pages once it is posted.</>}
    >
      <MoneyListBody
        kind="receipt"
        noun="receipt"
        listPath={base}
        locality={locality}
        canPost={mayPost(actor, locality)}
        raw={raw}
        query={query}
        page={page}
        caption={`Receipts of ${locality.name}`}
        columns={COLUMNS}
        rows={rows}
        searchLabel="Search notes and sources"
        filters={[fiscalYearFilter(years), postingFilter()]}
        testId="receipts-table"
        emptyMessage="No receipts match this view."
      />
    </ListPage>
  );
}
