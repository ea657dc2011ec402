import { quarterLabel, summarizeQuarters } from '@/lib/categories/summaries';
import type { QuarterGroupSpending } from '@/lib/data/public-flows';

const QUARTERS = [1, 2, 3, 4] as const;
const NO_COLOR = '#6b7280';

export interface LocalityQuarterView {
  /** Q1…Q4 with a long label ("Q1: Jul–Sep 2025"). */
  quarters: { key: string; label: string }[];
  /** Stacking order, bottom first, with colours. */
  groups: { name: string; color: string }[];
  /** Cents (string) by quarter key, then group. */
  cents: Record<string, Record<string, string>>;
  summary: string;
}

/** "Spending over the year": money paid per quarter of the locality's fiscal year, stacked by category group. */
export function localityQuarterView(
  cells: readonly QuarterGroupSpending[],
  groupOrder: readonly string[],
  colors: Readonly<Record<string, string>>,
  fiscalYear: number,
  fyStartMonth: number,
): LocalityQuarterView {
  const cents: Record<string, Record<string, string>> = {};
  for (const cell of cells) (cents[`Q${cell.quarter}`] ??= {})[cell.group] = cell.spentCents.toString();
  const totals = QUARTERS.map((quarter) => ({
    key: `Q${quarter}`,
    label: quarterLabel(fiscalYear, fyStartMonth, quarter),
    cents: cells.filter((c) => c.quarter === quarter).reduce((sum, c) => sum + c.spentCents, 0n),
  }));
  const groupNames = groupOrder.filter((g) => cells.some((c) => c.group === g));
  return {
    quarters: totals.map(({ key, label }) => ({ key, label })),
    groups: groupNames.map((name) => ({ name, color: colors[name] ?? NO_COLOR })),
    cents,
    summary: summarizeQuarters(totals, fiscalYear),
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
