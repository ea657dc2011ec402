/**
 * Shapes of the category frameworks Abate ships. Pure data: the seed loaders turn these into rows of
 * `frameworks`, `categories` and `category_crosswalk`.
 */
import type { categoryStance } from '../schema/enums';

/** How the seed documents judge a use of the money: it saves lives, it is overhead, or it repeats the harms of criminalization. */
export type Stance = (typeof categoryStance.enumValues)[number];

export interface CategoryDef {
  /** Stable, kebab-case, unique within its framework. */
  key: string;
  /** The name shown on screen; for official lists, the official name. */
  label: string;
  /** The heading the category sits under (charts roll up by group). */
  group: string;
  stance: Stance;
  /** What the money buys, in words a resident understands. */
  description: string;
  /** Why the category has its stance, from the seed documents; null when there is nothing to add. */
  why: string | null;
  /** Position within the framework, 1-based. */
  sortOrder: number;
  /**
   * The label promises the money is not police or court money ("non-police", "community", "voluntary"): the crosswalk
   * never reports a criminal-legal-system recipient's money under it. Seeded as `categories.excludes_criminal_legal`.
   */
  excludesCriminalLegal: boolean;
  /**
   * The framework's "Other / not yet classified": where a line goes when its source gave no category or said "Other".
   * Abate never guesses a health category for it. Seeded as `categories.unclassified`.
   */
  unclassified: boolean;
}

export interface FrameworkDef {
  key: string;
  name: string;
  description: string;
  categories: CategoryDef[];
}

/**
 * One row of the crosswalk: `fromKey` in `fromFramework` is reported as `toKey` in `toFramework`. Each category maps
 * to at most one category of each other framework, so re-reported totals add up exactly. A missing row means
 * "not covered by that framework".
 */
export interface CrosswalkDef {
  fromFramework: string;
  fromKey: string;
  toFramework: string;
  toKey: string;
}

/** Shown where spending has no counterpart in the framework being reported. */
export const UNMAPPED_LABEL = 'Not covered by this framework';

/**
 * Category input without sortOrder (the order of the array is the order on screen); the two flags default to false
 * so only the categories that carry them say so.
 */
export type CategoryInput = Omit<CategoryDef, 'sortOrder' | 'excludesCriminalLegal' | 'unclassified'> &
  Partial<Pick<CategoryDef, 'excludesCriminalLegal' | 'unclassified'>>;

export function withSortOrder(categories: readonly CategoryInput[]): CategoryDef[] {
  return categories.map((category, index) => ({
    ...category,
    excludesCriminalLegal: category.excludesCriminalLegal ?? false,
    unclassified: category.unclassified ?? false,
    sortOrder: index + 1,
  }));
}

/** The key of every framework's "Other / not yet classified" category. */
export const UNCLASSIFIED_KEY = 'unclassified';
export const UNCLASSIFIED_LABEL = 'Other / not yet classified';

/**
 * "Other / not yet classified" for one framework. One wording everywhere: the source gave no category or said "Other",
 * and Abate does not guess one.
 */
export function unclassifiedCategoryDef(group: string, listName: string): CategoryInput {
  return {
    key: UNCLASSIFIED_KEY,
    label: UNCLASSIFIED_LABEL,
    group,
    stance: 'neutral',
    description:
      `Money whose source report gave no category, or called it "Other". Abate never guesses a health category for it: ` +
      `it stays here until someone who knows what it bought files it under a category of ${listName}.`,
    why: 'Unclassified money cannot be checked against the evidence, so it is shown as not yet classified rather than counted as health spending.',
    unclassified: true,
  };
}
