'use client';

/**
 * "Spending over the year": the stacked quarter chart and its table, from one set of props. A client component
 * with no hooks of its own so that the figures travel once, as its props, not a second time as a rendered tree in
 * the flight data (ADR 0014). Its words come ready in the page's language (QuarterWords, from the Locality messages).
 */
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { QuarterChart } from '@/app/_components/quarter-chart';
import { quarterTableRows, type LocalityQuarterView } from '@/lib/views/locality-quarter-view';

export interface QuarterWords {
  heading: string;
  title: string;
  caption: string;
  columnGroup: string;
  columnYear: string;
  total: string;
  empty: string;
}

export function QuarterSection({ view, words }: { view: LocalityQuarterView; words: QuarterWords }) {
  const columns: ColumnSpec[] = [
    { id: 'group', header: words.columnGroup, kind: 'text' },
    ...view.quarters.map((quarter) => ({ id: quarter.key, header: quarter.label, kind: 'money' as const, total: true })),
    { id: 'total', header: words.columnYear, kind: 'money', total: true },
  ];
  return (
    <section aria-labelledby="over-time-heading">
      <h2 id="over-time-heading">{words.heading}</h2>
      <div className="chart-and-table">
        <QuarterChart title={words.title} summary={view.summary} quarters={view.quarters} groups={view.groups} cents={view.cents} testId="quarter-chart" />
        <DataTable
          caption={words.caption}
          columns={columns}
          rows={quarterTableRows(view)}
          totalsLabel={words.total}
          testId="quarter-table"
          emptyMessage={words.empty}
        />
      </div>
    </section>
  );
}
