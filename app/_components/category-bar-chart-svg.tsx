/**
 * The SVG of CategoryBarChart, drawn by our own code so that it is in the server's HTML (ADR 0014): print, PDF and
 * readers without JavaScript see it, and it costs no script. No hooks, no measuring: horizontal positions are
 * percentages of the chart's width, so the same markup fits a phone, a desktop and a printed page, and the text
 * keeps its size. Each category's name has its own line above its bars, wrapped whole, so it is never clipped.
 *
 * Amounts arrive as integer-cent decimal strings; they become Numbers only for bar lengths. Every label and title
 * is formatted from the exact BigInt. A negative amount (a net refund) draws no bar; its label still says it.
 *
 * Test hooks: every bar is <rect data-testid="bar" data-series data-category data-cents aria-label>.
 */

import { formatCents } from '@/lib/money';
import { moneyAxis, wrapWords } from '@/lib/views/chart-axis';
import type { CategoryBarDatum } from './category-bar-chart';

// Keep in sync with --color-series-* in globals.css.
const COLOR_ALLOCATED = '#5b84b8'; // 3.9:1 on white
const COLOR_SPENT = '#1f3a68'; // 11.3:1 on white
const COLOR_TEXT = '#14233c';
const COLOR_GRID = '#d5dbe3';

const LABEL_CHARS = 42; // fits a 320 px phone at 12.5 px
// Compact enough that 17 categories (Exhibit E) and their caption fit one printed Letter page: the SVG cannot
// break across pages, and a taller one left most of the page before it blank.
const LINE = 14;
const BAR = 10;
const BAR_GAP = 1;
const ROW_GAP = 7;
const AXIS = 24;

export interface CategoryBarLayout {
  height: number;
  rows: { datum: CategoryBarDatum; lines: string[]; top: number; barsTop: number }[];
}

/** Vertical positions of every row: a category's name (one or more lines), then its two bars. */
export function categoryBarLayout(data: CategoryBarDatum[]): CategoryBarLayout {
  let top = 4;
  const rows = data.map((datum) => {
    const lines = wrapWords(datum.label, LABEL_CHARS);
    const row = { datum, lines, top, barsTop: top + lines.length * LINE + 2 };
    top = row.barsTop + 2 * BAR + BAR_GAP + ROW_GAP;
    return row;
  });
  return { height: top + AXIS, rows };
}

const positive = (cents: string) => {
  const n = Number(BigInt(cents));
  return n > 0 ? n : 0;
};
const percent = (value: number, max: number) => `${((100 * value) / max).toFixed(3)}%`;

export interface CategoryBarChartSvgProps {
  title: string;
  summary: string;
  data: CategoryBarDatum[];
  /** id of the hatch <pattern> the shell renders next to the chart. */
  patternId: string;
}

export function CategoryBarChartSvg({ title, summary, data, patternId }: CategoryBarChartSvgProps) {
  const layout = categoryBarLayout(data);
  const axis = moneyAxis(Math.max(1, ...data.flatMap((d) => [positive(d.allocatedCents), positive(d.spentCents)])));
  const plotBottom = layout.height - AXIS;
  return (
    <svg
      className="chart-svg"
      width="100%"
      height={layout.height}
      role="group"
      aria-label={`${title}. Bar chart of allocated and spent amounts by category.`}
      data-testid="chart-svg"
    >
      <title>{title}</title>
      <desc>{summary}</desc>
      <g aria-hidden="true">
        {axis.ticks.map((tick, i) => (
          <g key={tick.cents}>
            <line x1={percent(tick.at, 1)} x2={percent(tick.at, 1)} y1={0} y2={plotBottom} stroke={COLOR_GRID} />
            <text
              x={percent(tick.at, 1)}
              y={plotBottom + 16}
              fill={COLOR_TEXT}
              fontSize={12}
              textAnchor={i === 0 ? 'start' : i === axis.ticks.length - 1 ? 'end' : 'middle'}
              data-testid="axis-tick"
            >
              {tick.label}
            </text>
          </g>
        ))}
      </g>
      {layout.rows.map(({ datum, lines, top, barsTop }) => (
        <g key={datum.key}>
          <text y={top} fill={COLOR_TEXT} fontSize={12.5} aria-hidden="true" data-testid="category-label">
            {lines.map((line, i) => (
              <tspan key={i} x={2} dy={i === 0 ? LINE - 4 : LINE}>
                {line}
              </tspan>
            ))}
          </text>
          {(['allocated', 'spent'] as const).map((series, i) => {
            const cents = series === 'allocated' ? datum.allocatedCents : datum.spentCents;
            const label = `${datum.label} — ${series} ${formatCents(BigInt(cents))}`;
            return (
              <rect
                key={series}
                x={0}
                y={barsTop + i * (BAR + BAR_GAP)}
                width={percent(positive(cents), axis.maxCents)}
                height={BAR}
                fill={series === 'allocated' ? `url(#${patternId})` : COLOR_SPENT}
                stroke={series === 'allocated' ? COLOR_ALLOCATED : COLOR_SPENT}
                strokeWidth={series === 'allocated' ? 1.5 : 0}
                role="img"
                aria-label={label}
                data-testid="bar"
                data-series={series}
                data-category={datum.key}
                data-cents={cents}
              >
                <title>{label}</title>
              </rect>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
