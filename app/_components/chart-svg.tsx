/**
 * The parts every server-drawn chart's SVG is made of (ADR 0014): no hooks, no measuring, so each is in the server's
 * HTML and prints as it shows. Horizontal positions are percentages of the width (percentOfWidth), heights pixels.
 * Test hooks: the <svg> is data-testid="chart-svg", each value label data-testid="axis-tick", each row's name
 * data-testid="category-label".
 */
import type { ReactNode } from 'react';
import { CHART_GRID_COLOR, percentOfWidth as pct } from './chart-value-grid';

/** The <svg> of a chart: the full width, named for a screen reader (`ariaLabel`), titled, described when `desc` is given. */
export function ChartSvg({ height, ariaLabel, title, desc, children }: { height: number; ariaLabel: string; title: string; desc?: string; children: ReactNode }) {
  return (
    <svg className="chart-svg" width="100%" height={height} role="group" aria-label={ariaLabel} data-testid="chart-svg">
      <title>{title}</title>
      {desc === undefined ? null : <desc>{desc}</desc>}
      {children}
    </svg>
  );
}

/**
 * The value axis of a column chart: a horizontal grid line at each tick from the gutter to the right edge, its label
 * right-aligned in the gutter (`gutter` and `labelGap` are fractions of the width). `y` is the tick's height in pixels.
 */
export function ColumnValueGrid({
  ticks,
  gutter,
  labelGap = 0.01,
  labelStyle,
}: {
  ticks: readonly { key: string | number; y: number; label: string }[];
  gutter: number;
  labelGap?: number;
  /** Fill and size of the labels where the chart sets them itself. */
  labelStyle?: { fill: string; fontSize: number };
}) {
  return ticks.map((tick) => (
    <g key={tick.key}>
      <line x1={pct(gutter)} x2="100%" y1={tick.y} y2={tick.y} stroke={CHART_GRID_COLOR} />
      <text
        x={pct(gutter - labelGap)}
        y={tick.y}
        fill={labelStyle?.fill}
        fontSize={labelStyle?.fontSize}
        textAnchor="end"
        dominantBaseline="middle"
        data-testid="axis-tick"
      >
        {tick.label}
      </text>
    </g>
  ));
}

/** A column's label under the plot, already wrapped into `lines`, centred at `x`, one line each `lineHeight` pixels. */
export function ColumnLabel({ lines, x, y, lineHeight, fontSize }: { lines: readonly string[]; x: string; y: number; lineHeight: number; fontSize?: number }) {
  return (
    <text y={y} fontSize={fontSize} textAnchor="middle">
      {lines.map((line, n) => (
        <tspan key={n} x={x} dy={n === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** Pixels between two lines of a row's name in a horizontal bar chart (lib/views/bar-rows.ts lays the rows out by it). */
export const ROW_LABEL_LINE = 14;

/** A horizontal bar chart's row name, on its own lines above the row's bars from `top`; its row's <title> names it. */
export function RowLabel({ lines, top }: { lines: readonly string[]; top: number }) {
  return (
    <text y={top} fontSize={12.5} aria-hidden="true" data-testid="category-label">
      {lines.map((line, i) => (
        <tspan key={i} x={2} dy={i === 0 ? ROW_LABEL_LINE - 4 : ROW_LABEL_LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
