'use client';

/**
 * "Spending over the year": the stacked quarter chart and its table, from one set of props. A client component
 * with no hooks of its own so that the figures travel once, as its props, not a second time as a rendered tree in
 * the flight data (ADR 0014). Its words come ready in the page's language (QuarterWords, from the Locality messages).
 */
import { ChartAndTable } from '@/app/_components/chart-and-table';
import type { ColumnSpec } from '@/app/_components/data-table';
import { PageSection } from '@/app/_components/page-section';
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
  const table = { caption: words.caption, columns, rows: quarterTableRows(view), totalsLabel: words.total, testId: 'quarter-table', emptyMessage: words.empty };
  return (
    <PageSection headingId="over-time-heading" heading={words.heading}>
      <ChartAndTable table={table}>
        <QuarterChart title={words.title} summary={view.summary} quarters={view.quarters} groups={view.groups} cents={view.cents} testId="quarter-chart" />
      </ChartAndTable>
    </PageSection>
  );
}
