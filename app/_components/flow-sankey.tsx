'use client';

/**
 * Where the money came from and where it went: a Recharts Sankey from funding source (left) to category group
 * (right), sized by allocated money of approved lines.
 *
 * Amounts arrive as integer-cent strings and become Numbers only for geometry; every label is formatted from the
 * exact BigInt. The figure and summary render on the server; the SVG (flow-sankey-svg.tsx, loaded on demand
 * by chart-frame.ts) when the chart comes near the screen or the page is printed.
 *
 * Test hooks: each node is <g data-testid="flow-node" data-side data-name data-cents>.
 */

import { useId, useRef } from 'react';
import { createChartLoader, useChartFrame } from './chart-frame';
import type { FlowSankeySvgProps } from './flow-sankey-svg';

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

const ROW = 46;

const svgLoader = createChartLoader<FlowSankeySvgProps>(() => import('./flow-sankey-svg'));

export function FlowSankey({ title, summary, nodes, links, testId }: FlowSankeyProps) {
  const reactId = useId();
  const baseId = `fs-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const area = useRef<HTMLDivElement>(null);
  const frame = useChartFrame(area, svgLoader);
  const sources = nodes.filter((n) => n.side === 'source').length;
  const groups = nodes.length - sources;
  const height = Math.max(sources, groups, 3) * ROW + 24;
  const isEmpty = links.length === 0;

  return (
    <figure
      className="chart-figure"
      role="figure"
      aria-labelledby={`${baseId}-title`}
      aria-describedby={`${baseId}-summary`}
      data-testid={testId}
    >
      <figcaption id={`${baseId}-title`}>{title}</figcaption>
      {isEmpty ? (
        <p className="chart-empty">No approved allocations for this year.</p>
      ) : (
        <div className="chart-area chart-area--sankey" style={{ height }} ref={area}>
          {frame ? (
            <frame.Chart title={title} summary={summary} nodes={nodes} links={links} width={frame.width} height={height} />
          ) : null}
        </div>
      )}
      <p id={`${baseId}-summary`} className="chart-summary">
        {summary}
      </p>
    </figure>
  );
}
