import { Flag } from '@/app/_components/flag';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import type { LocalitySpendingView } from '@/lib/views/locality-spending-view';
import { SpendingChartAndTable } from './spending-chart-and-table';

/** "Spending by category" (with the flag for uses the evidence discourages) and "Spending by group". */
export function SpendingSections({ view, fiscalYear }: { view: LocalitySpendingView; fiscalYear: number }) {
  const summary = `${view.allocatedSummary} ${view.spentSummary}`;
  return (
    <>
      <section aria-labelledby="by-category-heading">
        <h2 id="by-category-heading">Spending by category</h2>
        <p>{view.allocatedSummary}</p>
        {view.discouraged ? (
          <p>
            <Flag testId="discouraged-flag">
              {formatPercentFromBasisPoints(view.discouraged.shareBasisPoints)} of the allocated money (
              {formatCents(view.discouraged.cents)}) went to uses the evidence discourages: {view.discouraged.labels.join('; ')}.
            </Flag>
          </p>
        ) : null}
        <SpendingChartAndTable kind="category" title={`Allocated and spent by category, FY${fiscalYear}`} summary={summary} rows={view.categoryRows} />
      </section>
      <section aria-labelledby="by-group-heading">
        <h2 id="by-group-heading">Spending by group</h2>
        <SpendingChartAndTable kind="group" title={`Allocated and spent by category group, FY${fiscalYear}`} summary={summary} rows={view.groupRows} />
      </section>
    </>
  );
}
