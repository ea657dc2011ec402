/**
 * The SVG of the deaths-by-area chart, in the server's HTML (ADR 0014; hbar-chart-svg.tsx): one bar per area, its
 * overdose deaths per 100,000 residents. Rates are exact decimal strings, Numbers only for geometry; a withheld rate
 * draws no bar.
 *
 * Test hooks: <rect data-testid="area-bar" data-area data-rate>.
 */

import { countWords } from '@/lib/data/board-words';
import type { Translate } from '@/lib/i18n/messages';
import { numberAxis } from '@/lib/views/chart-axis';
import { AREA_COLOR } from './chart-constants';
import { HBarChartSvg } from './hbar-chart-svg';

export interface AreaView {
  group_key: string;
  label: string;
  population: string | null;
  overdose_deaths: string | null;
  deaths_per_100k: string | null;
  deaths_share: string | null;
}

export interface AreaBurdenSvgProps {
  title: string;
  areas: readonly AreaView[];
  /** The EquityCharts messages, from the chart (this SVG uses no hooks). */
  t: Translate;
}

export function AreaBurdenSvg({ title, areas, t }: AreaBurdenSvgProps) {
  const rate = (a: AreaView) => (a.deaths_per_100k === null ? null : Number(a.deaths_per_100k));
  const axis = numberAxis(Math.max(1, ...areas.map((a) => rate(a) ?? 0)));
  return (
    <HBarChartSvg
      title={title}
      ariaLabel={t('area.ariaLabel', { title })}
      axis={{ end: axis.end, ticks: axis.ticks.map((tick) => ({ key: String(tick.value), label: tick.value.toLocaleString('en-US'), at: tick.at })) }}
      rows={areas.map((a) => ({
        key: a.group_key,
        label: a.label,
        title: t('area.rowTitle', {
          area: a.label,
          residents: countWords(a.population) ?? t('notKnown'),
          deaths: countWords(a.overdose_deaths) ?? t('notKnown'),
          rate: a.deaths_per_100k ?? t('withheld'),
        }),
        bars: [
          {
            value: rate(a),
            fill: AREA_COLOR,
            label: t('area.bar', { area: a.label, rate: a.deaths_per_100k ?? t('withheld') }),
            data: { 'data-testid': 'area-bar', 'data-area': a.group_key, 'data-rate': a.deaths_per_100k ?? '' },
          },
        ],
      }))}
    />
  );
}
