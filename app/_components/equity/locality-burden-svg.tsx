'use client';

/**
 * The SVG of the money-per-death chart across localities (Recharts 3), loaded on demand by burden-charts.tsx.
 * Allocated and spent are two bars, never added together. Amounts are cents as strings, Numbers only for geometry.
 */

import { useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { formatCents } from '@/lib/money';
import { moneyAxis } from '@/lib/views/chart-axis';
import { BAR_MARGIN, BURDEN_COLORS } from './chart-constants';
import { WrappedTick } from './chart-ticks';

export interface BurdenDatum {
  key: string;
  label: string;
  /** Cents per death, or null when it cannot be computed (or rests on small counts). */
  allocatedCents: string | null;
  spentCents: string | null;
}

export interface LocalityBurdenSvgProps {
  title: string;
  summary: string;
  data: readonly BurdenDatum[];
  /** id of the hatch <pattern> the shell renders next to the chart. */
  patternId: string;
  width: number;
  height: number;
}

type Series = 'allocated' | 'spent';

interface Datum extends BurdenDatum {
  allocated: number | null;
  spent: number | null;
}

const COLOR_TEXT = '#14233c';
const COLOR_GRID = '#d5dbe3';

function BurdenRect({ props, series, patternId }: { props: BarShapeProps; series: Series; patternId: string }) {
  const d = props.payload as Datum | undefined;
  const cents = d ? (series === 'allocated' ? d.allocatedCents : d.spentCents) : null;
  const { x, y, width, height } = props;
  if (!d || cents === null || ![x, y, width, height].every(Number.isFinite)) return null;
  return (
    <rect
      x={x}
      y={y}
      width={Math.max(width, 0)}
      height={Math.max(height, 0)}
      fill={series === 'allocated' ? `url(#${patternId})` : BURDEN_COLORS.spent}
      stroke={series === 'allocated' ? BURDEN_COLORS.allocated : BURDEN_COLORS.spent}
      strokeWidth={series === 'allocated' ? 1.5 : 0}
      data-testid="burden-bar"
      data-series={series}
      data-locality={d.key}
      data-cents={cents}
    />
  );
}

function BurdenTooltip({ active, payload }: TooltipContentProps) {
  const d = payload?.[0]?.payload as Datum | undefined;
  if (!active || !d) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{d.label}</p>
      <dl>
        <dt>Allocated per death</dt>
        <dd>{d.allocatedCents === null ? '—' : formatCents(BigInt(d.allocatedCents))}</dd>
        <dt>Spent per death</dt>
        <dd>{d.spentCents === null ? '—' : formatCents(BigInt(d.spentCents))}</dd>
      </dl>
    </div>
  );
}

export default function LocalityBurdenSvg({ title, summary, data, patternId, width, height }: LocalityBurdenSvgProps) {
  const chartData = useMemo<Datum[]>(
    () =>
      data.map((d) => ({
        ...d,
        allocated: d.allocatedCents === null ? null : Number(BigInt(d.allocatedCents)) / 100,
        spent: d.spentCents === null ? null : Number(BigInt(d.spentCents)) / 100,
      })),
    [data],
  );
  const labelByKey = useMemo(() => new Map(chartData.map((d) => [d.key, d.label])), [chartData]);
  // Nice, distinct ticks (Recharts' own may read "$0, $1, $1, $2" for small amounts); the axis is in dollars.
  const axis = useMemo(
    () => moneyAxis(Math.max(1, ...data.flatMap((d) => [d.allocatedCents, d.spentCents]).map((c) => (c === null ? 0 : Number(BigInt(c)))))),
    [data],
  );
  const tickLabel = useMemo(() => new Map(axis.ticks.map((t) => [t.cents / 100, t.label])), [axis]);
  const renderTick = useCallback(
    (props: { x: number | string; y: number | string; payload: { value: unknown } }) => {
      const key = String(props.payload.value);
      return <WrappedTick x={Number(props.x) - 4} y={props.y} label={labelByKey.get(key) ?? key} maxChars={26} />;
    },
    [labelByKey],
  );
  const renderAllocated = useCallback((props: BarShapeProps) => <BurdenRect props={props} series="allocated" patternId={patternId} />, [patternId]);
  const renderSpent = useCallback((props: BarShapeProps) => <BurdenRect props={props} series="spent" patternId={patternId} />, [patternId]);
  return (
    <BarChart
      width={width}
      height={height}
      data={chartData}
      layout="vertical"
      margin={BAR_MARGIN}
      barCategoryGap="18%"
      barGap={2}
      accessibilityLayer
      title={title}
      desc={summary}
      aria-label={`${title}. Bar chart, two bars per locality.`}
    >
      <CartesianGrid horizontal={false} stroke={COLOR_GRID} />
      <XAxis
        type="number"
        height={30}
        domain={[0, axis.maxCents / 100]}
        ticks={axis.ticks.map((t) => t.cents / 100)}
        tickFormatter={(v: number) => tickLabel.get(v) ?? ''}
        tick={{ fill: COLOR_TEXT, fontSize: 12 }}
        stroke={COLOR_GRID}
      />
      <YAxis type="category" dataKey="key" width={180} tick={renderTick} tickLine={false} stroke={COLOR_GRID} interval={0} />
      <Tooltip content={BurdenTooltip} cursor={{ fill: 'rgba(11, 90, 166, 0.08)' }} isAnimationActive={false} />
      <Bar dataKey="allocated" name="Allocated per death" fill={BURDEN_COLORS.allocated} shape={renderAllocated} isAnimationActive={false} />
      <Bar dataKey="spent" name="Spent per death" fill={BURDEN_COLORS.spent} shape={renderSpent} isAnimationActive={false} />
    </BarChart>
  );
}
