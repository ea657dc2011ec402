/**
 * The SVG of a goal's trend chart, drawn by our own code so that it is in the server's HTML (ADR 0014): no hooks, no
 * measuring. One column per period (percent of the width, lib/views/column-layout.ts), a dot for each known actual
 * joined to its known neighbours by straight <line>s (which take percentages, where a path could not), the target
 * as a dashed line across, and the value axis' labels in a gutter. Ticks: moneyAxis for dollars, numberAxis
 * otherwise (chart-axis.ts), so they are nice and distinct.
 *
 * Values are exact decimal strings, Numbers only for geometry; titles use formatGoalValue on the strings.
 *
 * Test hooks: every point is <circle data-testid="trend-point" data-period data-actual data-status>.
 */

import { formatGoalValue, statusLabel } from '@/lib/data/board-words';
import type { ActualUnit, GoalStatus } from '@/lib/equity/types';
import { moneyAxis, numberAxis, wrapWords } from '@/lib/views/chart-axis';
import { columnCentre, lineSegments } from '@/lib/views/column-layout';
import { ChartSvg, ColumnLabel, ColumnValueGrid } from '../chart-svg';
import { percentOfWidth as pct } from '../chart-value-grid';

export interface TrendPoint {
  label: string;
  actual: string | null;
  status: GoalStatus;
  note: string | null;
}

export interface TrendChartSvgProps {
  title: string;
  unit: ActualUnit;
  target: string;
  points: readonly TrendPoint[];
  height: number;
}

export const TREND_COLORS = { line: '#1f3a68', target: '#000000' } as const;
const TOP = 12;
const AXIS = 40; // two lines of period label
const GUTTER = 0.16; // of the width, for the value axis' labels

/** The value axis in the unit's own numbers (dollars, percent or a ratio), with labels. */
function valueAxis(max: number, unit: ActualUnit): { end: number; ticks: { key: string; value: number; label: string }[] } {
  if (unit === 'dollars') {
    const axis = moneyAxis(Math.round(max * 100));
    return { end: axis.maxCents / 100, ticks: axis.ticks.map((t) => ({ key: String(t.cents), value: t.cents / 100, label: t.label })) };
  }
  const axis = numberAxis(max);
  return {
    end: axis.end,
    ticks: axis.ticks.map((t) => ({ key: String(t.value), value: t.value, label: unit === 'percent' ? `${t.value}%` : String(t.value) })),
  };
}

export function TrendChartSvg({ title, unit, target, points, height }: TrendChartSvgProps) {
  const values = points.map((p) => (p.actual === null ? null : Number(p.actual)));
  const targetValue = Number(target);
  const axis = valueAxis(Math.max(Number.isFinite(targetValue) ? targetValue : 0, ...values.map((v) => v ?? 0)) * 1.1, unit);
  const plot = height - TOP - AXIS;
  const y = (value: number) => TOP + plot - (plot * Math.max(0, Math.min(value, axis.end))) / axis.end;
  const x = (i: number) => pct(columnCentre(i, points.length, GUTTER));
  return (
    <ChartSvg height={height} ariaLabel={`${title}. Line chart of the actual in each period against the target.`} title={title}>
      <g aria-hidden="true">
        <ColumnValueGrid ticks={axis.ticks.map((tick) => ({ key: tick.key, y: y(tick.value), label: tick.label }))} gutter={GUTTER} labelGap={0.015} />
        {points.map((p, i) => (
          // "Q1 (to 2025-09-30)" as "Q1 to" over "2025-09-30": a phone's column is about 75 px wide.
          <ColumnLabel key={p.label} lines={wrapWords(p.label.replace(/[()]/g, ' '), 10)} x={x(i)} y={TOP + plot + 16} lineHeight={14} fontSize={11} />
        ))}
        {Number.isFinite(targetValue) ? (
          <line x1={pct(GUTTER)} x2="100%" y1={y(targetValue)} y2={y(targetValue)} stroke={TREND_COLORS.target} strokeWidth={2} strokeDasharray="6 4" data-testid="trend-target" />
        ) : null}
        {lineSegments(values).map(([a, b]) => (
          <line key={a} x1={x(a)} x2={x(b)} y1={y(values[a] ?? 0)} y2={y(values[b] ?? 0)} stroke={TREND_COLORS.line} strokeWidth={2} />
        ))}
      </g>
      {points.map((p, i) => {
        const value = values[i];
        if (value === null || value === undefined) return null;
        const label = `${p.label}: ${formatGoalValue(p.actual, unit)}, ${statusLabel(p.status)}`;
        return (
          <circle
            key={p.label}
            cx={x(i)}
            cy={y(value)}
            r={5}
            fill={p.status === 'met' ? TREND_COLORS.line : '#ffffff'}
            stroke={TREND_COLORS.line}
            strokeWidth={2}
            role="img"
            aria-label={label}
            data-testid="trend-point"
            data-period={p.label}
            data-actual={p.actual ?? ''}
            data-status={p.status}
          >
            <title>{label}</title>
          </circle>
        );
      })}
    </ChartSvg>
  );
}
