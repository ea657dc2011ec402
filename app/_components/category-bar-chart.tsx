'use client';

/**
 * Horizontal "Allocated vs Spent" bar chart per category.
 *
 * Amounts arrive as integer-cent decimal strings. They are converted to
 * Number ONLY for bar geometry; every label, title and data attribute is
 * formatted from the exact BigInt.
 *
 * Rendering: everything, the SVG included (category-bar-chart-svg.tsx), is in
 * the server's HTML and needs no script (ADR 0014). A client component all the
 * same: its props travel once in the page's flight data, where a server
 * component's SVG would travel twice (HTML and flight).
 *
 * Series are distinguishable without colour: Allocated is hatched with an
 * outline, Spent is solid; both colours are ≥3:1 against white.
 *
 * Test hooks: every bar is <rect data-testid="bar" data-series data-category
 * data-cents aria-label>.
 *
 * Words: the Charts messages, in the page's language (a client namespace of the root layout's provider).
 */

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { CategoryBarChartSvg } from './category-bar-chart-svg';
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

const COLOR_ALLOCATED = '#5b84b8'; // keep in sync with category-bar-chart-svg.tsx

function Legend() {
  const t = useTranslations('Charts');
  return (
    <ul className="chart-legend" aria-label={t('legend')}>
      <li>
        <span className="chart-swatch chart-swatch--allocated" aria-hidden="true" />
        {t('allocatedHatched')}
      </li>
      <li>
        <span className="chart-swatch chart-swatch--spent" aria-hidden="true" />
        {t('spentSolid')}
      </li>
    </ul>
  );
}

export function CategoryBarChart({ title, summary, data, testId }: CategoryBarChartProps) {
  const t = useTranslations('Charts');
  const reactId = useId();
  const baseId = `cbc-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const titleId = `${baseId}-title`;
  const summaryId = `${baseId}-summary`;
  const patternId = `${baseId}-hatch`;
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
        <p className="chart-empty">{t('noSpending')}</p>
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
          <div className="chart-area">
            <CategoryBarChartSvg title={title} data={data} patternId={patternId} />
          </div>
        </>
      )}
      <p id={summaryId} className="chart-summary">
        {summary}
      </p>
    </figure>
  );
}
