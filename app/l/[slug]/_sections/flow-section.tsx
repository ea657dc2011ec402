'use client';

/**
 * "Where the money came from and where it went": funding source → category group, and its table, from one set of
 * props (a client component with no hooks of its own, so the figures travel once; ADR 0014). Its words come ready
 * in the page's language (FlowWords, from the Locality messages); `diagram` is `view` with the small sources folded
 * (foldSmallSources, which names the folded node in the reader's words).
 */
import { ChartAndTable } from '@/app/_components/chart-and-table';
import type { ColumnSpec } from '@/app/_components/data-table';
import { FlowSankey } from '@/app/_components/flow-sankey';
import { PageSection } from '@/app/_components/page-section';
import { flowTableRows, type LocalityFlowView } from '@/lib/views/locality-flow-view';

export interface FlowWords {
  heading: string;
  title: string;
  caption: string;
  columnSource: string;
  columnGroup: string;
  columnAllocated: string;
  total: string;
  empty: string;
}

export function FlowSection({ view, diagram, words }: { view: LocalityFlowView; diagram: Pick<LocalityFlowView, 'nodes' | 'links'>; words: FlowWords }) {
  const columns: ColumnSpec[] = [
    { id: 'source', header: words.columnSource, kind: 'text' },
    { id: 'group', header: words.columnGroup, kind: 'text' },
    { id: 'allocated', header: words.columnAllocated, kind: 'money', total: true },
  ];
  const table = { caption: words.caption, columns, rows: flowTableRows(view), totalsLabel: words.total, testId: 'flow-table', emptyMessage: words.empty };
  return (
    <PageSection headingId="flows-heading" heading={words.heading}>
      <ChartAndTable table={table}>
        <FlowSankey title={words.title} summary={view.summary} nodes={diagram.nodes} links={diagram.links} testId="flow-chart" />
      </ChartAndTable>
    </PageSection>
  );
}
