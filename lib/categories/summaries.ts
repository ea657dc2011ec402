/**
 * The sentences under the public charts, so a reader who cannot see a chart (or prefers words) gets its point.
 * Shares are computed with integer arithmetic (shareBasisPoints) and amounts formatted from bigint. The sentences are
 * written in the reader's words (ViewWords: the LocalityView messages and the locale).
 */
import { DEFAULT_LOCALE, FORMAT_LOCALE, type Locale } from '@/lib/i18n/locales';
import type { ViewWords } from '@/lib/i18n/messages';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import { shareBasisPoints } from './summarize-spending';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "July" in English, "julio" in Spanish: the month's whole name in the reader's language. */
export function monthName(month: number, locale: Locale = DEFAULT_LOCALE): string {
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString(FORMAT_LOCALE[locale], { month: 'long', timeZone: 'UTC' });
}

/** "Q1 (Jul–Sep 2025)" for FY2026 starting in July; a quarter that spans New Year names both years. */
export function quarterLabel(fiscalYear: number, startMonth: number, quarter: 1 | 2 | 3 | 4): string {
  const startYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const firstIndex = startMonth - 1 + (quarter - 1) * 3; // months since January of startYear
  const lastIndex = firstIndex + 2;
  const first = MONTHS[firstIndex % 12]!;
  const last = MONTHS[lastIndex % 12]!;
  const firstYear = startYear + Math.floor(firstIndex / 12);
  const lastYear = startYear + Math.floor(lastIndex / 12);
  return firstYear === lastYear ? `Q${quarter} (${first}–${last} ${lastYear})` : `Q${quarter} (${first} ${firstYear}–${last} ${lastYear})`;
}

/** "A", "A and B", "A, B and C" in the reader's language. */
export function listInReadersWords(parts: readonly string[], words: ViewWords): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return words.t('LocalityView.list', { first: parts.slice(0, -1).join(', '), last: parts.at(-1)! });
}

/** "Of $1,000,000 spent in FY2026, $200,000 (20%) was paid in Q1 (Jul–Sep 2025), …" */
export function summarizeQuarters(
  quarters: readonly { label: string; cents: bigint }[],
  fiscalYear: number,
  words: ViewWords,
): string {
  const { t, locale } = words;
  const year = String(fiscalYear);
  const total = quarters.reduce((sum, q) => sum + q.cents, 0n);
  if (total === 0n) return t('LocalityView.quartersNothing', { year });
  const parts = quarters.map((q) =>
    t('LocalityView.quarterPart', {
      amount: formatCents(q.cents, { showCents: false, locale }),
      share: formatPercentFromBasisPoints(shareBasisPoints(q.cents, total), locale),
      quarter: q.label,
    }),
  );
  return t('LocalityView.quartersSummary', { total: formatCents(total, { showCents: false, locale }), year, list: listInReadersWords(parts, words) });
}

/**
 * "Of $2,250,360 allocated in FY2026, 45% came from the Distributors settlement and 30% from Teva settlement; 42%
 * went to Treatment and 30% to Harm reduction." Names as given (the caller puts group names in the reader's words).
 */
export function summarizeFlows(
  sources: readonly { name: string; cents: bigint }[],
  groups: readonly { name: string; cents: bigint }[],
  fiscalYear: number,
  words: ViewWords,
): string {
  const { t, locale } = words;
  const year = String(fiscalYear);
  const total = sources.reduce((sum, s) => sum + s.cents, 0n);
  if (total === 0n) return t('LocalityView.flowsNothing', { year });
  const share = (cents: bigint) => formatPercentFromBasisPoints(shareBasisPoints(cents, total), locale);
  const top = <T extends { name: string; cents: bigint }>(items: readonly T[]) =>
    [...items].sort((a, b) => (a.cents === b.cents ? a.name.localeCompare(b.name) : a.cents > b.cents ? -1 : 1)).slice(0, 3);
  const from = top(sources).map((s, i) => t(i === 0 ? 'LocalityView.firstSource' : 'LocalityView.nextSource', { share: share(s.cents), source: s.name }));
  const to = top(groups).map((g, i) => t(i === 0 ? 'LocalityView.firstGroup' : 'LocalityView.nextGroup', { share: share(g.cents), group: g.name }));
  if (sources.length > 3) from.push(t('LocalityView.restSources'));
  if (groups.length > 3) to.push(t('LocalityView.restGroups'));
  return t('LocalityView.flowsSummary', {
    total: formatCents(total, { showCents: false, locale }),
    year,
    from: listInReadersWords(from, words),
    to: listInReadersWords(to, words),
  });
}
