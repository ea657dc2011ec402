'use client';

/**
 * A category (or group) bar chart with its data table, from one array of rows. A client component with no hooks of
 * its own on purpose: in the App Router a server component's output travels twice (the HTML, and the flight data
 * inline in it), a client component's only as its props, so the rows are sent once for both the chart and the table
 * (ADR 0014). Its words come ready in the page's language (SpendingWords, from the Locality messages).
 */
import { CategoryBarChart } from '@/app/_components/category-bar-chart';
import { ChartAndTable } from '@/app/_components/chart-and-table';
import type { ColumnSpec } from '@/app/_components/data-table';
import type { SpendingRow } from '@/lib/views/locality-spending-view';

export interface SpendingWords {
  columnCategory: string;
  columnGroup: string;
  columnAllocated: string;
  columnSpent: string;
  total: string;
  empty: string;
}

function columns(kind: 'category' | 'group', words: SpendingWords): ColumnSpec[] {
  const money: ColumnSpec[] = [
    { id: 'allocated', header: words.columnAllocated, kind: 'money', total: true },
    { id: 'spent', header: words.columnSpent, kind: 'money', total: true },
  ];
  return kind === 'category'
    ? [{ id: 'label', header: words.columnCategory, kind: 'text' }, { id: 'group', header: words.columnGroup, kind: 'text' }, ...money]
    : [{ id: 'label', header: words.columnGroup, kind: 'text' }, ...money];
}

export function SpendingChartAndTable({
  kind,
  title,
  caption,
  summary,
  rows,
  words,
}: {
  kind: 'category' | 'group';
  title: string;
  /** The table's caption: "{title} (data table)" in the reader's words. */
  caption: string;
  summary: string;
  rows: SpendingRow[];
  words: SpendingWords;
}) {
  return (
    <ChartAndTable table={{ caption, columns: columns(kind, words), rows, totalsLabel: words.total, testId: `${kind}-table`, emptyMessage: words.empty }}>
      <CategoryBarChart
        title={title}
        summary={summary}
        data={rows.map((row) => ({ key: row.key, label: row.label, allocatedCents: row.allocated, spentCents: row.spent }))}
        testId={`${kind}-chart`}
      />
    </ChartAndTable>
  );
}
