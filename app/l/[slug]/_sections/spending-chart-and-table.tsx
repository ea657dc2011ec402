'use client';

/**
 * A category (or group) bar chart with its data table, from one array of rows. A client component with no hooks of
 * its own on purpose: in the App Router a server component's output travels twice (the HTML, and the flight data
 * inline in it), a client component's only as its props, so the rows are sent once for both the chart and the table
 * (ADR 0014).
 */
import { CategoryBarChart } from '@/app/_components/category-bar-chart';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import type { SpendingRow } from '@/lib/views/locality-spending-view';

const COLUMNS: Record<'category' | 'group', ColumnSpec[]> = {
  category: [
    { id: 'label', header: 'Category', kind: 'text' },
    { id: 'group', header: 'Group', kind: 'text' },
    { id: 'allocated', header: 'Allocated', kind: 'money', total: true },
    { id: 'spent', header: 'Spent', kind: 'money', total: true },
  ],
  group: [
    { id: 'label', header: 'Group', kind: 'text' },
    { id: 'allocated', header: 'Allocated', kind: 'money', total: true },
    { id: 'spent', header: 'Spent', kind: 'money', total: true },
  ],
};

export function SpendingChartAndTable({
  kind,
  title,
  summary,
  rows,
}: {
  kind: 'category' | 'group';
  title: string;
  summary: string;
  rows: SpendingRow[];
}) {
  return (
    <div className="chart-and-table">
      <CategoryBarChart
        title={title}
        summary={summary}
        data={rows.map((row) => ({ key: row.key, label: row.label, allocatedCents: row.allocated, spentCents: row.spent }))}
        testId={`${kind}-chart`}
      />
      <DataTable
        caption={`${title} (data table)`}
        columns={COLUMNS[kind]}
        rows={rows}
        totalsLabel="Total"
        testId={`${kind}-table`}
        emptyMessage="No approved spending for this year."
      />
    </div>
  );
}
