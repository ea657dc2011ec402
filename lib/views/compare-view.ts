/**
 * What the compare page shows, shaped from listCompareLocalities (lib/data/public-compare.ts): a ranking of the
 * leaf localities by one measure per resident or per overdose death, with the year and source of every
 * denominator, the notes for localities without one, and the share of spending to each health-first group.
 * Ratios arrive already suppressed (lib/compare/compare-ratios.ts); this only orders and words them.
 */
import { shareBasisPoints } from '@/lib/categories/summarize-spending';
import { chooseMeasure, compareMeasures, type Measure } from '@/lib/compare/compare-measures';
import type { Denominator, PublicDeaths, PublicRatio } from '@/lib/compare/compare-ratios';
import type { CompareLocality } from '@/lib/data/public-compare';
import { SMALL_COUNT_TEXT } from '@/lib/equity/suppress';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';

const integerFormat = new Intl.NumberFormat('en-US');

export const NOT_ENOUGH = 'Not enough data';

export interface ChooserLink {
  key: string;
  label: string;
  href: string;
  current: boolean;
}

export interface RankingRow {
  key: string;
  /** 1, 2, … for a locality with a ratio; null for one without (listed after, by name). */
  rank: number | null;
  name: string;
  href: string;
  amountCents: string;
  /** Residents or deaths as shown ("12,345", "fewer than 11"), or null when there is none. */
  denominatorText: string | null;
  /** Where the denominator comes from: "FY2026 figure: NC DHHS", "Population recorded for the locality …". */
  denominatorSource: string;
  /** Cents per resident or per death, or null with the reason in `ratioText`. */
  ratioCents: string | null;
  ratioText: string;
}

export interface ShareRow {
  key: string;
  name: string;
  href: string;
  /** Basis points per group present; null when the locality spent nothing. */
  shares: Record<string, number> | null;
}

export interface CompareView {
  measure: Measure;
  per: Denominator;
  /** The measure chooser, a GET form (eleven choices are a long stack of links on a phone). */
  measureForm: ChoiceForm;
  perLinks: ChooserLink[];
  heading: string;
  summary: string;
  rows: RankingRow[];
  /** Names of localities with no denominator for the chosen kind. */
  withoutDenominator: string[];
  /** Names of localities whose deaths are 1 to 10: no per-death ratio is shown for them. */
  suppressed: string[];
  perResidentChart: { key: string; label: string; allocatedCents: string; spentCents: string }[];
  groupsPresent: string[];
  shareRows: ShareRow[];
  shareSummary: string;
}

export interface ChoiceForm {
  action: string;
  name: string;
  /** The page's other choices, sent again unchanged. */
  hidden: { name: string; value: string }[];
  options: { value: string; label: string }[];
  selected: string;
}

export interface CompareQuery {
  measure?: string | string[];
  per?: string | string[];
  /** The map's own choices (lib/views/locality-map-view.ts), kept on the ranking's links. */
  map?: string | string[];
  state?: string | string[];
}

/** The compare page's URL: the ranking's measure and denominator, and the map's measure and state when chosen. */
export function compareHref(
  fiscalYear: number,
  choice: { measure: string; per: Denominator; map?: string; state?: string },
  anchor = '',
): string {
  const search = new URLSearchParams({ fy: String(fiscalYear), measure: choice.measure, per: choice.per });
  if (choice.map) search.set('map', choice.map);
  if (choice.state) search.set('state', choice.state);
  return `/compare?${search.toString()}${anchor}`;
}

const first = (value: string | string[] | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

function localityHref(slug: string, fiscalYear: number): string {
  return `/l/${slug}?fy=${fiscalYear}`;
}

function residentsSource(row: CompareLocality, fiscalYear: number): string {
  if (row.residentsFrom === 'year') return `FY${fiscalYear} figure${row.contextSource ? `: ${row.contextSource}` : ''}`;
  if (row.residentsFrom === 'locality') return `Population recorded for the locality (no FY${fiscalYear} figure)`;
  return `No population recorded`;
}

function deathsText(deaths: PublicDeaths): string | null {
  if (deaths.kind === 'none') return null;
  return deaths.kind === 'suppressed' ? SMALL_COUNT_TEXT : integerFormat.format(deaths.count);
}

function deathsSource(row: CompareLocality, fiscalYear: number): string {
  if (row.deaths.kind === 'none') return `Not yet known for FY${fiscalYear}`;
  return `FY${fiscalYear} figure${row.contextSource ? `: ${row.contextSource}` : ''}`;
}

function ratioText(ratio: PublicRatio): string {
  if (ratio.kind === 'cents') return formatCents(ratio.cents);
  if (ratio.kind === 'suppressed') return `Not shown: ${SMALL_COUNT_TEXT} deaths`;
  return NOT_ENOUGH;
}

const NO_RATIO: { resident: PublicRatio; death: PublicRatio } = { resident: { kind: 'none' }, death: { kind: 'none' } };

function byRatioThenName(a: { ratio: PublicRatio; name: string }, b: { ratio: PublicRatio; name: string }): number {
  const order = (r: PublicRatio) => (r.kind === 'cents' ? 0 : r.kind === 'suppressed' ? 1 : 2);
  if (order(a.ratio) !== order(b.ratio)) return order(a.ratio) - order(b.ratio);
  if (a.ratio.kind === 'cents' && b.ratio.kind === 'cents' && a.ratio.cents !== b.ratio.cents) {
    return a.ratio.cents > b.ratio.cents ? -1 : 1;
  }
  return a.name.localeCompare(b.name, 'en');
}

function rankingRows(localities: readonly CompareLocality[], measure: Measure, per: Denominator, fiscalYear: number): RankingRow[] {
  const sorted = localities
    .map((row) => ({ row, name: row.name, ratio: (row.ratios.get(measure.key) ?? NO_RATIO)[per] }))
    .sort(byRatioThenName);
  let rank = 0;
  return sorted.map(({ row, ratio }) => ({
    key: row.slug,
    rank: ratio.kind === 'cents' ? (rank += 1) : null,
    name: row.name,
    href: localityHref(row.slug, fiscalYear),
    amountCents: measure.amount(row).toString(),
    denominatorText:
      per === 'resident' ? (row.residents === null ? null : integerFormat.format(row.residents)) : deathsText(row.deaths),
    denominatorSource: per === 'resident' ? residentsSource(row, fiscalYear) : deathsSource(row, fiscalYear),
    ratioCents: ratio.kind === 'cents' ? ratio.cents.toString() : null,
    ratioText: ratioText(ratio),
  }));
}

function rankingSummary(rows: readonly RankingRow[], measure: Measure, per: Denominator, fiscalYear: number): string {
  const ranked = rows.filter((r) => r.ratioCents !== null);
  const unit = per === 'resident' ? 'per resident' : 'per overdose death';
  const what = `${measure.label.toLowerCase()} ${unit}`;
  if (ranked.length === 0) return `No locality has both this amount and a ${per === 'resident' ? 'population' : 'count of overdose deaths'} that can be shown for FY${fiscalYear}.`;
  const first = ranked[0]!;
  const last = ranked.at(-1)!;
  return (
    `In FY${fiscalYear}, ${first.name} ranks first by ${what} (${first.ratioText})` +
    (ranked.length > 1 ? ` and ${last.name} last (${last.ratioText}).` : '.')
  );
}

function shareRows(localities: readonly CompareLocality[], groups: readonly string[], fiscalYear: number): ShareRow[] {
  return localities.map((row) => {
    const total = groups.reduce((sum, g) => sum + (row.spentByGroup.get(g) ?? 0n), 0n);
    const shares: Record<string, number> = {};
    for (const g of groups) shares[g] = Number(shareBasisPoints(row.spentByGroup.get(g) ?? 0n, total));
    return { key: row.slug, name: row.name, href: localityHref(row.slug, fiscalYear), shares: total === 0n ? null : shares };
  });
}

function shareSummary(rows: readonly ShareRow[], fiscalYear: number): string {
  if (rows.every((r) => r.shares === null)) return `No spending was recorded in FY${fiscalYear}.`;
  const criminalLegal = rows
    .filter((r) => (r.shares?.['Criminal-legal'] ?? 0) > 0)
    .sort((a, b) => (b.shares?.['Criminal-legal'] ?? 0) - (a.shares?.['Criminal-legal'] ?? 0))[0];
  return (
    `Each bar is one locality’s FY${fiscalYear} spending, split by the health-first groups.` +
    (criminalLegal
      ? ` ${criminalLegal.name} put the largest share into criminal-legal uses (${formatPercentFromBasisPoints(criminalLegal.shares?.['Criminal-legal'] ?? 0)}).`
      : ' No locality spent on criminal-legal uses.')
  );
}

export function compareView(args: {
  fiscalYear: number;
  groups: readonly string[];
  localities: readonly CompareLocality[];
  query: CompareQuery;
}): CompareView {
  const { fiscalYear, groups, localities, query } = args;
  const measures = compareMeasures(groups);
  const measure = chooseMeasure(measures, query.measure);
  const per: Denominator = query.per === 'death' ? 'death' : 'resident';
  const kept = { map: first(query.map), state: first(query.state) };
  const rows = rankingRows(localities, measure, per, fiscalYear);
  const groupsPresent = groups.filter((g) => localities.some((row) => (row.spentByGroup.get(g) ?? 0n) !== 0n));
  const shares = shareRows(localities, groupsPresent, fiscalYear);
  return {
    measure,
    per,
    measureForm: {
      action: '/compare#ranking-heading',
      name: 'measure',
      hidden: [
        { name: 'fy', value: String(fiscalYear) },
        { name: 'per', value: per },
        ...(kept.map ? [{ name: 'map', value: kept.map }] : []),
        ...(kept.state ? [{ name: 'state', value: kept.state }] : []),
      ],
      options: measures.map((m) => ({ value: m.key, label: m.label })),
      selected: measure.key,
    },
    perLinks: (['resident', 'death'] as const).map((p) => ({
      key: p,
      label: p === 'resident' ? 'Per resident' : 'Per overdose death',
      href: compareHref(fiscalYear, { ...kept, measure: measure.key, per: p }, '#ranking-heading'),
      current: p === per,
    })),
    heading: `${measure.label} ${per === 'resident' ? 'per resident' : 'per overdose death'}, FY${fiscalYear}`,
    summary: rankingSummary(rows, measure, per, fiscalYear),
    rows,
    withoutDenominator: localities
      .filter((row) => (per === 'resident' ? row.residents === null : row.deaths.kind === 'none'))
      .map((row) => row.name),
    suppressed: per === 'death' ? localities.filter((row) => row.deaths.kind === 'suppressed').map((row) => row.name) : [],
    perResidentChart: localities.flatMap((row) => {
      const allocated = row.ratios.get('allocated')?.resident;
      const spent = row.ratios.get('spent')?.resident;
      return allocated?.kind === 'cents' && spent?.kind === 'cents'
        ? [{ key: row.slug, label: row.name, allocatedCents: allocated.cents.toString(), spentCents: spent.cents.toString() }]
        : [];
    }),
    groupsPresent,
    shareRows: shares,
    shareSummary: shareSummary(shares, fiscalYear),
  };
}
