import { MoneyCell, SimpleTable, TableScroll, type TableColumn } from '@/app/staff/_components/simple-table';
import type { StaffAllocationDetail } from '@/lib/data/staff-allocations';
import { formatPercentFromBasisPoints } from '@/lib/money';

const COLUMNS: readonly (string | TableColumn)[] = ['Category', 'Framework', { label: 'Share', className: 'th--end' }, { label: 'Amount', className: 'th--end' }];

/** How the line's amount is split across categories: each category's share and its cents. */
export function AllocationSplitsTable({ splits }: { splits: StaffAllocationDetail['splits'] }) {
  return (
    <section aria-labelledby="categories-heading" className="section">
      <h2 id="categories-heading">Categories</h2>
      <TableScroll label="Categories of this allocation">
        <SimpleTable className="data-table" testId="allocation-splits" caption="How the amount is split across categories" columns={COLUMNS}>
          {splits.map((split) => (
            <tr key={split.categoryId}>
              <td>
                {split.label} <span className="muted">({split.group})</span>
              </td>
              <td>{split.frameworkName}</td>
              <td className="cell--number">{formatPercentFromBasisPoints(split.shareBasisPoints)}</td>
              <MoneyCell cents={split.amountCents} />
            </tr>
          ))}
        </SimpleTable>
      </TableScroll>
    </section>
  );
}
