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
import { useCallback, useId, useMemo } from 'react';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { countWords, decimalToUnits } from '@/lib/data/board-words';
import type { Translate } from '@/lib/i18n/messages';
import { formatCents } from '@/lib/money';
import { AreaBurdenSvg } from './area-burden-svg';
import { BURDEN_COLORS } from './chart-constants';
import { LocalityBurdenSvg, type BurdenDatum } from './locality-burden-svg';

// ---------- by area

export interface PublicAreaView {
  group_key: string;
  label: string;
  population: string | null;
  overdose_deaths: string | null;
  deaths_per_100k: string | null;
  deaths_share: string | null;
}

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
  const reactId = useId();
  const baseId = `area-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const caption = t('area.caption', { locality: localityName, year: String(fiscalYear) });
  const summary = areaSummary(areas, fiscalYear, localityName, t);
  const rows = useMemo(
    () =>
      areas.map((a) => ({
        area: a.label,
        population: countWords(a.population),
        deaths: countWords(a.overdose_deaths),
        rate: a.deaths_per_100k,
        share: a.deaths_share === null ? null : (decimalToUnits(a.deaths_share, 'percent') ?? 0n).toString(),
      })),
    [areas],
  );
  const drawable = areas.some((a) => a.deaths_per_100k !== null);
  return (
    <div className="chart-and-table">
      <figure className="chart-figure" role="figure" aria-labelledby={`${baseId}-title`} aria-describedby={`${baseId}-summary ${baseId}-note`} data-testid={testId}>
        <figcaption id={`${baseId}-title`}>{caption}</figcaption>
        <p id={`${baseId}-note`} className="notice chart-note" role="note">
          {t('area.note')}
        </p>
        {!drawable ? (
          <p className="chart-empty">{t('area.empty')}</p>
        ) : (
          <div className="chart-area">
            <AreaBurdenSvg title={caption} areas={areas} t={t} />
          </div>
        )}
        <p id={`${baseId}-summary`} className="chart-summary">
          {summary}
        </p>
      </figure>
      <DataTable
        caption={t('tableCaption', { caption })}
        columns={areaColumns(t)}
        rows={rows}
        testId={`${testId}-table`}
        emptyMessage={t('area.tableEmpty')}
      />
    </div>
  );
}

// ---------- across localities

export interface LocalityBurdenView {
  slug: string;
  name: string;
  population: string | null;
  overdoseDeaths: string | null;
  /** Cents. */
  allocatedCents: string;
  spentCents: string;
  /** Exact dollars ("2750.00"), null when it cannot be computed or rests on small counts. */
  allocatedPerDeath: string | null;
  spentPerDeath: string | null;
  allocatedPerResident: string | null;
  spentPerResident: string | null;
  missing: string[];
}

const dollarsToCents = (value: string | null) => (value === null ? null : (decimalToUnits(value, 'dollars') ?? 0n).toString());

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
  const reactId = useId();
  const baseId = `burden-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
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
  return (
    <div className="chart-and-table">
      <figure className="chart-figure" role="figure" aria-labelledby={`${baseId}-title`} aria-describedby={`${baseId}-summary`} data-testid={testId}>
        <figcaption id={`${baseId}-title`}>{caption}</figcaption>
        {!drawable ? (
          <p className="chart-empty">Overdose deaths are not known for this year yet.</p>
        ) : (
          <>
            <ul className="chart-legend" aria-label="Legend">
              <li>
                <span className="chart-swatch chart-swatch--allocated" aria-hidden="true" />
                Allocated per death (hatched)
              </li>
              <li>
                <span className="chart-swatch chart-swatch--spent" aria-hidden="true" />
                Spent per death (solid)
              </li>
            </ul>
            <svg className="chart-defs" aria-hidden="true" focusable="false" width="0" height="0">
              <defs>
                <pattern id={patternId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                  <rect width="6" height="6" fill="#ffffff" />
                  <rect width="2.5" height="6" fill={BURDEN_COLORS.allocated} />
                </pattern>
              </defs>
            </svg>
            <div className="chart-area">
              <LocalityBurdenSvg title={caption} data={data} patternId={patternId} />
            </div>
          </>
        )}
        <p id={`${baseId}-summary`} className="chart-summary">
          {summary}
        </p>
      </figure>
      <DataTable
        caption={`${caption} (data table)`}
        columns={LOCALITY_COLUMNS}
        rows={rows}
        testId={`${testId}-table`}
        emptyMessage="No localities to compare."
      />
    </div>
  );
}
