'use client';

/**
 * Spending against burden, each with a text summary and its data table:
 *  - within a locality, by area: overdose deaths per 100,000 residents. Allocations carry no area, so money per
 *    death by area cannot be computed; the chart says so and shows where the deaths are, to set spending against.
 *  - across localities: money allocated and money spent per overdose death, side by side (never added together).
 *
 * Both take public shapes: counts of 1–10 arrive as "fewer than 11" and what is computed from them as null. All of
 * it, the SVGs (area-burden-svg.tsx, locality-burden-svg.tsx) included, is in the server's HTML and needs no script
 * (ADR 0014).
 *
 * Words: the area chart (public equity page and staff board) speaks the page's language (EquityCharts messages, a
 * client namespace of the root layout); the chart across localities is on the staff board only, in English.
 *
 * Test hooks: <rect data-testid="area-bar" data-area data-rate>; <rect data-testid="burden-bar" data-series
 * data-locality data-cents>.
 */

import { useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { ChartAndTable } from '@/app/_components/chart-and-table';
import { ChartFigure, HatchPatternDefs, useChartBaseId } from '@/app/_components/chart-figure';
import { ChartLegend } from '@/app/_components/chart-legend';
import type { ColumnSpec } from '@/app/_components/data-table';
import { countWords, decimalToUnits } from '@/lib/data/board-words';
import type { PublicLocalityBurden } from '@/lib/data/board-summary';
import type { Translate } from '@/lib/i18n/messages';
import { formatCents } from '@/lib/money';
import { AreaBurdenSvg, type AreaView } from './area-burden-svg';
import { BURDEN_COLORS } from './chart-constants';
import { LocalityBurdenSvg, type BurdenDatum } from './locality-burden-svg';
import { dollarsToCents, percentUnits } from './table-values';

// ---------- by area

/** One area's deaths and residents, in the public shape. */
export type PublicAreaView = AreaView;

function areaColumns(t: Translate): ColumnSpec[] {
  return [
    { id: 'area', header: t('area.columnArea'), kind: 'text' },
    { id: 'population', header: t('columnResidents'), kind: 'text', sortable: false, emptyText: t('notKnown') },
    { id: 'deaths', header: t('columnDeaths'), kind: 'text', sortable: false, emptyText: t('notKnown') },
    { id: 'rate', header: t('area.columnRate'), kind: 'text', emptyText: t('withheldOrUnknown') },
    { id: 'share', header: t('area.columnShare'), kind: 'percent', emptyText: t('withheldOrUnknown') },
  ];
}

/** "FY2026: the highest overdose death rate is in …", in the reader's words (EquityCharts messages). */
export function areaSummary(areas: readonly PublicAreaView[], fiscalYear: number, localityName: string, t: Translate): string {
  const year = String(fiscalYear);
  if (areas.length === 0) return t('area.summaryNone', { locality: localityName, year });
  const ranked = areas.filter((a) => a.deaths_per_100k !== null).sort((a, b) => Number(b.deaths_per_100k) - Number(a.deaths_per_100k));
  const first = ranked[0];
  const last = ranked[ranked.length - 1];
  if (!first || !last) return t('area.summaryUnknown', { year });
  const highest =
    first.deaths_share !== null
      ? t('area.highestWithShare', { year, area: first.label, rate: first.deaths_per_100k ?? '', share: first.deaths_share })
      : t('area.highest', { year, area: first.label, rate: first.deaths_per_100k ?? '' });
  return ranked.length > 1 ? `${highest}${t('area.lowest', { area: last.label, rate: last.deaths_per_100k ?? '' })}` : `${highest}.`;
}

export function AreaBurdenChart({
  areas,
  fiscalYear,
  localityName,
  testId = 'area-chart',
}: {
  areas: readonly PublicAreaView[];
  fiscalYear: number;
  localityName: string;
  testId?: string;
}) {
  const intl = useTranslations('EquityCharts');
  const t: Translate = (key, values) => intl(key, values);
  const baseId = useChartBaseId('area');
  const caption = t('area.caption', { locality: localityName, year: String(fiscalYear) });
  const summary = areaSummary(areas, fiscalYear, localityName, t);
  const rows = useMemo(
    () =>
      areas.map((a) => ({
        area: a.label,
        population: countWords(a.population),
        deaths: countWords(a.overdose_deaths),
        rate: a.deaths_per_100k,
        share: percentUnits(a.deaths_share),
      })),
    [areas],
  );
  const drawable = areas.some((a) => a.deaths_per_100k !== null);
  const table = { caption: t('tableCaption', { caption }), columns: areaColumns(t), rows, testId: `${testId}-table`, emptyMessage: t('area.tableEmpty') };
  return (
    <ChartAndTable table={table}>
      <ChartFigure baseId={baseId} title={caption} summary={summary} note={t('area.note')} empty={drawable ? null : t('area.empty')} testId={testId}>
        <div className="chart-area">
          <AreaBurdenSvg title={caption} areas={areas} t={t} />
        </div>
      </ChartFigure>
    </ChartAndTable>
  );
}

// ---------- across localities

/** One locality's money against its burden (board-summary.ts), counts of 1–10 suppressed. */
export type LocalityBurdenView = PublicLocalityBurden;

const LOCALITY_COLUMNS: ColumnSpec[] = [
  { id: 'name', header: 'Locality', kind: 'text' },
  { id: 'population', header: 'Residents', kind: 'text', sortable: false, emptyText: 'not known' },
  { id: 'deaths', header: 'Overdose deaths', kind: 'text', sortable: false, emptyText: 'not known' },
  { id: 'allocated', header: 'Allocated', kind: 'money' },
  { id: 'spent', header: 'Spent', kind: 'money' },
  { id: 'allocatedPerDeath', header: 'Allocated per death', kind: 'money', emptyText: 'cannot be computed' },
  { id: 'spentPerDeath', header: 'Spent per death', kind: 'money', emptyText: 'cannot be computed' },
  { id: 'allocatedPerResident', header: 'Allocated per resident', kind: 'money', emptyText: 'cannot be computed' },
  { id: 'spentPerResident', header: 'Spent per resident', kind: 'money', emptyText: 'cannot be computed' },
];

export function localitiesSummary(localities: readonly LocalityBurdenView[], fiscalYear: number, currentSlug: string | null): string {
  const known = localities.filter((l) => l.allocatedPerDeath !== null);
  if (known.length === 0) return `Dollars per overdose death cannot be computed for any locality in FY${fiscalYear} yet: overdose deaths are not known.`;
  const sorted = [...known].sort((a, b) => Number(b.allocatedPerDeath) - Number(a.allocatedPerDeath));
  const money = (value: string | null) => (value === null ? '—' : formatCents(decimalToUnits(value, 'dollars') ?? 0n));
  let text = `FY${fiscalYear}: allocated per overdose death ranges from ${money(sorted[sorted.length - 1]!.allocatedPerDeath)} (${sorted[sorted.length - 1]!.name}) to ${money(sorted[0]!.allocatedPerDeath)} (${sorted[0]!.name}).`;
  const current = localities.find((l) => l.slug === currentSlug);
  if (current) {
    text +=
      current.allocatedPerDeath === null
        ? ` ${current.name}: cannot be computed (${current.missing.join('; ') || 'missing data'}).`
        : ` ${current.name}: ${money(current.allocatedPerDeath)} allocated and ${money(current.spentPerDeath)} spent per death.`;
  }
  return text;
}

export function LocalityBurdenChart({
  localities,
  fiscalYear,
  currentSlug = null,
  testId = 'burden-chart',
}: {
  localities: readonly LocalityBurdenView[];
  fiscalYear: number;
  /** The locality the page is about: named "(this locality)" in the chart and the table. */
  currentSlug?: string | null;
  testId?: string;
}) {
  const baseId = useChartBaseId('burden');
  const patternId = `${baseId}-hatch`;
  const caption = `Money per overdose death across localities, FY${fiscalYear}: allocated and spent`;
  const summary = localitiesSummary(localities, fiscalYear, currentSlug);
  const nameOf = useCallback((l: LocalityBurdenView) => (l.slug === currentSlug ? `${l.name} (this locality)` : l.name), [currentSlug]);
  const data = useMemo<BurdenDatum[]>(
    () =>
      localities.map((l) => ({
        key: l.slug,
        label: nameOf(l),
        allocatedCents: dollarsToCents(l.allocatedPerDeath),
        spentCents: dollarsToCents(l.spentPerDeath),
      })),
    [localities, nameOf],
  );
  const rows = useMemo(
    () =>
      localities.map((l) => ({
        name: nameOf(l),
        population: countWords(l.population),
        deaths: countWords(l.overdoseDeaths),
        allocated: l.allocatedCents,
        spent: l.spentCents,
        allocatedPerDeath: dollarsToCents(l.allocatedPerDeath),
        spentPerDeath: dollarsToCents(l.spentPerDeath),
        allocatedPerResident: dollarsToCents(l.allocatedPerResident),
        spentPerResident: dollarsToCents(l.spentPerResident),
      })),
    [localities, nameOf],
  );
  const drawable = data.some((d) => d.allocatedCents !== null || d.spentCents !== null);
  const table = { caption: `${caption} (data table)`, columns: LOCALITY_COLUMNS, rows, testId: `${testId}-table`, emptyMessage: 'No localities to compare.' };
  return (
    <ChartAndTable table={table}>
      <ChartFigure baseId={baseId} title={caption} summary={summary} empty={drawable ? null : 'Overdose deaths are not known for this year yet.'} testId={testId}>
        <ChartLegend
          items={[
            { name: 'Allocated per death (hatched)', swatchClass: 'chart-swatch--allocated' },
            { name: 'Spent per death (solid)', swatchClass: 'chart-swatch--spent' },
          ]}
        />
        <HatchPatternDefs id={patternId} color={BURDEN_COLORS.allocated} />
        <div className="chart-area">
          <LocalityBurdenSvg title={caption} data={data} patternId={patternId} />
        </div>
      </ChartFigure>
    </ChartAndTable>
  );
}
