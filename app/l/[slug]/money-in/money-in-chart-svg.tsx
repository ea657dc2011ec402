/**
 * The SVG of MoneyInChart, drawn by our own code so that it is in the server's HTML (ADR 0014): no hooks, no
 * measuring. One column per payment year; in it the expected bar (left, lighter, dashed outline) and the received
 * bar (right, solid), each stacked by settlement. Horizontal positions are percentages of the width
 * (lib/views/column-layout.ts), heights fixed pixels; the value axis' labels sit in a gutter of GUTTER of the width.
 *
 * Amounts are integer-cent strings, Numbers only for geometry; labels and titles come from the exact BigInt, in the
 * page's language (MoneyInChart messages) and money per locale.
 *
 * Test hooks: every segment is <rect data-testid="money-in-segment" data-year data-series data-settlement data-cents>.
 */

import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import { formatCents } from '@/lib/money';
import { moneyAxis } from '@/lib/views/chart-axis';
import { columnBar, stackSegments } from '@/lib/views/column-layout';
import type { MoneyInChartProps } from './money-in-chart';
import { ChartSvg, ColumnValueGrid } from '@/app/_components/chart-svg';
import { percentOfWidth as pct } from '@/app/_components/chart-value-grid';

type Series = 'expected' | 'received';

const COLOR_TEXT = '#14233c';
const SERIES: Series[] = ['expected', 'received'];
const TOP = 10;
const AXIS = 26;
const GUTTER = 0.15; // of the width, for the value axis' labels

export type MoneyInChartSvgProps = MoneyInChartProps & {
  height: number;
  /** The MoneyInChart messages and the page's locale, from the chart (this SVG uses no hooks). */
  t: Translate;
  locale: Locale;
};

const positive = (cents: string | undefined) => Math.max(0, Number(BigInt(cents ?? '0')));

export function MoneyInChartSvg(props: MoneyInChartSvgProps) {
  const { title, summary, paymentYears, settlements, height, t, locale } = props;
  const money = (cents: bigint) => formatCents(cents, { locale });
  const totals = paymentYears.flatMap((year) =>
    SERIES.map((series) => settlements.reduce((sum, s) => sum + positive(props[series][String(year)]?.[s.name]), 0)),
  );
  const axis = moneyAxis(Math.max(1, ...totals));
  const plot = height - TOP - AXIS;
  const y = (cents: number) => TOP + plot - (plot * cents) / axis.maxCents;
  return (
    <ChartSvg height={height} ariaLabel={t('ariaLabel', { title })} title={title} desc={summary}>
      <g aria-hidden="true">
        <ColumnValueGrid
          ticks={axis.ticks.map((tick) => ({ key: tick.cents, y: y(tick.cents), label: tick.label }))}
          gutter={GUTTER}
          labelStyle={{ fill: COLOR_TEXT, fontSize: 12 }}
        />
        {paymentYears.map((year, i) => {
          const left = columnBar(i, paymentYears.length, 0, 2, { gutter: GUTTER });
          const right = columnBar(i, paymentYears.length, 1, 2, { gutter: GUTTER });
          return (
            <text key={year} x={pct((left.x + right.x + right.width) / 2)} y={TOP + plot + 18} fill={COLOR_TEXT} fontSize={13} textAnchor="middle">
              {year}
            </text>
          );
        })}
      </g>
      {paymentYears.map((year, i) => {
        const key = String(year);
        const received = settlements.reduce((sum, s) => sum + BigInt(props.received[key]?.[s.name] ?? '0'), 0n);
        const expected = settlements.reduce((sum, s) => sum + BigInt(props.expected[key]?.[s.name] ?? '0'), 0n);
        return (
          <g key={year}>
            <title>{t('yearTitle', { year: key, received: money(received), expected: money(expected) })}</title>
            {SERIES.map((series, bar) => {
              const { x, width } = columnBar(i, paymentYears.length, bar, 2, { gutter: GUTTER });
              const values = settlements.map((s) => props[series][key]?.[s.name] ?? '0');
              const segments = stackSegments(values.map(positive), axis.maxCents, plot, TOP);
              return settlements.map((s, n) => {
                const value = values[n] ?? '0';
                const segment = segments[n];
                if (value === '0' || !segment || segment.height <= 0) return null;
                const label = `${year}, ${s.name}, ${t(series)}: ${money(BigInt(value))}`;
                return (
                  <rect
                    key={`${series}-${s.name}`}
                    x={pct(x)}
                    width={pct(width)}
                    y={segment.y}
                    height={segment.height}
                    fill={s.color}
                    fillOpacity={series === 'expected' ? 0.4 : 1}
                    stroke={series === 'expected' ? s.color : '#ffffff'}
                    strokeWidth={1}
                    strokeDasharray={series === 'expected' ? '4 2' : undefined}
                    role="img"
                    aria-label={label}
                    data-testid="money-in-segment"
                    data-year={key}
                    data-series={series}
                    data-settlement={s.name}
                    data-cents={value}
                  >
                    <title>{label}</title>
                  </rect>
                );
              });
            })}
          </g>
        );
      })}
    </ChartSvg>
  );
}
