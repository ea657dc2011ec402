import { categoryGroup } from '@/lib/categories/localized';
import { summarizeQuarters } from '@/lib/categories/summaries';
import type { QuarterGroupSpending } from '@/lib/data/public-flows';
import type { ViewWords } from '@/lib/i18n/messages';
import { outcomeQuarterLabel } from './outcomes-view';

const QUARTERS = [1, 2, 3, 4] as const;
const NO_COLOR = '#6b7280';

export interface LocalityQuarterView {
  /** Q1…Q4 with a long label ("Q1 (Jul–Sep 2025)", "T1 (jul–sep 2025)"). */
  quarters: { key: string; label: string }[];
  /** Stacking order, bottom first, with colours; names in the reader's words. */
  groups: { name: string; color: string }[];
  /** Cents (string) by quarter key, then group (its name as in `groups`). */
  cents: Record<string, Record<string, string>>;
  summary: string;
}

/**
 * "Spending over the year": money paid per quarter of the locality's fiscal year, stacked by category group, in the
 * reader's words (group names of the framework `frameworkKey`, quarter labels, the summary).
 */
export function localityQuarterView(
  cells: readonly QuarterGroupSpending[],
  groupOrder: readonly string[],
  colors: Readonly<Record<string, string>>,
  fiscalYear: number,
  fyStartMonth: number,
  frameworkKey: string,
  words: ViewWords,
): LocalityQuarterView {
  const groupName = (group: string) => categoryGroup(words.locale, frameworkKey, group);
  const cents: Record<string, Record<string, string>> = {};
  for (const cell of cells) (cents[`Q${cell.quarter}`] ??= {})[groupName(cell.group)] = cell.spentCents.toString();
  const totals = QUARTERS.map((quarter) => ({
    key: `Q${quarter}`,
    label: outcomeQuarterLabel(fiscalYear, fyStartMonth, quarter, words),
    cents: cells.filter((c) => c.quarter === quarter).reduce((sum, c) => sum + c.spentCents, 0n),
  }));
  const groupNames = groupOrder.filter((g) => cells.some((c) => c.group === g));
  return {
    quarters: totals.map(({ key, label }) => ({ key, label })),
    groups: groupNames.map((name) => ({ name: groupName(name), color: colors[name] ?? NO_COLOR })),
    cents,
    summary: summarizeQuarters(totals, fiscalYear, words),
  };
}

/** The chart's data table: one row per group, a column per quarter and the year (cents as strings). */
export function quarterTableRows(view: Pick<LocalityQuarterView, 'quarters' | 'groups' | 'cents'>): Record<string, string>[] {
  return view.groups.map(({ name }) => {
    const row: Record<string, string> = { group: name };
    let year = 0n;
    for (const quarter of view.quarters) {
      const amount = BigInt(view.cents[quarter.key]?.[name] ?? '0');
      row[quarter.key] = amount.toString();
      year += amount;
    }
    row.total = year.toString();
    return row;
  });
}
