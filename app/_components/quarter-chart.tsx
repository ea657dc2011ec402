'use client';

/**
 * Spending over time: money paid in each quarter of the fiscal year, stacked by category group.
 *
 * Amounts arrive as integer-cent strings; they become Numbers only for bar geometry. Labels and tooltips are
 * formatted from the exact BigInt. All of it, the SVG (quarter-chart-svg.tsx) included, is in the server's HTML and
 * needs no script (ADR 0014); a client component so that its props, not its SVG, are what the flight data carries.
 *
 * Test hooks: every segment is <rect data-testid="quarter-segment" data-quarter data-group data-cents>.
 *
 * Words: the Charts messages, in the page's language (a client namespace of the root layout's provider).
 */

import { useTranslations } from 'next-intl';
import { ChartFigure, useChartBaseId } from './chart-figure';
import { ChartLegend } from './chart-legend';
import { QuarterChartSvg } from './quarter-chart-svg';

export interface QuarterChartProps {
  title: string;
  summary: string;
  /** In order: Q1…Q4, with a long label ("Q1 (Jul–Sep 2025)"). */
  quarters: { key: string; label: string }[];
  /** Stacking order, bottom first. */
  groups: { name: string; color: string }[];
  /** Cents (string) by quarter key, then group name. */
  cents: Record<string, Record<string, string>>;
  testId?: string;
}

const HEIGHT = 300;

export function QuarterChart({ title, summary, quarters, groups, cents, testId }: QuarterChartProps) {
  const t = useTranslations('Charts');
  const baseId = useChartBaseId('qc');
  return (
    <ChartFigure baseId={baseId} title={title} summary={summary} empty={groups.length === 0 ? t('noSpending') : null} testId={testId}>
      <ChartLegend items={groups} label={t('legend')} />
      <div className="chart-area">
        <QuarterChartSvg title={title} quarters={quarters} groups={groups} cents={cents} height={HEIGHT} />
      </div>
    </ChartFigure>
  );
}
