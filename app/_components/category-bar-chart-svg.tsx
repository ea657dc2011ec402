/**
 * The SVG of CategoryBarChart, drawn by our own code so that it is in the server's HTML (ADR 0014): print, PDF and
 * readers without JavaScript see it, and it costs no script. No hooks, no measuring: horizontal positions are
 * percentages of the chart's width, so the same markup fits a phone, a desktop and a printed page, and the text
 * keeps its size. Each category's name has its own line above its bars, wrapped whole, so it is never clipped.
 *
 * Amounts arrive as integer-cent decimal strings; they become Numbers only for bar lengths. Every label and title
 * is formatted from the exact BigInt. A negative amount (a net refund) draws no bar; its label still says it.
 *
 * Test hooks: every bar is <rect data-testid="bar" data-series data-category data-cents>; each category's pair of bars
 * is a <g role="img"> named by its <title> (both amounts, one copy of the words: the page's HTML is counted).
 * Words from the Charts messages and money per locale, in the page's language.
 */

import { useLocale, useTranslations } from 'next-intl';
import { localeFromIntl } from '@/lib/i18n/locales';
import { formatCents } from '@/lib/money';
import { moneyAxis, wrapWords } from '@/lib/views/chart-axis';
import type { CategoryBarDatum } from './category-bar-chart';
import { ChartValueGrid, percentOfWidth } from './chart-value-grid';

// The bars' colours are .chart-bar--allocated and .chart-bar--spent in globals.css (--color-series-*).

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
const percent = (value: number, max: number) => percentOfWidth(value / max);

export interface CategoryBarChartSvgProps {
  title: string;
  data: CategoryBarDatum[];
  /** id of the hatch <pattern> the shell renders next to the chart. */
  patternId: string;
}

export function CategoryBarChartSvg({ title, data, patternId }: CategoryBarChartSvgProps) {
  const t = useTranslations('Charts');
  const locale = localeFromIntl(useLocale());
  const money = (cents: string) => formatCents(BigInt(cents), { locale });
  const layout = categoryBarLayout(data);
  const axis = moneyAxis(Math.max(1, ...data.flatMap((d) => [positive(d.allocatedCents), positive(d.spentCents)])));
  const plotBottom = layout.height - AXIS;
  return (
    <svg
      className="chart-svg"
      width="100%"
      height={layout.height}
      role="group"
      aria-label={t('categoryBarAria', { title })}
      data-testid="chart-svg"
    >
      <title>{title}</title>
      <ChartValueGrid ticks={axis.ticks.map((tick) => ({ key: String(tick.cents), label: tick.label, at: tick.at }))} plotBottom={plotBottom} />
      {layout.rows.map(({ datum, lines, top, barsTop }) => (
        // One name for the category's pair of bars (its tooltip too), not one a bar: the page's HTML is counted.
        <g key={datum.key} role="img">
          <title>{t('categoryBarTitle', { label: datum.label, allocated: money(datum.allocatedCents), spent: money(datum.spentCents) })}</title>
          <text y={top} fontSize={12.5} aria-hidden="true" data-testid="category-label">
            {lines.map((line, i) => (
              <tspan key={i} x={2} dy={i === 0 ? LINE - 4 : LINE}>
                {line}
              </tspan>
            ))}
          </text>
          {(['allocated', 'spent'] as const).map((series, i) => {
            const cents = series === 'allocated' ? datum.allocatedCents : datum.spentCents;
            return (
              <rect
                key={series}
                y={barsTop + i * (BAR + BAR_GAP)}
                width={percent(positive(cents), axis.maxCents)}
                height={BAR}
                fill={series === 'allocated' ? `url(#${patternId})` : undefined}
                className={`chart-bar--${series}`}
                data-testid="bar"
                data-series={series}
                data-category={datum.key}
                data-cents={cents}
              />
            );
          })}
        </g>
      ))}
    </svg>
  );
}
