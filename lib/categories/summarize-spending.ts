import type { ViewWords } from '@/lib/i18n/messages';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';

export interface GroupAmount {
  group: string;
  cents: bigint;
}

/** Share of a total in basis points, rounded half up, with integer arithmetic only. */
export function shareBasisPoints(part: bigint, total: bigint): bigint {
  if (total === 0n) return 0n;
  return (part * 20000n + total) / (2n * total);
}

export function totalsByGroup<T extends { group: string }>(rows: readonly T[], amount: (row: T) => bigint): GroupAmount[] {
  const totals = new Map<string, bigint>();
  for (const row of rows) totals.set(row.group, (totals.get(row.group) ?? 0n) + amount(row));
  return [...totals.entries()]
    .map(([group, cents]) => ({ group, cents }))
    .sort((a, b) => (a.cents === b.cents ? a.group.localeCompare(b.group) : a.cents > b.cents ? -1 : 1));
}

/**
 * The sentence under a chart, so that a reader who cannot see it (or prefers words) gets the point:
 * "Of $1,200,000 allocated in FY2026, 42% went to Treatment, 30% to Harm reduction and 28% to other groups."
 * In the reader's words (the LocalityView messages); group names as given (the caller puts them in those words).
 */
export function summarizeByGroup(groups: readonly GroupAmount[], fiscalYear: number, verb: 'allocated' | 'spent', words: ViewWords): string {
  const { t, locale } = words;
  const year = String(fiscalYear);
  const total = groups.reduce((sum, g) => sum + g.cents, 0n);
  if (total === 0n) return t(`LocalityView.${verb}Nothing`, { year });
  const share = (cents: bigint) => formatPercentFromBasisPoints(shareBasisPoints(cents, total), locale);
  const top = groups.filter((g) => g.cents > 0n).slice(0, 3);
  const parts = top.map((g, index) => t(index === 0 ? 'LocalityView.firstGroup' : 'LocalityView.nextGroup', { share: share(g.cents), group: g.group }));
  const rest = total - top.reduce((sum, g) => sum + g.cents, 0n);
  if (rest > 0n) parts.push(t('LocalityView.otherGroups', { share: share(rest) }));
  const list = parts.length > 1 ? t('LocalityView.list', { first: parts.slice(0, -1).join(', '), last: parts.at(-1)! }) : (parts[0] ?? '');
  return t(`LocalityView.${verb}Summary`, { total: formatCents(total, { showCents: false, locale }), year, list });
}
