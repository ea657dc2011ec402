'use client';

/**
 * The SVG of FlowSankey: a Recharts Sankey, loaded lazily by flow-sankey.tsx when the chart comes near the screen or
 * the page is printed. Amounts are integer-cent strings, Numbers only for geometry; labels come from the BigInt.
 */

import { useCallback, useMemo } from 'react';
import { Sankey, type SankeyLinkProps, type SankeyNodeProps } from 'recharts';
import { formatCents, formatCentsCompact } from '@/lib/money';
import type { FlowSankeyProps } from './flow-sankey';

const COLOR_TEXT = '#14233c';

interface NodePayload {
  name: string;
  side: 'source' | 'group';
  color: string;
  cents: string;
}

export type FlowSankeySvgProps = Omit<FlowSankeyProps, 'testId'> & { width: number; height: number };

export default function FlowSankeySvg({ title, summary, nodes, links, width, height }: FlowSankeySvgProps) {
  const data = useMemo(
    () => ({
      nodes: nodes.map((n) => ({ name: n.name, side: n.side, color: n.color, cents: n.cents })),
      links: links.map((l) => ({ source: l.source, target: l.target, value: Number(BigInt(l.cents)) })),
    }),
    [nodes, links],
  );

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
    <Sankey
      width={width}
      height={height}
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
