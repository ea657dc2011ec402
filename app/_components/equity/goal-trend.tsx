'use client';

/**
 * A goal's trend: its actual in every fiscal year with data and, where it means something, year to date at the end
 * of each quarter — each a line chart with the target as a dashed line, a text summary, and one data
 * table behind both.
 *
 * Values arrive as exact decimal strings; they become Numbers only for geometry. Labels, tooltips and the table use
 * the exact strings. All of it, the SVG (goal-trend-svg.tsx) included, is in the server's HTML and needs no script
 * (ADR 0014).
 *
 * Test hooks: every point is <circle data-testid="trend-point" data-period data-actual data-status>.
 */

import { useMemo } from 'react';
import { ChartFigure, useChartBaseId } from '@/app/_components/chart-figure';
import { ChartLegend } from '@/app/_components/chart-legend';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { describeTarget, formatGoalValue, STATUS_WORDS, statusLabel } from '@/lib/data/board-words';
import type { ActualUnit, EquityComparator } from '@/lib/equity/types';
import { TREND_COLORS, TrendChartSvg, type TrendPoint } from './goal-trend-svg';

export type { TrendPoint } from './goal-trend-svg';

const HEIGHT = 240;

/** One line chart of a trend, `points` in time order: figure, legend, summary and the SVG. */
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
  const baseId = useChartBaseId('trend');
  const hasValues = points.some((point) => point.actual !== null);
  return (
    <ChartFigure baseId={baseId} title={title} summary={summary} empty={hasValues ? null : 'Not enough data in any period yet.'} testId={testId}>
      <ChartLegend
        items={[
          { name: 'Actual (filled dot: met; open dot: not met)', color: TREND_COLORS.line },
          { name: 'Dashed line: target', swatchClass: 'goal-bullets__target-swatch' },
        ]}
      />
      <div className="chart-area">
        <TrendChartSvg title={title} unit={unit} target={target} points={points} height={HEIGHT} />
      </div>
    </ChartFigure>
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
