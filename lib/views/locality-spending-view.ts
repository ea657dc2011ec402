import { groupColors } from '@/lib/categories/group-colors';
import { shareBasisPoints, summarizeByGroup, totalsByGroup } from '@/lib/categories/summarize-spending';
import type { CategorySpending } from '@/lib/data/spending-by-category';

/** One row of the category or group chart and its data table; money as integer-cent strings for the client. */
// A type, not an interface: the data table takes rows as string records, which only a type alias satisfies.
export type SpendingRow = {
  key: string;
  label: string;
  /** The category's group; not set on a group's own row. */
  group?: string;
  allocated: string;
  spent: string;
};

export interface LocalitySpendingView {
  /** Category groups in the framework's order, then any the data adds, then 'Other'. */
  groupOrder: string[];
  colors: Record<string, string>;
  categoryRows: SpendingRow[];
  groupRows: SpendingRow[];
  allocatedSummary: string;
  spentSummary: string;
  /** Money allocated to uses the evidence discourages; null when none. */
  discouraged: { cents: bigint; shareBasisPoints: bigint; labels: string[] } | null;
}

const sumOf = (rows: readonly CategorySpending[], pick: (row: CategorySpending) => bigint) =>
  rows.reduce((total, row) => total + pick(row), 0n);

/** The "by category" and "by group" sections of a locality's year: rows, colours, summaries and the discouraged flag. */
export function localitySpendingView(
  byCategory: readonly CategorySpending[],
  frameworkCategories: readonly { group: string }[],
  fiscalYear: number,
): LocalitySpendingView {
  const groupOrder = [...new Set([...frameworkCategories.map((c) => c.group), ...byCategory.map((c) => c.group), 'Other'])];
  const allocatedByGroup = totalsByGroup(byCategory, (row) => row.allocatedCents);
  const spentByGroup = totalsByGroup(byCategory, (row) => row.spentCents);
  const discouragedRows = byCategory.filter((row) => row.stance === 'discouraged');
  const discouragedCents = sumOf(discouragedRows, (row) => row.allocatedCents);
  const groupCents = (list: typeof allocatedByGroup, group: string) => (list.find((g) => g.group === group)?.cents ?? 0n).toString();
  return {
    groupOrder,
    colors: groupColors(groupOrder),
    categoryRows: byCategory.map((row) => ({
      key: row.key,
      label: row.label,
      group: row.group,
      allocated: row.allocatedCents.toString(),
      spent: row.spentCents.toString(),
    })),
    groupRows: groupOrder
      .filter((group) => byCategory.some((c) => c.group === group))
      .map((group) => ({ key: group, label: group, allocated: groupCents(allocatedByGroup, group), spent: groupCents(spentByGroup, group) })),
    allocatedSummary: summarizeByGroup(allocatedByGroup, fiscalYear, 'allocated'),
    spentSummary: summarizeByGroup(spentByGroup, fiscalYear, 'spent'),
    discouraged:
      discouragedCents > 0n
        ? {
            cents: discouragedCents,
            shareBasisPoints: shareBasisPoints(discouragedCents, sumOf(byCategory, (row) => row.allocatedCents)),
            labels: discouragedRows.filter((row) => row.allocatedCents !== 0n).map((row) => row.label),
          }
        : null,
  };
}
