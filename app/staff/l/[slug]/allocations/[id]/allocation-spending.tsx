import Link from 'next/link';
import type { StaffExpenditureRow } from '@/lib/data/staff-expenditures';
import type { StaffPage } from '@/lib/data/staff-list-query';
import { formatCents } from '@/lib/money';

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
        <div className="table-scroll" role="region" aria-label="Payments from this allocation" tabIndex={0}>
          <table className="data-table" data-testid="allocation-expenditures">
            <caption>Payments from this allocation</caption>
            <thead>
              <tr>
                <th scope="col">Paid on</th>
                <th scope="col">Fiscal year</th>
                <th scope="col">Description</th>
                <th scope="col" className="th--end">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {spending.rows.map((row) => (
                <tr key={row.id}>
                  <td>{mayWrite ? <Link href={`${base}/expenditures/${row.id}/edit`}>{row.paidOn}</Link> : row.paidOn}</td>
                  <td>FY{row.fiscalYear}</td>
                  <td>{row.description}</td>
                  <td className="cell--money" data-cents={row.amountCents.toString()}>
                    {formatCents(row.amountCents)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Total spent
                </th>
                <td className="cell--money" data-cents={spending.totals.amountCents.toString()}>
                  {formatCents(spending.totals.amountCents)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
