'use client';

/**
 * Spending over time: money paid in each quarter of the fiscal year, stacked by category group (Recharts 3).
 *
 * Amounts arrive as integer-cent strings; they become Numbers only for bar geometry. Labels and tooltips are
 * formatted from the exact BigInt. The figure, legend and summary render on the server; the SVG
 * (quarter-chart-svg.tsx, loaded on demand by chart-frame.ts) when the chart comes near the screen or the page is printed.
 *
 * Test hooks: every segment is <rect data-testid="quarter-segment" data-quarter data-group data-cents>.
 */

import { useId, useRef } from 'react';
import { ChartLegend } from './chart-legend';
import { createChartLoader, useChartFrame } from './chart-frame';
import type { QuarterChartSvgProps } from './quarter-chart-svg';

export interface QuarterChartProps {
  title: string;
  summary: string;
  /** In order: Q1…Q4, with a long label ("Q1: Jul–Sep 2025"). */
  quarters: { key: string; label: string }[];
  /** Stacking order, bottom first. */
  groups: { name: string; color: string }[];
  /** Cents (string) by quarter key, then group name. */
  cents: Record<string, Record<string, string>>;
  testId?: string;
}

const HEIGHT = 300;

const svgLoader = createChartLoader<QuarterChartSvgProps>(() => import('./quarter-chart-svg'));

export function QuarterChart({ title, summary, quarters, groups, cents, testId }: QuarterChartProps) {
  const reactId = useId();
  const baseId = `qc-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const area = useRef<HTMLDivElement>(null);
  const frame = useChartFrame(area, svgLoader);
  const isEmpty = groups.length === 0;

  return (
    <figure
      className="chart-figure"
      role="figure"
      aria-labelledby={`${baseId}-title`}
      aria-describedby={`${baseId}-summary`}
      data-testid={testId}
    >
      <figcaption id={`${baseId}-title`}>{title}</figcaption>
      {isEmpty ? (
        <p className="chart-empty">No spending recorded for this year.</p>
      ) : (
        <>
          <ChartLegend items={groups} />
          <div className="chart-area" style={{ height: HEIGHT }} ref={area}>
            {frame ? (
              <frame.Chart
                width={frame.width}
                title={title}
                summary={summary}
                quarters={quarters}
                groups={groups}
                cents={cents}
                height={HEIGHT}
              />
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
