/**
 * The value axis of a horizontal bar chart drawn as server SVG (ADR 0014): a vertical grid line at each tick, its
 * label under the plot, the first label anchored at its start and the last at its end so neither leaves the chart.
 * `at` is the tick's place as a fraction of the width. Test hook: each label is data-testid="axis-tick".
 */

/** The grid lines of every server-drawn chart. */
export const CHART_GRID_COLOR = '#d5dbe3';

/** A horizontal position as a percentage of the chart's width, so one SVG fits a phone, a desktop and paper. */
export const percentOfWidth = (fraction: number) => `${(100 * fraction).toFixed(3)}%`;

export function ChartValueGrid({ ticks, plotBottom }: { ticks: readonly { key: string; label: string; at: number }[]; plotBottom: number }) {
  return (
    <g aria-hidden="true">
      {ticks.map((tick, i) => (
        <g key={tick.key}>
          <line x1={percentOfWidth(tick.at)} x2={percentOfWidth(tick.at)} y1={0} y2={plotBottom} stroke={CHART_GRID_COLOR} />
          <text
            x={percentOfWidth(tick.at)}
            y={plotBottom + 16}
            textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}
            data-testid="axis-tick"
          >
            {tick.label}
          </text>
        </g>
      ))}
    </g>
  );
}
