import { groupColors } from '@/lib/categories/group-colors';
import { type ReconciliationRow, RECONCILIATION_STATUS_LABELS } from '@/lib/data/reconciliation';
import type { Locale } from '@/lib/i18n/locales';
import type { ViewWords } from '@/lib/i18n/messages';
import { formatCents } from '@/lib/money';

/**
 * What the public "Money coming in" page shows, shaped from the reconciliation rows (pure, unit-tested): the chart's
 * series (expected and received by payment year, stacked by settlement), the one-sentence summary, and what is
 * overdue. Amounts stay exact: integer cents as strings for the chart, formatted from bigint for words.
 *
 * Words: given the reader's words (the MoneyInView messages and the locale), the summary and the statuses are in the
 * reader's language, money per locale; without them, English as before.
 */

export interface MoneyInChartData {
  paymentYears: number[];
  /** Stacking order, bottom first: the settlement with the most money expected or received first. */
  settlements: { name: string; color: string }[];
  /** Cents by payment year, then settlement name. */
  expected: Record<string, Record<string, string>>;
  received: Record<string, Record<string, string>>;
}

export interface MoneyInView {
  chart: MoneyInChartData;
  summary: string;
  overdue: ReconciliationRow[];
  statusLabel: (row: ReconciliationRow) => string;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** "Of $X expected through payment year 2026, $Y has arrived; 1 payment is overdue." */
export function moneyInSummary(rows: readonly ReconciliationRow[], throughYear: number, words?: ViewWords): string {
  const upTo = rows.filter((row) => row.paymentYear <= throughYear);
  const expected = upTo.reduce((sum, row) => sum + (row.expectedCents ?? 0n), 0n);
  const received = upTo.reduce((sum, row) => sum + row.receivedCents, 0n);
  const overdue = rows.filter((row) => row.status === 'overdue').length;
  if (words) {
    const money = (cents: bigint) => formatCents(cents, { locale: words.locale });
    const values = { year: String(throughYear), received: money(received), overdue: words.t('MoneyInView.overdue', { count: overdue }) };
    return expected === 0n
      ? words.t('MoneyInView.summaryNothingExpected', values)
      : words.t('MoneyInView.summary', { ...values, expected: money(expected) });
  }
  const overdueWords =
    overdue === 0 ? 'no payment is overdue' : `${overdue} ${plural(overdue, 'payment is', 'payments are')} overdue`;
  if (expected === 0n) {
    return `No settlement payments are expected through payment year ${throughYear} yet; ${formatCents(received)} has arrived from settlements; ${overdueWords}.`;
  }
  return `Of ${formatCents(expected)} expected through payment year ${throughYear}, ${formatCents(received)} has arrived; ${overdueWords}.`;
}

export function moneyInChartData(rows: readonly ReconciliationRow[]): MoneyInChartData {
  const totals = new Map<string, bigint>();
  for (const row of rows) {
    const biggest = row.expectedCents !== null && row.expectedCents > row.receivedCents ? row.expectedCents : row.receivedCents;
    totals.set(row.sourceName, (totals.get(row.sourceName) ?? 0n) + biggest);
  }
  const names = [...totals.entries()].sort((a, b) => (a[1] === b[1] ? a[0].localeCompare(b[0]) : a[1] > b[1] ? -1 : 1)).map(([name]) => name);
  const colors = groupColors(names);
  const paymentYears = [...new Set(rows.map((row) => row.paymentYear))].sort((a, b) => a - b);
  const expected: Record<string, Record<string, string>> = {};
  const received: Record<string, Record<string, string>> = {};
  for (const row of rows) {
    const year = String(row.paymentYear);
    (expected[year] ??= {})[row.sourceName] = String(BigInt(expected[year][row.sourceName] ?? '0') + (row.expectedCents ?? 0n));
    (received[year] ??= {})[row.sourceName] = String(BigInt(received[year][row.sourceName] ?? '0') + row.receivedCents);
  }
  return { paymentYears, settlements: names.map((name) => ({ name, color: colors[name]! })), expected, received };
}

export function buildMoneyInView(rows: readonly ReconciliationRow[], throughYear: number, words?: ViewWords): MoneyInView {
  return {
    chart: moneyInChartData(rows),
    summary: moneyInSummary(rows, throughYear, words),
    overdue: rows.filter((row) => row.status === 'overdue'),
    statusLabel: (row) => (words ? words.t(`MoneyInView.status.${row.status}`) : RECONCILIATION_STATUS_LABELS[row.status]),
  };
}

/** An amount in the reader's locale, or an em dash where there is none (a payment with no expected amount). */
export function moneyOrDash(cents: bigint | null, locale: Locale): string {
  return cents === null ? '—' : formatCents(cents, { locale });
}
