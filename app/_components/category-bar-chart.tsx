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
import { CategoryBarChartSvg } from './category-bar-chart-svg';
import { ChartFigure, HatchPatternDefs, useChartBaseId } from './chart-figure';
import { ChartLegend } from './chart-legend';

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

export function CategoryBarChart({ title, summary, data, testId }: CategoryBarChartProps) {
  const t = useTranslations('Charts');
  const baseId = useChartBaseId('cbc');
  const patternId = `${baseId}-hatch`;
  return (
    <ChartFigure baseId={baseId} title={title} summary={summary} empty={data.length === 0 ? t('noSpending') : null} testId={testId}>
      <ChartLegend
        label={t('legend')}
        items={[
          { name: t('allocatedHatched'), swatchClass: 'chart-swatch--allocated' },
          { name: t('spentSolid'), swatchClass: 'chart-swatch--spent' },
        ]}
      />
      {/* The Allocated series' hatch. */}
      <HatchPatternDefs id={patternId} color={COLOR_ALLOCATED} />
      <div className="chart-area">
        <CategoryBarChartSvg title={title} data={data} patternId={patternId} />
      </div>
    </ChartFigure>
  );
}
