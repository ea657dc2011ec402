import Link from 'next/link';
import { MoneyCell, SimpleTable, TableScroll } from '@/app/staff/_components/simple-table';
import type { StaffExpenditureRow } from '@/lib/data/staff-expenditures';
import type { StaffPage } from '@/lib/data/staff-list-query';

/** The payments recorded against the line, oldest first, with their total; each opens its edit form for an editor. */
export function AllocationSpending({
  spending,
  allocationId,
  base,
  mayWrite,
}: {
  spending: StaffPage<StaffExpenditureRow, { amountCents: bigint }>;
  allocationId: number;
  base: string;
  mayWrite: boolean;
}) {
  return (
    <section aria-labelledby="spending-heading" className="section">
      <div className="page-header--actions">
        <h2 id="spending-heading">Spending against this allocation</h2>
        {mayWrite ? (
          <Link href={`${base}/expenditures/new?allocation=${allocationId}`} className="button button--secondary">
            Record a payment
          </Link>
        ) : null}
      </div>
      {spending.rowCount === 0 ? (
        <p className="muted">No payments recorded yet.</p>
      ) : (
        <TableScroll label="Payments from this allocation">
          <SimpleTable
            className="data-table"
            testId="allocation-expenditures"
            caption="Payments from this allocation"
            columns={['Paid on', 'Fiscal year', 'Description', { label: 'Amount', className: 'th--end' }]}
            foot={
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    Total spent
                  </th>
                  <MoneyCell cents={spending.totals.amountCents} />
                </tr>
              </tfoot>
            }
          >
            {spending.rows.map((row) => (
              <tr key={row.id}>
                <td>{mayWrite ? <Link href={`${base}/expenditures/${row.id}/edit`}>{row.paidOn}</Link> : row.paidOn}</td>
                <td>FY{row.fiscalYear}</td>
                <td>{row.description}</td>
                <MoneyCell cents={row.amountCents} />
              </tr>
            ))}
          </SimpleTable>
        </TableScroll>
      )}
    </section>
  );
}
