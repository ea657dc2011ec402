'use client';

/**
 * "Where the money came from and where it went": funding source → category group, and its table, from one set of
 * props (a client component with no hooks of its own, so the figures travel once; ADR 0014).
 */
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { FlowSankey } from '@/app/_components/flow-sankey';
import { flowTableRows, foldSmallSources, type LocalityFlowView } from '@/lib/views/locality-flow-view';

const FLOW_COLUMNS: ColumnSpec[] = [
  { id: 'source', header: 'Funding source', kind: 'text' },
  { id: 'group', header: 'Category group', kind: 'text' },
  { id: 'allocated', header: 'Allocated', kind: 'money', total: true },
];

export function FlowSection({ view, fiscalYear }: { view: LocalityFlowView; fiscalYear: number }) {
  const diagram = foldSmallSources(view);
  return (
    <section aria-labelledby="flows-heading">
      <h2 id="flows-heading">Where the money came from and where it went</h2>
      <div className="chart-and-table">
        <FlowSankey
          title={`Allocated money from funding source to category group, FY${fiscalYear}`}
          summary={view.summary}
          nodes={diagram.nodes}
          links={diagram.links}
          testId="flow-chart"
        />
        <DataTable
          caption={`Allocated money by funding source and category group, FY${fiscalYear} (data table)`}
          columns={FLOW_COLUMNS}
          rows={flowTableRows(view)}
          totalsLabel="Total"
          testId="flow-table"
          emptyMessage="No approved allocations for this year."
        />
      </div>
    </section>
  );
}
