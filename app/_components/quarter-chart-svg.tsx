/**
 * The SVG of QuarterChart, drawn by our own code so that it is in the server's HTML (ADR 0014). Horizontal
 * positions are percentages of the chart's width (one column per quarter), so the markup fits any width without
 * measuring. The value axis' labels sit in a gutter of GUTTER of the width, and each quarter's label is wrapped
 * whole into its column, so nothing is clipped or drawn over.
 *
 * Amounts are integer-cent strings, Numbers only for geometry; labels and titles come from the exact BigInt.
 *
 * Test hooks: every segment is <rect data-testid="quarter-segment" data-quarter data-group data-cents>.
 * Words from the Charts messages and money per locale, in the page's language.
 */

import { useLocale, useTranslations } from 'next-intl';
import { localeFromIntl } from '@/lib/i18n/locales';
import { formatCents } from '@/lib/money';
import { moneyAxis, wrapWords } from '@/lib/views/chart-axis';
import type { QuarterChartProps } from './quarter-chart';
import { ChartSvg, ColumnLabel, ColumnValueGrid } from './chart-svg';
import { percentOfWidth as pct } from './chart-value-grid';

const TOP = 10; // room for half the top tick's label
const AXIS = 56; // up to three lines of quarter label
const GUTTER = 0.15; // of the width, for the value axis' labels ("$400K" is 40 px: 15% of a 320 px phone is 48)
const BAR_SHARE = 0.56; // of a quarter's column

export type QuarterChartSvgProps = Omit<QuarterChartProps, 'testId' | 'summary'> & { height: number };

const positive = (cents: string) => Math.max(0, Number(BigInt(cents)));

export function QuarterChartSvg({ title, quarters, groups, cents, height }: QuarterChartSvgProps) {
  const t = useTranslations('Charts');
  const locale = localeFromIntl(useLocale());
  const totals = quarters.map((q) => groups.reduce((sum, g) => sum + positive(cents[q.key]?.[g.name] ?? '0'), 0));
  const axis = moneyAxis(Math.max(1, ...totals));
  const plot = height - TOP - AXIS;
  // Pixels to a hundredth: sixteen digits say no more, and the page's HTML is counted.
  const y = (value: number) => Math.round(100 * (TOP + plot - (plot * value) / axis.maxCents)) / 100;
  const column = (1 - GUTTER) / Math.max(1, quarters.length);
  const columnAt = (i: number, offset: number) => pct(GUTTER + (i + offset) * column);
  return (
    <ChartSvg height={height} ariaLabel={t('quarterAria', { title })} title={title}>
      <g aria-hidden="true">
        <ColumnValueGrid ticks={axis.ticks.map((tick) => ({ key: tick.cents, y: y(tick.cents), label: tick.label }))} gutter={GUTTER} />
        {quarters.map((q, i) => (
          // "Q1 (Jul–Sep 2025)" on three short lines: a phone's column is about 70 px wide.
          <ColumnLabel key={q.key} lines={wrapWords(q.label.replace(/[():]/g, ' '), 8)} x={columnAt(i, 0.5)} y={TOP + plot + 16} lineHeight={15} />
        ))}
      </g>
      {quarters.map((q, i) => {
        let stacked = 0;
        const row = cents[q.key] ?? {};
        const total = groups.reduce((sum, g) => sum + BigInt(row[g.name] ?? '0'), 0n);
        return (
          <g key={q.key} stroke="#ffffff" strokeWidth={1}>
            <title>{t('quarterPaid', { quarter: q.label, amount: formatCents(total, { locale }) })}</title>
            {groups.map((g) => {
              const value = row[g.name] ?? '0';
              const amount = positive(value);
              if (amount === 0) return null;
              const top = y(stacked + amount);
              const bottom = y(stacked);
              stacked += amount;
              return (
                <rect
                  key={g.name}
                  x={columnAt(i, (1 - BAR_SHARE) / 2)}
                  width={pct(BAR_SHARE * column)}
                  y={top}
                  height={Math.max(0, Math.round(100 * (bottom - top)) / 100)}
                  fill={g.color}
                  data-testid="quarter-segment"
                  data-quarter={q.key}
                  data-group={g.name}
                  data-cents={value}
                >
                  <title>{`${q.label}, ${g.name}: ${formatCents(BigInt(value), { locale })}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </ChartSvg>
  );
}
