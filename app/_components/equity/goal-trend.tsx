'use client';

/**
 * A goal's trend: its actual in every fiscal year with data and, where it means something, year to date at the end
 * of each quarter — each a line chart (Recharts 3) with the target as a dashed line, a text summary, and one data
 * table behind both.
 *
 * Values arrive as exact decimal strings; they become Numbers only for geometry. Labels, tooltips and the table use
 * the exact strings. The figure, legend and summary render on the server; the SVG only after mount, in a
 * placeholder of the same height, so server and client HTML match.
 *
 * Test hooks: every point is <circle data-testid="trend-point" data-period data-actual data-status>.
 */

import { useCallback, useId, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis, type DotItemDotProps, type TooltipContentProps } from 'recharts';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { useIsClient } from '@/app/_components/use-is-client';
import { describeTarget, formatGoalValue, STATUS_WORDS, statusLabel } from '@/lib/data/board-words';
import type { ActualUnit, EquityComparator, GoalStatus } from '@/lib/equity/types';
import { formatCentsCompact } from '@/lib/money';

export interface TrendPoint {
  label: string;
  actual: string | null;
  status: GoalStatus;
  note: string | null;
}

interface Datum {
  label: string;
  value: number | null;
  actual: string | null;
  status: GoalStatus;
  note: string | null;
}

const HEIGHT = 220;
const COLOR_LINE = '#1f3a68';
const COLOR_TARGET = '#000000';
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

/** One line chart of a trend. `points` in time order. */
export function TrendChart({
  title,
  summary,
  unit,
  target,
  points,
  testId,
}: {
  title: string;
  summary: string;
  unit: ActualUnit;
  target: string;
  points: readonly TrendPoint[];
  testId?: string;
}) {
  const reactId = useId();
  const baseId = `trend-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const isClient = useIsClient();
  const data = useMemo<Datum[]>(
    () => points.map((point) => ({ ...point, value: point.actual === null ? null : Number(point.actual) })),
    [points],
  );
  const targetValue = Number(target);
  const top = useMemo(() => niceCeiling(Math.max(targetValue, ...data.map((d) => d.value ?? 0)) * 1.1), [data, targetValue]);
  const hasValues = data.some((d) => d.value !== null);

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
        fill={d.status === 'met' ? COLOR_LINE : '#ffffff'}
        stroke={COLOR_LINE}
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
    <figure className="chart-figure" role="figure" aria-labelledby={`${baseId}-title`} aria-describedby={`${baseId}-summary`} data-testid={testId}>
      <figcaption id={`${baseId}-title`}>{title}</figcaption>
      {!hasValues ? (
        <p className="chart-empty">Not enough data in any period yet.</p>
      ) : (
        <>
          <ul className="chart-legend" aria-label="Legend">
            <li>
              <span className="chart-swatch" style={{ background: COLOR_LINE, borderColor: COLOR_LINE }} aria-hidden="true" />
              Actual (filled dot: met; open dot: not met)
            </li>
            <li>
              <span className="chart-swatch goal-bullets__target-swatch" aria-hidden="true" />
              Dashed line: target
            </li>
          </ul>
          <div className="chart-area" style={{ height: HEIGHT }}>
            {isClient ? (
              <LineChart
                responsive
                style={{ width: '100%', height: HEIGHT }}
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
                <ReferenceLine y={targetValue} stroke={COLOR_TARGET} strokeWidth={2} strokeDasharray="6 4" ifOverflow="extendDomain" />
                <Tooltip content={renderTooltip} isAnimationActive={false} />
                <Line
                  type="linear"
                  dataKey="value"
                  name="Actual"
                  stroke={COLOR_LINE}
                  strokeWidth={2}
                  dot={renderDot}
                  activeDot={false}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              </LineChart>
            ) : null}
          </div>
        </>
      )}
      <p id={`${baseId}-summary`} className="chart-summary">
        {summary}
      </p>
    </figure>
  );
}

function trendSentence(title: string, unit: ActualUnit, points: readonly TrendPoint[], what: string): string {
  const known = points.filter((point) => point.actual !== null);
  if (known.length === 0) return `${title}: not enough data ${what} yet.`;
  const parts = known.map((point) => `${point.label} ${formatGoalValue(point.actual, unit)} (${STATUS_WORDS[point.status].word.toLowerCase()})`);
  return `${title}, ${what}: ${parts.join(', ')}.`;
}

const COLUMNS: ColumnSpec[] = [
  { id: 'period', header: 'Period', kind: 'text', sortable: false },
  { id: 'actual', header: 'Actual', kind: 'text', sortable: false, emptyText: 'Not enough data' },
  { id: 'status', header: 'Status', kind: 'status', toneKey: 'tone', sortable: false },
  { id: 'note', header: 'Note', kind: 'text', sortable: false },
];

/** A goal's trend per fiscal year and per quarter: two charts (the second when quarters mean something) and one table. */
export function GoalTrend({
  title,
  unit,
  comparator,
  target,
  years,
  quarters,
  quarterNote,
  fiscalYear,
  testId,
}: {
  title: string;
  unit: ActualUnit;
  comparator: EquityComparator;
  target: string;
  years: readonly TrendPoint[];
  quarters: readonly TrendPoint[];
  quarterNote: string;
  fiscalYear: number;
  testId?: string;
}) {
  const targetWords = describeTarget(comparator, target, unit);
  const rows = useMemo(
    () =>
      [...years, ...quarters.map((q) => ({ ...q, label: `FY${fiscalYear} ${q.label}` }))].map((point) => ({
        period: point.label,
        actual: point.actual === null ? null : formatGoalValue(point.actual, unit),
        status: statusLabel(point.status),
        tone: STATUS_WORDS[point.status].tone,
        note: point.note,
      })),
    [years, quarters, unit, fiscalYear],
  );
  return (
    <div className="goal-trend" data-testid={testId}>
      <div className={quarters.length > 0 ? 'goal-trend__charts' : undefined}>
        <TrendChart
          title={`${title}: each fiscal year (target ${targetWords})`}
          summary={trendSentence(title, unit, years, 'by fiscal year')}
          unit={unit}
          target={target}
          points={years}
          testId={testId ? `${testId}-years` : undefined}
        />
        {quarters.length > 0 ? (
          <TrendChart
            title={`${title}: FY${fiscalYear} year to date at each quarter's end (target ${targetWords})`}
            summary={`${trendSentence(title, unit, quarters, `in FY${fiscalYear} by quarter`)} ${quarterNote}`}
            unit={unit}
            target={target}
            points={quarters}
            testId={testId ? `${testId}-quarters` : undefined}
          />
        ) : (
          <p className="muted goal-trend__note">{quarterNote}</p>
        )}
      </div>
      <DataTable caption={`${title}: trend (data table)`} columns={COLUMNS} rows={rows} testId={testId ? `${testId}-table` : undefined} />
    </div>
  );
}
