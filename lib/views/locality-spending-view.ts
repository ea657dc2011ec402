import { groupColors } from '@/lib/categories/group-colors';
import { categoryGroup, categoryName } from '@/lib/categories/localized';
import { shareBasisPoints, summarizeByGroup, totalsByGroup } from '@/lib/categories/summarize-spending';
import { UNCATEGORIZED_KEY, UNMAPPED_KEY, type CategorySpending } from '@/lib/data/spending-by-category';
import type { ViewWords } from '@/lib/i18n/messages';

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
  /**
   * Category groups in the framework's order, then any the data adds, then 'Other': the groups' own (database) names,
   * which key the colours and the quarter and flow views' data (their names in the reader's words come from categoryGroup).
   */
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

/**
 * A category's name in the reader's words: the shipped frameworks' names from the reference data, and the two rows
 * the database names itself (money with no category, money the framework does not cover) from the messages.
 */
export function spendingCategoryName(row: Pick<CategorySpending, 'key' | 'label'>, frameworkKey: string, words: ViewWords): string {
  if (row.key === UNCATEGORIZED_KEY) return words.t('LocalityView.uncategorized');
  if (row.key === UNMAPPED_KEY) return words.t('LocalityView.unmapped');
  return categoryName(words.locale, frameworkKey, row);
}

/**
 * The "by category" and "by group" sections of a locality's year: rows, colours, summaries and the discouraged flag,
 * with category and group names in the reader's words (`frameworkKey` names the framework they belong to).
 */
export function localitySpendingView(
  byCategory: readonly CategorySpending[],
  frameworkCategories: readonly { group: string }[],
  fiscalYear: number,
  frameworkKey: string,
  words: ViewWords,
): LocalitySpendingView {
  const groupName = (group: string) => categoryGroup(words.locale, frameworkKey, group);
  const groupOrder = [...new Set([...frameworkCategories.map((c) => c.group), ...byCategory.map((c) => c.group), 'Other'])];
  const allocatedByGroup = totalsByGroup(byCategory, (row) => row.allocatedCents);
  const spentByGroup = totalsByGroup(byCategory, (row) => row.spentCents);
  const named = (list: typeof allocatedByGroup) => list.map((g) => ({ ...g, group: groupName(g.group) }));
  const discouragedRows = byCategory.filter((row) => row.stance === 'discouraged');
  const discouragedCents = sumOf(discouragedRows, (row) => row.allocatedCents);
  const groupCents = (list: typeof allocatedByGroup, group: string) => (list.find((g) => g.group === group)?.cents ?? 0n).toString();
  return {
    groupOrder,
    colors: groupColors(groupOrder),
    categoryRows: byCategory.map((row) => ({
      key: row.key,
      label: spendingCategoryName(row, frameworkKey, words),
      group: groupName(row.group),
      allocated: row.allocatedCents.toString(),
      spent: row.spentCents.toString(),
    })),
    groupRows: groupOrder
      .filter((group) => byCategory.some((c) => c.group === group))
      .map((group) => ({ key: group, label: groupName(group), allocated: groupCents(allocatedByGroup, group), spent: groupCents(spentByGroup, group) })),
    allocatedSummary: summarizeByGroup(named(allocatedByGroup), fiscalYear, 'allocated', words),
    spentSummary: summarizeByGroup(named(spentByGroup), fiscalYear, 'spent', words),
    discouraged:
      discouragedCents > 0n
        ? {
            cents: discouragedCents,
            shareBasisPoints: shareBasisPoints(discouragedCents, sumOf(byCategory, (row) => row.allocatedCents)),
            labels: discouragedRows.filter((row) => row.allocatedCents !== 0n).map((row) => spendingCategoryName(row, frameworkKey, words)),
          }
        : null,
  };
}
