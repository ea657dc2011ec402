'use client';

/**
 * "Spending over the year": the stacked quarter chart and its table, from one set of props. A client component
 * with no hooks of its own so that the figures travel once, as its props, not a second time as a rendered tree in
 * the flight data (ADR 0014).
 */
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { QuarterChart } from '@/app/_components/quarter-chart';
import { quarterTableRows, type LocalityQuarterView } from '@/lib/views/locality-quarter-view';

export function QuarterSection({ view, fiscalYear }: { view: LocalityQuarterView; fiscalYear: number }) {
  const title = `Money spent each quarter of FY${fiscalYear}, by category group`;
  const columns: ColumnSpec[] = [
    { id: 'group', header: 'Category group', kind: 'text' },
    ...view.quarters.map((quarter) => ({ id: quarter.key, header: quarter.label, kind: 'money' as const, total: true })),
    { id: 'total', header: 'Year', kind: 'money', total: true },
  ];
  return (
    <section aria-labelledby="over-time-heading">
      <h2 id="over-time-heading">Spending over the year</h2>
      <div className="chart-and-table">
        <QuarterChart title={title} summary={view.summary} quarters={view.quarters} groups={view.groups} cents={view.cents} testId="quarter-chart" />
        <DataTable
          caption={`${title} (data table)`}
          columns={columns}
          rows={quarterTableRows(view)}
          totalsLabel="Total"
          testId="quarter-table"
          emptyMessage="No spending recorded for this year."
        />
      </div>
    </section>
  );
}
