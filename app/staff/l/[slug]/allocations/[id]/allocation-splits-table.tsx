import type { StaffAllocationDetail } from '@/lib/data/staff-allocations';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';

/** How the line's amount is split across categories: each category's share and its cents. */
export function AllocationSplitsTable({ splits }: { splits: StaffAllocationDetail['splits'] }) {
  return (
    <section aria-labelledby="categories-heading" className="section">
      <h2 id="categories-heading">Categories</h2>
      <div className="table-scroll" role="region" aria-label="Categories of this allocation" tabIndex={0}>
        <table className="data-table" data-testid="allocation-splits">
          <caption>How the amount is split across categories</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Framework</th>
              <th scope="col" className="th--end">
                Share
              </th>
              <th scope="col" className="th--end">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {splits.map((split) => (
              <tr key={split.categoryId}>
                <td>
                  {split.label} <span className="muted">({split.group})</span>
                </td>
                <td>{split.frameworkName}</td>
                <td className="cell--number">{formatPercentFromBasisPoints(split.shareBasisPoints)}</td>
                <td className="cell--money" data-cents={split.amountCents.toString()}>
                  {formatCents(split.amountCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
