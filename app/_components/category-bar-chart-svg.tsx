'use client';

/**
 * The SVG of CategoryBarChart, drawn with Recharts 3. Loaded on demand by category-bar-chart.tsx (chart-frame.ts)
 * when the chart comes near the screen or the page is printed, so Recharts is not part of the page's first scripts.
 *
 * Amounts arrive as integer-cent decimal strings; they become Numbers only for bar geometry. Every label, tooltip
 * and data attribute is formatted from the exact BigInt.
 *
 * Test hooks: every bar is <rect data-testid="bar" data-series data-category data-cents aria-label>.
 */

import { useCallback, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
  type TooltipContentProps,
} from 'recharts';
import { formatCents, formatCentsCompact } from '@/lib/money';
import {
  CATEGORY_BAR_MARGIN as MARGIN,
  CATEGORY_BAR_X_AXIS_HEIGHT as X_AXIS_HEIGHT,
  type CategoryBarDatum,
} from './category-bar-chart';

type Series = 'allocated' | 'spent';

interface ChartDatum {
  key: string;
  label: string;
  allocatedCents: string;
  spentCents: string;
  /** Geometry only — may lose precision above 2^53 cents; never displayed. */
  allocated: number;
  spent: number;
}

const SERIES_LABEL: Record<Series, string> = { allocated: 'Allocated', spent: 'Spent' };
// Keep in sync with --color-series-* in globals.css.
const COLOR_ALLOCATED = '#5b84b8'; // 3.9:1 on white
const COLOR_SPENT = '#1f3a68'; // 11.3:1 on white
const COLOR_TEXT = '#14233c';
const COLOR_GRID = '#d5dbe3';
// Category-axis width and label wrap length; narrower on phones.
const Y_AXIS = { wide: { width: 128, chars: 17 }, narrow: { width: 96, chars: 13 } } as const;
const NARROW_QUERY = '(max-width: 30rem)';

function subscribeNarrow(onChange: () => void): () => void {
  const mq = window.matchMedia(NARROW_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}
/** Only read after mount (the SVG is client-only), so no hydration mismatch. */
function useIsNarrow(): boolean {
  return useSyncExternalStore(
    subscribeNarrow,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}

function centsOf(d: ChartDatum, series: Series): string {
  return series === 'allocated' ? d.allocatedCents : d.spentCents;
}

/** Break a category label into at most two lines for the Y axis. */
function wrapLabel(label: string, maxChars: number): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (next.length > maxChars && current) {
      lines.push(current);
      current = word;
    } else {
      current = next;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= 2) return lines;
  const second = lines.slice(1).join(' ');
  return [lines[0] ?? '', `${second.slice(0, maxChars - 1).trimEnd()}…`];
}

function BarRect({ props, series, fill, stroke }: { props: BarShapeProps; series: Series; fill: string; stroke: string }) {
  const d = props.payload as ChartDatum | undefined;
  if (!d) return null;
  let { x, y, width, height } = props;
  if (![x, y, width, height].every(Number.isFinite)) return null;
  // Normalise negative extents (e.g. a net refund) so the rect is valid SVG.
  if (width < 0) {
    x += width;
    width = -width;
  }
  if (height < 0) {
    y += height;
    height = -height;
  }
  const cents = centsOf(d, series);
  const label = `${d.label} — ${series === 'allocated' ? 'allocated' : 'spent'} ${formatCents(BigInt(cents))}`;
  return (
    <rect
      x={x}
      y={y}
      width={width}
      height={height}
      fill={fill}
      stroke={stroke}
      strokeWidth={series === 'allocated' ? 1.5 : 0}
      role="img"
      aria-label={label}
      data-testid="bar"
      data-series={series}
      data-category={d.key}
      data-cents={cents}
    />
  );
}

function ChartTooltip({ active, payload }: TooltipContentProps) {
  const first = payload?.[0];
  if (!active || !first) return null;
  const d = first.payload as ChartDatum | undefined;
  if (!d) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{d.label}</p>
      <dl>
        <dt>
          <span className="chart-swatch chart-swatch--allocated" aria-hidden="true" />
          Allocated
        </dt>
        <dd>{formatCents(BigInt(d.allocatedCents))}</dd>
        <dt>
          <span className="chart-swatch chart-swatch--spent" aria-hidden="true" />
          Spent
        </dt>
        <dd>{formatCents(BigInt(d.spentCents))}</dd>
      </dl>
    </div>
  );
}


export interface CategoryBarChartSvgProps {
  title: string;
  summary: string;
  data: CategoryBarDatum[];
  width: number;
  height: number;
  /** id of the hatch <pattern> the shell renders next to the chart. */
  patternId: string;
}

export default function CategoryBarChartSvg({ title, summary, data, width, height, patternId }: CategoryBarChartSvgProps) {
  const yAxis = useIsNarrow() ? Y_AXIS.narrow : Y_AXIS.wide;
  const chartData = useMemo<ChartDatum[]>(
    () =>
      data.map((d) => ({
        key: d.key,
        label: d.label,
        allocatedCents: d.allocatedCents,
        spentCents: d.spentCents,
        allocated: Number(BigInt(d.allocatedCents)),
        spent: Number(BigInt(d.spentCents)),
      })),
    [data],
  );

  const labelByKey = useMemo(() => new Map(chartData.map((d) => [d.key, d.label])), [chartData]);

  const renderAllocated = useCallback(
    (props: BarShapeProps) => (
      <BarRect props={props} series="allocated" fill={`url(#${patternId})`} stroke={COLOR_ALLOCATED} />
    ),
    [patternId],
  );
  const renderSpent = useCallback(
    (props: BarShapeProps) => <BarRect props={props} series="spent" fill={COLOR_SPENT} stroke={COLOR_SPENT} />,
    [],
  );

  const renderCategoryTick = useCallback(
    (props: { x: number | string; y: number | string; payload: { value: unknown } }): ReactNode => {
      const key = String(props.payload.value);
      const label = labelByKey.get(key) ?? key;
      const lines = wrapLabel(label, yAxis.chars);
      const x = Number(props.x);
      const y = Number(props.y);
      const lineHeight = 14;
      const firstDy = -((lines.length - 1) * lineHeight) / 2;
      return (
        <text x={x} y={y} textAnchor="end" fill={COLOR_TEXT} fontSize={13} dominantBaseline="middle">
          <title>{label}</title>
          {lines.map((line, i) => (
            <tspan key={i} x={x} dy={i === 0 ? firstDy : lineHeight}>
              {line}
            </tspan>
          ))}
        </text>
      );
    },
    [labelByKey, yAxis.chars],
  );

  return (
    <BarChart
      width={width}
      height={height}
      data={chartData}
      layout="vertical"
      margin={MARGIN}
      barCategoryGap="18%"
      barGap={2}
      accessibilityLayer
      title={title}
      desc={summary}
      aria-label={`${title}. Bar chart of allocated and spent amounts by category.`}
    >
      <CartesianGrid horizontal={false} stroke={COLOR_GRID} />
      <XAxis
        type="number"
        height={X_AXIS_HEIGHT}
        tickFormatter={(v: number) => formatCentsCompact(BigInt(Math.round(v)))}
        tick={{ fill: COLOR_TEXT, fontSize: 12 }}
        stroke={COLOR_GRID}
        allowDecimals={false}
      />
      <YAxis
        type="category"
        dataKey="key"
        width={yAxis.width}
        tick={renderCategoryTick}
        tickLine={false}
        stroke={COLOR_GRID}
        interval={0}
      />
      <Tooltip content={ChartTooltip} cursor={{ fill: 'rgba(11, 90, 166, 0.08)' }} isAnimationActive={false} />
      <Bar
        dataKey="allocated"
        name={SERIES_LABEL.allocated}
        fill={COLOR_ALLOCATED}
        shape={renderAllocated}
        isAnimationActive={false}
      />
      <Bar
        dataKey="spent"
        name={SERIES_LABEL.spent}
        fill={COLOR_SPENT}
        shape={renderSpent}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
