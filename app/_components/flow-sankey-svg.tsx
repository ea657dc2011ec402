/**
 * The SVG of FlowSankey, drawn by our own code so that it is in the server's HTML (ADR 0014): no hooks, no measuring.
 *
 * Geometry (lib/views/sankey-layout.ts): two columns of stacked bars, at the left and right edges, each bar BAR% of
 * the width; between them the bands. A band is a filled path, and a path cannot take percentages, so the bands sit
 * in a nested <svg> spanning the gap between the columns with viewBox "0 0 100 height" and
 * preserveAspectRatio="none": it stretches horizontally to whatever width the chart has (390 px phone, 1280 px
 * desktop, a printed page) while one unit stays one pixel vertically, so every band keeps its exact thickness and
 * meets its bars. Only filled shapes are in that layer (a stretched stroke would be distorted). Text is outside it,
 * placed in percent of the width with its own pixel size: sources' names right of the left bars, groups' names left
 * of the right bars, each wrapped to LABEL_CHARS (under half the width of a 320 px phone) with a white halo over
 * the bands, and each node's slot is at least as tall as its label, so no label is clipped or overlaps another.
 *
 * Amounts are integer-cent strings, Numbers only for geometry; labels and titles come from the exact BigInt.
 *
 * Test hooks: each node is <g data-testid="flow-node" data-side data-cents>, named by its bar's <title>.
 * Words from the Charts messages and money per locale, in the page's language.
 */

import { useLocale, useTranslations } from 'next-intl';
import { localeFromIntl } from '@/lib/i18n/locales';
import { formatCents, formatCentsCompact } from '@/lib/money';
import { wrapWords } from '@/lib/views/chart-axis';
import { sankeyLayout } from '@/lib/views/sankey-layout';
import { ChartSvg } from './chart-svg';
import type { FlowSankeyProps } from './flow-sankey';

const BAR = 2.5; // % of the width for each column's bars
const LABEL_GAP = 1; // % between a bar and its label
const LABEL_CHARS = 20;
const LINE = 15;

export type FlowSankeySvgProps = Omit<FlowSankeyProps, 'testId' | 'summary'>;

const positive = (cents: string) => Math.max(0, Number(BigInt(cents)));

export function FlowSankeySvg({ title, nodes, links }: FlowSankeySvgProps) {
  const t = useTranslations('Charts');
  const locale = localeFromIntl(useLocale());
  const labels = nodes.map((n) => wrapWords(n.name, LABEL_CHARS));
  const layout = sankeyLayout(
    nodes.map((n, i) => ({ side: n.side, cents: positive(n.cents), labelLines: (labels[i]?.length ?? 1) + 1 })),
    links.map((l) => ({ source: l.source, target: l.target, cents: positive(l.cents) })),
    { line: LINE },
  );
  return (
    <ChartSvg height={layout.height} ariaLabel={t('flowAria', { title })} title={title}>
      <svg
        x={`${BAR}%`}
        width={`${100 - 2 * BAR}%`}
        height={layout.height}
        viewBox={`0 0 100 ${layout.height}`}
        preserveAspectRatio="none"
        fillOpacity={0.35}
        aria-hidden="true"
      >
        {layout.bands.map((band) => {
          const link = links[band.link];
          const from = nodes[band.source];
          const to = nodes[band.target];
          if (!link || !from || !to || band.thickness <= 0) return null;
          // No title a band: the table under the diagram holds every source × group figure.
          return <path key={band.link} d={band.d} fill={to.color} />;
        })}
      </svg>
      {layout.nodes.map((box) => {
        const node = nodes[box.index];
        if (!node) return null;
        const lines = labels[box.index] ?? [];
        const isSource = node.side === 'source';
        const x = isSource ? `${BAR + LABEL_GAP}%` : `${100 - BAR - LABEL_GAP}%`;
        const label = `${node.name}: ${formatCents(BigInt(node.cents), { locale })}`;
        const textTop = Math.round(box.slotTop + (box.slotHeight - (lines.length + 1) * LINE) / 2);
        return (
          <g key={`${node.side}-${node.name}`} data-testid="flow-node" data-side={node.side} data-cents={node.cents}>
            <rect
              x={isSource ? 0 : `${100 - BAR}%`}
              y={box.barTop}
              width={`${BAR}%`}
              height={box.barHeight}
              fill={node.color}
              role="img"
            >
              <title>{label}</title>
            </rect>
            <text
              y={textTop}
              textAnchor={isSource ? 'start' : 'end'}
              className="chart-halo"
              aria-hidden="true"
            >
              {lines.map((line, i) => (
                <tspan key={i} x={x} dy={i === 0 ? LINE - 3 : LINE}>
                  {line}
                </tspan>
              ))}
              <tspan x={x} dy={lines.length === 0 ? LINE - 3 : LINE}>
                {formatCentsCompact(BigInt(node.cents))}
              </tspan>
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}
