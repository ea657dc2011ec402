import type { Metadata } from 'next';
import type { ServerColumnSpec, ServerRow } from '@/app/_components/server-data-table';
import { ListPage } from '@/app/staff/_components/list-page';
import { can } from '@/lib/auth/authorize';
import { EXPENDITURE_SORT, listStaffExpenditures } from '@/lib/data/staff-expenditures';
import { formatCents } from '@/lib/money';
import { mayPost } from '@/lib/services/money/posting-rules';
import {
  allocationStatusFilter,
  categoryFilter,
  FISCAL_YEAR_COLUMN,
  fiscalYearFilter,
  postingFilter,
  RECIPIENT_TYPE_COLUMN,
  recipientTypeFilter,
  recipientTypeLabel,
} from '../_lib/list-filters';
import { MONEY_LIST_LAST_COLUMNS, MoneyListBody } from '../_lib/money-list';
import { listFilterChoices, openStaffList, postableCells } from '../_lib/staff-list';
import type { LocalityRoute } from '../_lib/locality-page';

export const metadata: Metadata = { title: 'Expenditures' };

const COLUMNS: ServerColumnSpec[] = [
  { id: 'paidOn', header: 'Paid on', kind: 'link', hrefKey: 'href', hideable: false },
  FISCAL_YEAR_COLUMN,
  { id: 'program', header: 'Allocation', kind: 'link', hrefKey: 'allocationHref' },
  { id: 'recipient', header: 'Recipient', kind: 'text' },
  RECIPIENT_TYPE_COLUMN,
  { id: 'status', header: 'Allocation status', kind: 'status' },
  { id: 'description', header: 'Description', kind: 'text', sortable: false },
  ...MONEY_LIST_LAST_COLUMNS,
];

export default async function ExpendituresPage(route: LocalityRoute) {
  const { actor, locality, raw, query, db } = await openStaffList(route, 'expenditures', EXPENDITURE_SORT);
  const [page, { years, categories }] = await Promise.all([listStaffExpenditures(db, locality.id, query), listFilterChoices(db, locality.id)]);
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
    recipientType: recipientTypeLabel(row.recipientType),
    status: row.status,
    description: row.description,
    amount: row.amountCents.toString(),
    updatedAt: row.updatedAt,
    ...postableCells(row, `${formatCents(row.amountCents)} paid ${row.paidOn} from “${row.program}”`),
  }));
  return (
    <ListPage
      title="Expenditures"
      newLink={mayWrite ? { href: `${base}/expenditures/new`, label: 'Record a payment' } : null}
      lede={
        <>
          Money {locality.name} paid out, by the date it was paid. Filters on status, category and recipient apply to the allocation paid from. A payment counts on the public pages once it is posted.
        </>
      }
    >
      <MoneyListBody
        kind="expenditure"
        noun="payment"
        listPath={`${base}/expenditures`}
        locality={locality}
        canPost={mayPost(actor, locality)}
        raw={raw}
        query={query}
        page={page}
        caption={`Expenditures of ${locality.name}`}
        columns={COLUMNS}
        rows={rows}
        searchLabel="Search description, program or recipient"
        filters={[
          fiscalYearFilter(years, 'Fiscal year paid'),
          allocationStatusFilter('Allocation status'),
          categoryFilter(categories),
          recipientTypeFilter(),
          postingFilter(),
        ]}
        testId="expenditures-table"
        emptyMessage="No payments match this view."
      />
    </ListPage>
  );
}
