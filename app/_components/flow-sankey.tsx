'use client';

/**
 * Where the money came from and where it went: a flow diagram from funding source (left) to category group
 * (right), sized by allocated money of approved lines.
 *
 * Amounts arrive as integer-cent strings and become Numbers only for geometry; every label is formatted from the
 * exact BigInt. All of it, the SVG (flow-sankey-svg.tsx) included, is in the server's HTML and needs no script
 * (ADR 0014); a client component so that its props, not its SVG, are what the flight data carries.
 *
 * Test hooks: each node is <g data-testid="flow-node" data-side data-cents>.
 *
 * Words: the Charts messages, in the page's language (a client namespace of the root layout's provider).
 */

import { useTranslations } from 'next-intl';
import { ChartFigure, useChartBaseId } from './chart-figure';
import { FlowSankeySvg } from './flow-sankey-svg';

export interface FlowNode {
  name: string;
  side: 'source' | 'group';
  color: string;
  cents: string;
}

export interface FlowLink {
  /** Index into nodes. */
  source: number;
  target: number;
  cents: string;
}

export interface FlowSankeyProps {
  title: string;
  summary: string;
  nodes: FlowNode[];
  links: FlowLink[];
  testId?: string;
}

export function FlowSankey({ title, summary, nodes, links, testId }: FlowSankeyProps) {
  const t = useTranslations('Charts');
  const baseId = useChartBaseId('fs');
  return (
    <ChartFigure baseId={baseId} title={title} summary={summary} empty={links.length === 0 ? t('noFlows') : null} testId={testId}>
      <div className="chart-area chart-area--sankey">
        <FlowSankeySvg title={title} nodes={nodes} links={links} />
      </div>
    </ChartFigure>
  );
}
