'use client';

/**
 * Where the money came from and where it went: a Recharts Sankey from funding source (left) to category group
 * (right), sized by allocated money of approved lines.
 *
 * Amounts arrive as integer-cent strings and become Numbers only for geometry; every label is formatted from the
 * exact BigInt. The figure and summary render on the server, the SVG after mount (it needs the width).
 *
 * Test hooks: each node is <g data-testid="flow-node" data-side data-name data-cents>.
 */

import { useCallback, useId, useMemo } from 'react';
import { ResponsiveContainer, Sankey, type SankeyLinkProps, type SankeyNodeProps } from 'recharts';
import { formatCents, formatCentsCompact } from '@/lib/money';
import { useIsClient } from './use-is-client';

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

const COLOR_TEXT = '#14233c';
const ROW = 46;

interface NodePayload {
  name: string;
  side: 'source' | 'group';
  color: string;
  cents: string;
}

export function FlowSankey({ title, summary, nodes, links, testId }: FlowSankeyProps) {
  const reactId = useId();
  const baseId = `fs-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const isClient = useIsClient();

  const data = useMemo(
    () => ({
      nodes: nodes.map((n) => ({ name: n.name, side: n.side, color: n.color, cents: n.cents })),
      links: links.map((l) => ({ source: l.source, target: l.target, value: Number(BigInt(l.cents)) })),
    }),
    [nodes, links],
  );
  const sources = nodes.filter((n) => n.side === 'source').length;
  const groups = nodes.length - sources;
  const height = Math.max(sources, groups, 3) * ROW + 24;
  const isEmpty = links.length === 0;

  const renderNode = useCallback((props: SankeyNodeProps) => {
    const { x, y, width, height: h, payload } = props;
    const node = payload as unknown as NodePayload;
    const isSource = node.side === 'source';
    const labelX = isSource ? x + width + 6 : x - 6;
    const anchor = isSource ? 'start' : 'end';
    const amount = formatCentsCompact(BigInt(node.cents));
    return (
      <g data-testid="flow-node" data-side={node.side} data-name={node.name} data-cents={node.cents}>
        <rect x={x} y={y} width={width} height={Math.max(h, 1)} fill={node.color} stroke={node.color} />
        <text
          x={labelX}
          y={y + h / 2}
          textAnchor={anchor}
          dominantBaseline="middle"
          fill={COLOR_TEXT}
          fontSize={12.5}
          stroke="#ffffff"
          strokeWidth={3}
          strokeLinejoin="round"
          paintOrder="stroke"
        >
          <title>{`${node.name}: ${formatCents(BigInt(node.cents))}`}</title>
          <tspan fontWeight={600}>{shorten(node.name, 34)}</tspan>
          <tspan dx={6}>{amount}</tspan>
        </text>
      </g>
    );
  }, []);

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
        <div className="chart-area chart-area--sankey" style={{ height }}>
          {isClient ? (
            <ResponsiveContainer width="100%" height={height}>
              <Sankey
                data={data}
                nodeWidth={12}
                nodePadding={18}
                linkCurvature={0.5}
                iterations={32}
                margin={{ top: 12, right: 8, bottom: 12, left: 8 }}
                node={renderNode}
                link={renderLink}
                accessibilityLayer={false}
                role="img"
                aria-label={`${title}. Flow diagram from funding source to category group; the table below has the figures.`}
                title={title}
                desc={summary}
              />
            </ResponsiveContainer>
          ) : null}
        </div>
      )}
      <p id={`${baseId}-summary`} className="chart-summary">
        {summary}
      </p>
    </figure>
  );
}

function renderLink(props: SankeyLinkProps) {
  const { sourceX, sourceY, sourceControlX, targetX, targetY, targetControlX, linkWidth, payload } = props;
  const target = payload.target as unknown as NodePayload;
  return (
    <path
      d={`M${sourceX},${sourceY} C${sourceControlX},${sourceY} ${targetControlX},${targetY} ${targetX},${targetY}`}
      fill="none"
      stroke={target.color}
      strokeWidth={Math.max(linkWidth, 1)}
      strokeOpacity={0.35}
    />
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
