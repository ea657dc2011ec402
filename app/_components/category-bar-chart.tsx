'use client';

/**
 * Horizontal "Allocated vs Spent" bar chart per category (Recharts 3).
 *
 * Amounts arrive as integer-cent decimal strings. They are converted to
 * Number ONLY for bar geometry; every label, tooltip and data attribute is
 * formatted from the exact BigInt.
 *
 * Rendering: the <figure>, caption, legend and summary render on the server.
 * The SVG (category-bar-chart-svg.tsx, which holds all of Recharts) is loaded
 * on demand and drawn only when the chart comes near the screen or the page is
 * printed (chart-frame.ts), in a placeholder of the same height, so server and
 * client HTML match, nothing shifts, and Recharts is not in the page's first
 * scripts.
 *
 * Series are distinguishable without colour: Allocated is hatched with an
 * outline, Spent is solid; both colours are ≥3:1 against white.
 *
 * Test hooks: every bar is <rect data-testid="bar" data-series data-category
 * data-cents aria-label>.
 */

import { useId, useRef } from 'react';
import { createChartLoader, useChartFrame } from './chart-frame';
import type { CategoryBarChartSvgProps } from './category-bar-chart-svg';

export interface CategoryBarDatum {
  key: string;
  label: string;
  allocatedCents: string;
  spentCents: string;
}

export interface CategoryBarChartProps {
  title: string;
  summary: string;
  data: CategoryBarDatum[];
  testId?: string;
}

const SERIES_LABEL = { allocated: 'Allocated', spent: 'Spent' } as const;
const COLOR_ALLOCATED = '#5b84b8'; // keep in sync with category-bar-chart-svg.tsx

const ROW_HEIGHT = 40; // per category (two bars)
export const CATEGORY_BAR_MARGIN = { top: 8, right: 24, bottom: 8, left: 8 };
export const CATEGORY_BAR_X_AXIS_HEIGHT = 30;

function chartHeight(categories: number): number {
  return categories * ROW_HEIGHT + CATEGORY_BAR_MARGIN.top + CATEGORY_BAR_MARGIN.bottom + CATEGORY_BAR_X_AXIS_HEIGHT;
}

const svgLoader = createChartLoader<CategoryBarChartSvgProps>(() => import('./category-bar-chart-svg'));

function Legend() {
  return (
    <ul className="chart-legend" aria-label="Legend">
      <li>
        <span className="chart-swatch chart-swatch--allocated" aria-hidden="true" />
        {SERIES_LABEL.allocated} (hatched)
      </li>
      <li>
        <span className="chart-swatch chart-swatch--spent" aria-hidden="true" />
        {SERIES_LABEL.spent} (solid)
      </li>
    </ul>
  );
}

export function CategoryBarChart({ title, summary, data, testId }: CategoryBarChartProps) {
  const reactId = useId();
  const baseId = `cbc-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const titleId = `${baseId}-title`;
  const summaryId = `${baseId}-summary`;
  const patternId = `${baseId}-hatch`;
  const area = useRef<HTMLDivElement>(null);
  const frame = useChartFrame(area, svgLoader);

  const height = chartHeight(data.length);
  const isEmpty = data.length === 0;

  return (
    <figure
      className="chart-figure"
      role="figure"
      aria-labelledby={titleId}
      aria-describedby={summaryId}
      data-testid={testId}
    >
      <figcaption id={titleId}>{title}</figcaption>
      {isEmpty ? (
        <p className="chart-empty">No spending recorded for this year.</p>
      ) : (
        <>
          <Legend />
          {/* Shared hatch pattern for the Allocated series (not display:none: some
              browsers refuse to paint patterns defined in hidden SVG). */}
          <svg className="chart-defs" aria-hidden="true" focusable="false" width="0" height="0">
            <defs>
              <pattern id={patternId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#ffffff" />
                <rect width="2.5" height="6" fill={COLOR_ALLOCATED} />
              </pattern>
            </defs>
          </svg>
          <div className="chart-area" style={{ height }} ref={area}>
            {frame ? (
              <frame.Chart
                title={title}
                summary={summary}
                data={data}
                width={frame.width}
                height={height}
                patternId={patternId}
              />
            ) : null}
          </div>
        </>
      )}
      <p id={summaryId} className="chart-summary">
        {summary}
      </p>
    </figure>
  );
}
