'use client';

/**
 * Money coming in: expected (left bar) and received (right bar) for each settlement payment year, each stacked by
 * settlement. All of it, the SVG (money-in-chart-svg.tsx) included, is in the server's HTML and needs no script
 * (ADR 0014). The data table beside it carries every figure as well. Words from the MoneyInChart messages (a client
 * namespace of the root layout), in the page's language.
 *
 * Test hooks: every segment is <rect data-testid="money-in-segment" data-year data-series data-settlement data-cents>.
 */

import { useLocale, useTranslations } from 'next-intl';
import { ChartFigure, useChartBaseId } from '@/app/_components/chart-figure';
import { ChartLegend } from '@/app/_components/chart-legend';
import { localeFromIntl } from '@/lib/i18n/locales';
import { MoneyInChartSvg } from './money-in-chart-svg';
import type { MoneyInChartData } from './money-in-view';

export interface MoneyInChartProps extends MoneyInChartData {
  title: string;
  summary: string;
}

const HEIGHT = 300;

export function MoneyInChart(props: MoneyInChartProps) {
  const t = useTranslations('MoneyInChart');
  const locale = localeFromIntl(useLocale());
  const baseId = useChartBaseId('mi');
  return (
    <ChartFigure baseId={baseId} title={props.title} summary={props.summary} empty={props.paymentYears.length === 0 ? t('empty') : null} testId="money-in-chart">
      <ChartLegend items={props.settlements} />
      <p className="chart-note">{t('note')}</p>
      <div className="chart-area">
        <MoneyInChartSvg {...props} height={HEIGHT} t={(key, values) => t(key, values)} locale={locale} />
      </div>
    </ChartFigure>
  );
}
