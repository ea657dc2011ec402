/**
 * A horizontal bar chart drawn by our own code, in the server's HTML (ADR 0014), shared by the reach, deaths by area
 * and money per death charts: each category's name on its own line(s) above its bars, wrapped whole
 * (lib/views/bar-rows.ts), bar lengths and grid lines in percent of the width, heights in pixels, no hooks.
 * A bar whose value is withheld or unknown is not drawn; its row's title and the data table say why.
 */

import { barFraction, barRowsLayout } from '@/lib/views/bar-rows';
import { ChartSvg, ROW_LABEL_LINE, RowLabel } from '../chart-svg';
import { ChartValueGrid, percentOfWidth as pct } from '../chart-value-grid';

export interface HBar {
  value: number | null;
  fill: string;
  stroke?: string;
  strokeWidth?: number;
  /** Exact words for the bar's title and aria-label. */
  label: string;
  /** Test hooks: data-* attributes. */
  data: Record<`data-${string}`, string>;
}

export interface HBarChartSvgProps {
  title: string;
  ariaLabel: string;
  rows: { key: string; label: string; title: string; bars: HBar[] }[];
  axis: { end: number; ticks: { key: string; label: string; at: number }[] };
  labelChars?: number;
}

export function HBarChartSvg({ title, ariaLabel, rows, axis, labelChars = 42 }: HBarChartSvgProps) {
  const layout = barRowsLayout(
    rows.map((r) => r.label),
    Math.max(1, ...rows.map((r) => r.bars.length)),
    { labelChars, line: ROW_LABEL_LINE },
  );
  return (
    <ChartSvg height={layout.height} ariaLabel={ariaLabel} title={title}>
      <ChartValueGrid ticks={axis.ticks} plotBottom={layout.plotBottom} />
      {rows.map((row, r) => {
        const placed = layout.rows[r];
        if (!placed) return null;
        return (
          <g key={row.key}>
            <title>{row.title}</title>
            <RowLabel lines={placed.lines} top={placed.top} />
            {row.bars.map((bar, b) =>
              bar.value === null ? null : (
                <rect
                  key={b}
                  x={0}
                  y={placed.bars[b]}
                  width={pct(barFraction(bar.value, axis.end))}
                  height={12}
                  fill={bar.fill}
                  stroke={bar.stroke ?? bar.fill}
                  strokeWidth={bar.strokeWidth ?? 0}
                  role="img"
                  aria-label={bar.label}
                  {...bar.data}
                >
                  <title>{bar.label}</title>
                </rect>
              ),
            )}
          </g>
        );
      })}
    </ChartSvg>
  );
}
