'use client';

/**
 * Reach parity: for each race/ethnicity group, its share of the people served by approved programs beside its share
 * of overdose deaths (horizontal bars, one under the other), with a text summary and its data table.
 *
 * Takes the PUBLIC shape (`toPublicReach`): a count of 1–10 arrives as "fewer than 11" and the shares computed from
 * it as null, so the bar is left out and the table says why. All of it, the SVG (reach-parity-svg.tsx) included, is in
 * the server's HTML and needs no script (ADR 0014).
 *
 * Words: the EquityCharts messages (a client namespace of the root layout) in the page's language; the caller passes
 * the data's own words already in that language (group names, "fewer than 11": equity-panel.tsx).
 *
 * Test hooks: every bar is <rect data-testid="reach-bar" data-series="served|deaths" data-group data-share>.
 */

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { ChartAndTable } from '@/app/_components/chart-and-table';
import { ChartFigure, HatchPatternDefs, useChartBaseId } from '@/app/_components/chart-figure';
import { ChartLegend } from '@/app/_components/chart-legend';
import type { ColumnSpec } from '@/app/_components/data-table';
import { countWords, decimalToUnits } from '@/lib/data/board-words';
import type { Translate } from '@/lib/i18n/messages';
import type { PublicReachGroup } from '@/lib/equity/reach';
import { REACH_COLORS } from './chart-constants';
import { ReachParitySvg } from './reach-parity-svg';
import { percentUnits } from './table-values';

export interface PublicReachView {
  fiscal_year: number;
  groups: PublicReachGroup[];
  served_total: string;
  deaths_total: string | null;
  missing: string[];
}

/** "Reached less than 0.8 times their share of overdose deaths: …", in the reader's words (EquityCharts messages). */
export function reachSummary(reach: PublicReachView, t: Translate): string {
  const year = String(reach.fiscal_year);
  if (reach.groups.length === 0) return t('reach.summaryNone', { year });
  const percentText = (share: string | null) => (share === null ? t('withheld') : `${share}%`);
  const parts: string[] = [];
  const below = reach.groups.filter((g) => g.ratio !== null && (decimalToUnits(g.ratio, 'ratio') ?? 0n) < 8_000n);
  if (below.length > 0) {
    const list = below
      .map((g) => t('reach.belowGroup', { group: g.label, served: percentText(g.served_share), deaths: percentText(g.deaths_share) }))
      .join('; ');
    parts.push(t('reach.below', { list }));
  } else if (reach.groups.some((g) => g.ratio !== null)) {
    parts.push(t('reach.allReached'));
  }
  const withheld = reach.groups.filter((g) => g.suppressed).map((g) => g.label);
  if (withheld.length > 0) parts.push(t('reach.smallCounts', { list: withheld.join('; ') }));
  if (reach.missing.length > 0) parts.push(t('missing', { list: reach.missing.join('; ') }));
  const deaths = countWords(reach.deaths_total);
  const head =
    deaths === null
      ? t('reach.totalsUnknownDeaths', { year, served: countWords(reach.served_total) ?? '' })
      : t('reach.totals', { year, served: countWords(reach.served_total) ?? '', deaths });
  return `${head} ${parts.join(' ')}`.trim();
}

function columns(t: Translate): ColumnSpec[] {
  return [
    { id: 'group', header: t('reach.columnGroup'), kind: 'text' },
    { id: 'served', header: t('reach.columnServed'), kind: 'text', sortable: false },
    { id: 'servedShare', header: t('reach.columnServedShare'), kind: 'percent', emptyText: t('withheldOrUnknown') },
    { id: 'deaths', header: t('columnDeaths'), kind: 'text', sortable: false, emptyText: t('notKnown') },
    { id: 'deathsShare', header: t('reach.columnDeathsShare'), kind: 'percent', emptyText: t('withheldOrUnknown') },
    { id: 'ratio', header: t('reach.columnRatio'), kind: 'text', emptyText: t('cannotBeComputed') },
  ];
}

export function ReachParityChart({ reach, title, testId = 'reach-chart' }: { reach: PublicReachView; title?: string; testId?: string }) {
  const intl = useTranslations('EquityCharts');
  const t: Translate = (key, values) => intl(key, values);
  const baseId = useChartBaseId('reach');
  const patternId = `${baseId}-hatch`;
  const caption = title ?? t('reach.caption', { year: String(reach.fiscal_year) });
  const summary = reachSummary(reach, t);
  const rows = useMemo(
    () =>
      reach.groups.map((group) => ({
        group: group.label,
        served: countWords(group.people_served),
        servedShare: percentUnits(group.served_share),
        deaths: countWords(group.deaths),
        deathsShare: percentUnits(group.deaths_share),
        ratio: group.ratio,
      })),
    [reach.groups],
  );
  const drawable = reach.groups.some((g) => g.served_share !== null || g.deaths_share !== null);
  const table = { caption: t('tableCaption', { caption }), columns: columns(t), rows, testId: `${testId}-table`, emptyMessage: t('reach.tableEmpty') };
  return (
    <ChartAndTable table={table}>
      <ChartFigure baseId={baseId} title={caption} summary={summary} empty={drawable ? null : t('reach.empty')} testId={testId}>
        <ChartLegend
          label={t('legend')}
          items={[
            { name: t('reach.legendServed'), color: REACH_COLORS.served },
            { name: t('reach.legendDeaths'), swatchClass: 'reach-deaths-swatch' },
          ]}
        />
        <HatchPatternDefs id={patternId} color={REACH_COLORS.deaths} />
        <div className="chart-area">
          <ReachParitySvg title={caption} groups={reach.groups} patternId={patternId} t={t} />
        </div>
      </ChartFigure>
    </ChartAndTable>
  );
}
