/**
 * What the compare page shows, shaped from listCompareLocalities (lib/data/public-compare.ts): a ranking of the
 * leaf localities by one measure per resident or per overdose death, with the year and source of every
 * denominator, the notes for localities without one, and the share of spending to each health-first group.
 * Ratios arrive already suppressed (lib/compare/compare-ratios.ts); this only orders and words them, in the
 * reader's words (ViewWords: the CompareView and CompareMeasures messages and the locale), with money and numbers
 * per locale and links to the reader's language where the target page is translated.
 */
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { categoryGroup } from '@/lib/categories/localized';
import { shareBasisPoints } from '@/lib/categories/summarize-spending';
import { chooseMeasure, compareMeasures, type Measure } from '@/lib/compare/compare-measures';
import type { Denominator, PublicDeaths, PublicRatio } from '@/lib/compare/compare-ratios';
import { measureInSentence, measureLabel } from '@/lib/compare/measure-words';
import type { CompareLocality } from '@/lib/data/public-compare';
import type { ViewWords } from '@/lib/i18n/messages';
import { localizedHref } from '@/lib/i18n/routes';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import { formatInteger } from '@/lib/i18n/numbers';


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
  /** The measure's name in the reader's words ("Spent on Harm reduction"), for the ranking's column header. */
  measureLabel: string;
  per: Denominator;
  /** The measure chooser, a GET form (eleven choices are a long stack of links on a phone). */
  measureForm: ChoiceForm;
  perLinks: ChooserLink[];
  heading: string;
  summary: string;
  rows: RankingRow[];
  /** "Not enough data" in the reader's words: what a missing figure says. */
  notEnough: string;
  /** "fewer than 11" in the reader's words. */
  fewerThan11: string;
  /** Names of localities with no denominator for the chosen kind. */
  withoutDenominator: string[];
  /** Names of localities whose deaths are 1 to 10: no per-death ratio is shown for them. */
  suppressed: string[];
  perResidentChart: { key: string; label: string; allocatedCents: string; spentCents: string }[];
  /** The health-first groups with spending, by their key (the reference data's English name); `groupNames` words them. */
  groupsPresent: string[];
  /** Each present group's name in the reader's words, by key. */
  groupNames: Record<string, string>;
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

function localityHref(slug: string, fiscalYear: number, words: ViewWords): string {
  return localizedHref(words.locale, `/l/${slug}?fy=${fiscalYear}`);
}

/** "FY2026 figure: State vital records": the year's figure and the source the context data names. */
function yearFigure(row: CompareLocality, year: string, words: ViewWords): string {
  return row.contextSource
    ? words.t('CompareView.yearFigureFrom', { year, source: row.contextSource })
    : words.t('CompareView.yearFigure', { year });
}

function residentsSource(row: CompareLocality, year: string, words: ViewWords): string {
  if (row.residentsFrom === 'year') return yearFigure(row, year, words);
  if (row.residentsFrom === 'locality') return words.t('CompareView.populationRecorded', { year });
  return words.t('CompareView.noPopulation');
}

function deathsText(deaths: PublicDeaths, words: ViewWords): string | null {
  if (deaths.kind === 'none') return null;
  return deaths.kind === 'suppressed' ? words.t('CompareView.fewerThan11') : formatInteger(deaths.count, words.locale);
}

function deathsSource(row: CompareLocality, year: string, words: ViewWords): string {
  if (row.deaths.kind === 'none') return words.t('CompareView.deathsUnknown', { year });
  return yearFigure(row, year, words);
}

function ratioText(ratio: PublicRatio, words: ViewWords): string {
  if (ratio.kind === 'cents') return formatCents(ratio.cents, { locale: words.locale });
  if (ratio.kind === 'suppressed') return words.t('CompareView.notShown', { fewer: words.t('CompareView.fewerThan11') });
  return words.t('CompareView.notEnough');
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

function rankingRows(
  localities: readonly CompareLocality[],
  measure: Measure,
  per: Denominator,
  fiscalYear: number,
  words: ViewWords,
): RankingRow[] {
  const year = String(fiscalYear);
  const sorted = localities
    .map((row) => ({ row, name: row.name, ratio: (row.ratios.get(measure.key) ?? NO_RATIO)[per] }))
    .sort(byRatioThenName);
  let rank = 0;
  return sorted.map(({ row, ratio }) => ({
    key: row.slug,
    rank: ratio.kind === 'cents' ? (rank += 1) : null,
    name: row.name,
    href: localityHref(row.slug, fiscalYear, words),
    amountCents: measure.amount(row).toString(),
    denominatorText:
      per === 'resident' ? (row.residents === null ? null : formatInteger(row.residents, words.locale)) : deathsText(row.deaths, words),
    denominatorSource: per === 'resident' ? residentsSource(row, year, words) : deathsSource(row, year, words),
    ratioCents: ratio.kind === 'cents' ? ratio.cents.toString() : null,
    ratioText: ratioText(ratio, words),
  }));
}

function rankingSummary(rows: readonly RankingRow[], measure: Measure, per: Denominator, fiscalYear: number, words: ViewWords): string {
  const ranked = rows.filter((r) => r.ratioCents !== null);
  const year = String(fiscalYear);
  if (ranked.length === 0) return words.t('CompareView.summaryNone', { per, year });
  const first = ranked[0]!;
  const last = ranked.at(-1)!;
  const values = { year, per, what: measureInSentence(measure, words), first: first.name, firstValue: first.ratioText };
  return ranked.length > 1
    ? words.t('CompareView.summary', { ...values, last: last.name, lastValue: last.ratioText })
    : words.t('CompareView.summaryOne', values);
}

function shareRows(localities: readonly CompareLocality[], groups: readonly string[], fiscalYear: number, words: ViewWords): ShareRow[] {
  return localities.map((row) => {
    const total = groups.reduce((sum, g) => sum + (row.spentByGroup.get(g) ?? 0n), 0n);
    const shares: Record<string, number> = {};
    for (const g of groups) shares[g] = Number(shareBasisPoints(row.spentByGroup.get(g) ?? 0n, total));
    return { key: row.slug, name: row.name, href: localityHref(row.slug, fiscalYear, words), shares: total === 0n ? null : shares };
  });
}

function shareSummary(rows: readonly ShareRow[], fiscalYear: number, words: ViewWords): string {
  const year = String(fiscalYear);
  if (rows.every((r) => r.shares === null)) return words.t('CompareView.sharesNone', { year });
  const criminalLegal = rows
    .filter((r) => (r.shares?.['Criminal-legal'] ?? 0) > 0)
    .sort((a, b) => (b.shares?.['Criminal-legal'] ?? 0) - (a.shares?.['Criminal-legal'] ?? 0))[0];
  const second = criminalLegal
    ? words.t('CompareView.sharesCriminalLegal', {
        name: criminalLegal.name,
        share: formatPercentFromBasisPoints(criminalLegal.shares?.['Criminal-legal'] ?? 0, words.locale),
      })
    : words.t('CompareView.sharesNoCriminalLegal');
  return `${words.t('CompareView.sharesIntro', { year })} ${second}`;
}

export function compareView(args: {
  fiscalYear: number;
  groups: readonly string[];
  localities: readonly CompareLocality[];
  query: CompareQuery;
  words: ViewWords;
}): CompareView {
  const { fiscalYear, groups, localities, query, words } = args;
  const href = (english: string) => localizedHref(words.locale, english);
  const measures = compareMeasures(groups);
  const measure = chooseMeasure(measures, query.measure);
  const per: Denominator = query.per === 'death' ? 'death' : 'resident';
  const kept = { map: first(query.map), state: first(query.state) };
  const rows = rankingRows(localities, measure, per, fiscalYear, words);
  const groupsPresent = groups.filter((g) => localities.some((row) => (row.spentByGroup.get(g) ?? 0n) !== 0n));
  const shares = shareRows(localities, groupsPresent, fiscalYear, words);
  const label = measureLabel(measure, words);
  return {
    measure,
    measureLabel: label,
    per,
    measureForm: {
      action: href('/compare#ranking-heading'),
      name: 'measure',
      hidden: [
        { name: 'fy', value: String(fiscalYear) },
        { name: 'per', value: per },
        ...(kept.map ? [{ name: 'map', value: kept.map }] : []),
        ...(kept.state ? [{ name: 'state', value: kept.state }] : []),
      ],
      options: measures.map((m) => ({ value: m.key, label: measureLabel(m, words) })),
      selected: measure.key,
    },
    perLinks: (['resident', 'death'] as const).map((p) => ({
      key: p,
      label: words.t(p === 'resident' ? 'CompareView.perResident' : 'CompareView.perDeath'),
      href: href(compareHref(fiscalYear, { ...kept, measure: measure.key, per: p }, '#ranking-heading')),
      current: p === per,
    })),
    heading: words.t('CompareView.heading', { measure: label, per, year: String(fiscalYear) }),
    summary: rankingSummary(rows, measure, per, fiscalYear, words),
    rows,
    notEnough: words.t('CompareView.notEnough'),
    fewerThan11: words.t('CompareView.fewerThan11'),
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
    groupNames: Object.fromEntries(groupsPresent.map((g) => [g, categoryGroup(words.locale, DEFAULT_FRAMEWORK_KEY, g)])),
    shareRows: shares,
    shareSummary: shareSummary(shares, fiscalYear, words),
  };
}
