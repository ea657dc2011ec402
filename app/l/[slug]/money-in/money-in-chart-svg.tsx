'use client';

/** The SVG of MoneyInChart (Recharts 3), loaded lazily. Amounts are integer-cent strings, Numbers only for geometry. */

import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { formatCents, formatCentsCompact } from '@/lib/money';
import type { MoneyInChartProps } from './money-in-chart';

type Series = 'expected' | 'received';
type Datum = Record<string, string | number> & { year: string };

const COLOR_TEXT = '#14233c';
const COLOR_GRID = '#d5dbe3';
const SERIES: Series[] = ['expected', 'received'];

const dataKey = (series: Series, index: number) => `${series}${index}`;

export type MoneyInChartSvgProps = MoneyInChartProps & { width: number; height: number };

export default function MoneyInChartSvg(props: MoneyInChartSvgProps) {
  const { title, summary, paymentYears, settlements, width, height } = props;
  const data = useMemo<Datum[]>(
    () =>
      paymentYears.map((year) => {
        const datum: Datum = { year: String(year) };
        for (const series of SERIES) {
          settlements.forEach((s, i) => {
            datum[dataKey(series, i)] = Number(BigInt(props[series][String(year)]?.[s.name] ?? '0'));
          });
        }
        return datum;
      }),
    [paymentYears, settlements, props],
  );

  const renderTooltip = ({ active, label }: TooltipContentProps) => {
    if (!active || label === undefined) return null;
    const year = String(label);
    return (
      <div className="chart-tooltip">
        <p className="chart-tooltip__title">Payment year {year}</p>
        <dl>
          {settlements.map((s) => (
            <div key={s.name} style={{ display: 'contents' }}>
              <dt>{s.name}</dt>
              <dd>
                {formatCents(BigInt(props.received[year]?.[s.name] ?? '0'))} of {formatCents(BigInt(props.expected[year]?.[s.name] ?? '0'))}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    );
  };

  return (
    <BarChart
      width={width}
      height={height}
      data={data}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      barCategoryGap="20%"
      accessibilityLayer
      title={title}
      desc={summary}
      aria-label={`${title}. Bar chart: expected and received by payment year, stacked by settlement.`}
    >
      <CartesianGrid vertical={false} stroke={COLOR_GRID} />
      <XAxis dataKey="year" tick={{ fill: COLOR_TEXT, fontSize: 13 }} stroke={COLOR_GRID} />
      <YAxis
        type="number"
        width={64}
        tickFormatter={(v: number) => formatCentsCompact(BigInt(Math.round(v)))}
        tick={{ fill: COLOR_TEXT, fontSize: 12 }}
        stroke={COLOR_GRID}
        allowDecimals={false}
      />
      <Tooltip content={renderTooltip} cursor={{ fill: 'rgba(11, 90, 166, 0.08)' }} isAnimationActive={false} />
      {SERIES.flatMap((series) =>
        settlements.map((s, i) => (
          <Bar
            key={dataKey(series, i)}
            dataKey={dataKey(series, i)}
            name={`${s.name} (${series})`}
            stackId={series}
            fill={s.color}
            isAnimationActive={false}
            shape={(shape: BarShapeProps) => <Segment shape={shape} series={series} settlement={s} cents={props[series]} />}
          />
        )),
      )}
    </BarChart>
  );
}

function Segment({
  shape,
  series,
  settlement,
  cents,
}: {
  shape: BarShapeProps;
  series: Series;
  settlement: { name: string; color: string };
  cents: Record<string, Record<string, string>>;
}) {
  const d = shape.payload as Datum | undefined;
  let { x, y, width, height } = shape;
  if (!d || ![x, y, width, height].every(Number.isFinite)) return null;
  if (height < 0) {
    y += height;
    height = -height;
  }
  if (width < 0) {
    x += width;
    width = -width;
  }
  const value = cents[d.year]?.[settlement.name] ?? '0';
  if (value === '0') return null;
  return (
    <rect
      x={x}
      y={y}
      width={width}
      height={height}
      fill={settlement.color}
      fillOpacity={series === 'expected' ? 0.4 : 1}
      stroke={series === 'expected' ? settlement.color : '#ffffff'}
      strokeWidth={1}
      strokeDasharray={series === 'expected' ? '4 2' : undefined}
      data-testid="money-in-segment"
      data-year={d.year}
      data-series={series}
      data-settlement={settlement.name}
      data-cents={value}
    />
  );
}
