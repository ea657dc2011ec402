'use client';

/**
 * The SVG of a goal's trend chart (Recharts 3), loaded on demand by goal-trend.tsx when the chart comes near the
 * screen or the page is printed. Values are exact decimal strings, Numbers only for geometry.
 */

import { useCallback, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis, type DotItemDotProps, type TooltipContentProps } from 'recharts';
import { formatGoalValue, statusLabel } from '@/lib/data/board-words';
import type { ActualUnit, GoalStatus } from '@/lib/equity/types';
import { formatCentsCompact } from '@/lib/money';

export interface TrendPoint {
  label: string;
  actual: string | null;
  status: GoalStatus;
  note: string | null;
}

export interface TrendChartSvgProps {
  title: string;
  summary: string;
  unit: ActualUnit;
  target: string;
  points: readonly TrendPoint[];
  width: number;
  height: number;
}

interface Datum extends TrendPoint {
  value: number | null;
}

export const TREND_COLORS = { line: '#1f3a68', target: '#000000' } as const;
const COLOR_TEXT = '#14233c';
const COLOR_GRID = '#d5dbe3';

function tickText(value: number, unit: ActualUnit): string {
  switch (unit) {
    case 'percent':
      return `${Math.round(value * 10) / 10}%`;
    case 'dollars':
      return formatCentsCompact(BigInt(Math.round(value * 100)));
    case 'ratio':
      return value.toFixed(2);
  }
}

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `value`: a round top for the axis. Geometry only. */
function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

export default function TrendChartSvg({ title, summary, unit, target, points, width, height }: TrendChartSvgProps) {
  const data = useMemo<Datum[]>(() => points.map((point) => ({ ...point, value: point.actual === null ? null : Number(point.actual) })), [points]);
  const targetValue = Number(target);
  const top = useMemo(() => niceCeiling(Math.max(targetValue, ...data.map((d) => d.value ?? 0)) * 1.1), [data, targetValue]);

  const renderDot = useCallback((props: DotItemDotProps) => {
    const d = props.payload as Datum | undefined;
    const { cx, cy } = props;
    if (!d || d.value === null || typeof cx !== 'number' || typeof cy !== 'number') return <g key={props.index} />;
    return (
      <circle
        key={props.index}
        cx={cx}
        cy={cy}
        r={5}
        fill={d.status === 'met' ? TREND_COLORS.line : '#ffffff'}
        stroke={TREND_COLORS.line}
        strokeWidth={2}
        data-testid="trend-point"
        data-period={d.label}
        data-actual={d.actual ?? ''}
        data-status={d.status}
      />
    );
  }, []);

  const renderTooltip = useCallback(
    ({ active, payload }: TooltipContentProps) => {
      const d = payload?.[0]?.payload as Datum | undefined;
      if (!active || !d) return null;
      return (
        <div className="chart-tooltip">
          <p className="chart-tooltip__title">{d.label}</p>
          <p>{d.actual === null ? (d.note ?? 'Not enough data') : formatGoalValue(d.actual, unit)}</p>
          <p>{statusLabel(d.status)}</p>
        </div>
      );
    },
    [unit],
  );

  return (
    <LineChart
      width={width}
      height={height}
      data={data}
      margin={{ top: 12, right: 24, bottom: 8, left: 8 }}
      accessibilityLayer
      title={title}
      desc={summary}
      aria-label={`${title}. Line chart of the actual in each period against the target.`}
    >
      <CartesianGrid vertical={false} stroke={COLOR_GRID} />
      <XAxis dataKey="label" tick={{ fill: COLOR_TEXT, fontSize: 12 }} stroke={COLOR_GRID} interval={0} />
      <YAxis
        type="number"
        width={64}
        domain={[0, top]}
        tickCount={5}
        tickFormatter={(v: number) => tickText(v, unit)}
        tick={{ fill: COLOR_TEXT, fontSize: 12 }}
        stroke={COLOR_GRID}
      />
      <ReferenceLine y={targetValue} stroke={TREND_COLORS.target} strokeWidth={2} strokeDasharray="6 4" ifOverflow="extendDomain" />
      <Tooltip content={renderTooltip} isAnimationActive={false} />
      <Line
        type="linear"
        dataKey="value"
        name="Actual"
        stroke={TREND_COLORS.line}
        strokeWidth={2}
        dot={renderDot}
        activeDot={false}
        connectNulls={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
