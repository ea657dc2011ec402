'use client';

/**
 * The SVG of QuarterChart (Recharts 3), loaded lazily by quarter-chart.tsx when the chart comes near the screen or
 * the page is printed. Amounts are integer-cent strings, Numbers only for geometry.
 */

import { useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { formatCents, formatCentsCompact } from '@/lib/money';
import type { QuarterChartProps } from './quarter-chart';

type Datum = Record<string, string | number> & { key: string; label: string };

const COLOR_TEXT = '#14233c';
const COLOR_GRID = '#d5dbe3';

function groupKey(index: number): string {
  return `g${index}`;
}

export type QuarterChartSvgProps = Omit<QuarterChartProps, 'testId'> & { width: number; height: number };

export default function QuarterChartSvg({ title, summary, quarters, groups, cents, width, height }: QuarterChartSvgProps) {
  const data = useMemo<Datum[]>(
    () =>
      quarters.map((q) => {
        const datum: Datum = { key: q.key, label: q.label };
        groups.forEach((g, i) => {
          datum[groupKey(i)] = Number(BigInt(cents[q.key]?.[g.name] ?? '0'));
        });
        return datum;
      }),
    [quarters, groups, cents],
  );

  const renderTooltip = useCallback(
    ({ active, label }: TooltipContentProps) => {
      if (!active) return null;
      const quarter = quarters.find((q) => q.key === label);
      if (!quarter) return null;
      const row = cents[quarter.key] ?? {};
      const total = groups.reduce((sum, g) => sum + BigInt(row[g.name] ?? '0'), 0n);
      return (
        <div className="chart-tooltip">
          <p className="chart-tooltip__title">{quarter.label}</p>
          <dl>
            {[...groups].reverse().map((g) => (
              <div key={g.name} style={{ display: 'contents' }}>
                <dt>
                  <span className="chart-swatch" style={{ background: g.color, borderColor: g.color }} aria-hidden="true" />
                  {g.name}
                </dt>
                <dd>{formatCents(BigInt(row[g.name] ?? '0'))}</dd>
              </div>
            ))}
            <dt>Total</dt>
            <dd>{formatCents(total)}</dd>
          </dl>
        </div>
      );
    },
    [quarters, groups, cents],
  );

  return (
    <BarChart
      width={width}
      height={height}
      data={data}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      barCategoryGap="24%"
      accessibilityLayer
      title={title}
      desc={summary}
      aria-label={`${title}. Stacked bar chart of spending per quarter by category group.`}
    >
      <CartesianGrid vertical={false} stroke={COLOR_GRID} />
      <XAxis dataKey="key" tick={{ fill: COLOR_TEXT, fontSize: 13 }} stroke={COLOR_GRID} />
      <YAxis
        type="number"
        width={64}
        tickFormatter={(v: number) => formatCentsCompact(BigInt(Math.round(v)))}
        tick={{ fill: COLOR_TEXT, fontSize: 12 }}
        stroke={COLOR_GRID}
        allowDecimals={false}
      />
      <Tooltip content={renderTooltip} cursor={{ fill: 'rgba(11, 90, 166, 0.08)' }} isAnimationActive={false} />
      {groups.map((g, i) => (
        <Bar
          key={g.name}
          dataKey={groupKey(i)}
          name={g.name}
          stackId="spent"
          fill={g.color}
          stroke="#ffffff"
          strokeWidth={1}
          isAnimationActive={false}
          shape={(props: BarShapeProps) => <Segment props={props} group={g.name} color={g.color} cents={cents} />}
        />
      ))}
    </BarChart>
  );
}

function Segment({
  props,
  group,
  color,
  cents,
}: {
  props: BarShapeProps;
  group: string;
  color: string;
  cents: Record<string, Record<string, string>>;
}) {
  const d = props.payload as Datum | undefined;
  let { x, y, width, height } = props;
  if (!d || ![x, y, width, height].every(Number.isFinite)) return null;
  if (height < 0) {
    y += height;
    height = -height;
  }
  if (width < 0) {
    x += width;
    width = -width;
  }
  const value = cents[d.key]?.[group] ?? '0';
  if (value === '0') return null;
  return (
    <rect
      x={x}
      y={y}
      width={width}
      height={height}
      fill={color}
      stroke="#ffffff"
      strokeWidth={1}
      data-testid="quarter-segment"
      data-quarter={d.key}
      data-group={group}
      data-cents={value}
    />
  );
}
