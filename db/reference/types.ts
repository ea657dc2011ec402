/**
 * Shapes of the category frameworks Abate ships. Pure data: the seed loaders turn these into rows of
 * `frameworks`, `categories` and `category_crosswalk`.
 */

/** How the seed documents judge a use of the money: it saves lives, it is overhead, or it repeats the harms of criminalization. */
export type Stance = 'recommended' | 'neutral' | 'discouraged';

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

/** Category input without sortOrder: the order of the array is the order on screen. */
export type CategoryInput = Omit<CategoryDef, 'sortOrder'>;

export function withSortOrder(categories: readonly CategoryInput[]): CategoryDef[] {
  return categories.map((category, index) => ({ ...category, sortOrder: index + 1 }));
}
