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
import { barRowsLayout } from '@/lib/views/bar-rows';
import { moneyAxis } from '@/lib/views/chart-axis';
import type { CategoryBarDatum } from './category-bar-chart';
import { ChartSvg, ROW_LABEL_LINE, RowLabel } from './chart-svg';
import { ChartValueGrid, percentOfWidth } from './chart-value-grid';

// The bars' colours are .chart-bar--allocated and .chart-bar--spent in globals.css (--color-series-*).

// Compact enough that 17 categories (Exhibit E) and their caption fit one printed Letter page: the SVG cannot
// break across pages, and a taller one left most of the page before it blank. Names wrap at 42 characters (a 320 px
// phone at 12.5 px).
const BAR = 10;
const LAYOUT = { labelChars: 42, line: ROW_LABEL_LINE, bar: BAR, barGap: 1, rowGap: 7, top: 4, axis: 24 };

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
  // Each category's name, then its two bars (allocated, spent).
  const layout = barRowsLayout(data.map((d) => d.label), 2, LAYOUT);
  const axis = moneyAxis(Math.max(1, ...data.flatMap((d) => [positive(d.allocatedCents), positive(d.spentCents)])));
  return (
    <ChartSvg height={layout.height} ariaLabel={t('categoryBarAria', { title })} title={title}>
      <ChartValueGrid ticks={axis.ticks.map((tick) => ({ key: String(tick.cents), label: tick.label, at: tick.at }))} plotBottom={layout.plotBottom} />
      {data.map((datum, r) => {
        const row = layout.rows[r];
        if (!row) return null;
        return (
          // One name for the category's pair of bars (its tooltip too), not one a bar: the page's HTML is counted.
          <g key={datum.key} role="img">
            <title>{t('categoryBarTitle', { label: datum.label, allocated: money(datum.allocatedCents), spent: money(datum.spentCents) })}</title>
            <RowLabel lines={row.lines} top={row.top} />
            {(['allocated', 'spent'] as const).map((series, i) => {
              const cents = series === 'allocated' ? datum.allocatedCents : datum.spentCents;
              return (
                <rect
                  key={series}
                  y={row.bars[i]}
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
        );
      })}
    </ChartSvg>
  );
}
