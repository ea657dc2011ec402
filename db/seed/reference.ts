import type { Executor } from '../client';
import { CROSSWALK, FRAMEWORKS } from '../reference/frameworks';
import { FUNDING_SOURCES } from '../reference/funding-sources';
import { categories, categoryCrosswalk, frameworks, fundingSources } from '../schema';
import { fromExcluded, pick } from './upsert';

/** The columns of a category besides its framework and key: what a new start corrects. */
const CATEGORY_FIELDS = ['label', 'groupLabel', 'stance', 'description', 'why', 'sortOrder', 'excludesCriminalLegal', 'unclassified'] as const;

/** The columns of a funding source besides its key, named as in FUNDING_SOURCES. */
const FUNDING_SOURCE_FIELDS = [
  'name',
  'kind',
  'defendant',
  'totalCents',
  'firstPaymentYear',
  'lastPaymentYear',
  'remediationMinBasisPoints',
  'description',
] as const;

/**
 * Reference data (the frameworks Abate ships, their categories, the crosswalk and the national funding sources).
 * It runs on every start: upserts by key, so it is idempotent and carries corrections of wording to old databases.
 */
export async function seedReferenceData(executor: Executor): Promise<void> {
  await executor.transaction(async (tx) => {
    const frameworkIds = new Map<string, number>();
    for (const [index, framework] of FRAMEWORKS.entries()) {
      const [row] = await tx
        .insert(frameworks)
        .values({ key: framework.key, name: framework.name, description: framework.description, sortOrder: index })
        .onConflictDoUpdate({
          target: frameworks.key,
          set: { name: framework.name, description: framework.description, sortOrder: index },
        })
        .returning({ id: frameworks.id });
      if (!row) throw new Error(`framework ${framework.key} was not saved`);
      frameworkIds.set(framework.key, row.id);

      await tx
        .insert(categories)
        .values(
          framework.categories.map((category) => ({
            frameworkId: row.id,
            key: category.key,
            label: category.label,
            groupLabel: category.group,
            stance: category.stance,
            description: category.description,
            why: category.why,
            sortOrder: category.sortOrder,
            excludesCriminalLegal: category.excludesCriminalLegal,
            unclassified: category.unclassified,
          })),
        )
        // Databases seeded before excludesCriminalLegal and unclassified existed get them on the next start.
        .onConflictDoUpdate({ target: [categories.frameworkId, categories.key], set: fromExcluded(categories, CATEGORY_FIELDS) });
    }

    const rows = await tx
      .select({ id: categories.id, key: categories.key, frameworkId: categories.frameworkId })
      .from(categories);
    const categoryId = new Map(rows.map((r) => [`${r.frameworkId}:${r.key}`, r.id]));
    const idOf = (frameworkKey: string, key: string): number => {
      const id = categoryId.get(`${frameworkIds.get(frameworkKey)}:${key}`);
      if (id === undefined) throw new Error(`crosswalk names unknown category ${frameworkKey}/${key}`);
      return id;
    };
    const crosswalkRows = CROSSWALK.map((entry) => ({
      fromCategoryId: idOf(entry.fromFramework, entry.fromKey),
      toFrameworkId: frameworkIds.get(entry.toFramework)!,
      toCategoryId: idOf(entry.toFramework, entry.toKey),
    }));
    if (crosswalkRows.length > 0) {
      await tx
        .insert(categoryCrosswalk)
        .values(crosswalkRows)
        .onConflictDoUpdate({
          target: [categoryCrosswalk.fromCategoryId, categoryCrosswalk.toFrameworkId],
          set: fromExcluded(categoryCrosswalk, ['toCategoryId']),
        });
    }

    await tx
      .insert(fundingSources)
      .values(FUNDING_SOURCES.map((source) => ({ key: source.key, ...pick(source, FUNDING_SOURCE_FIELDS) })))
      .onConflictDoUpdate({ target: fundingSources.key, set: fromExcluded(fundingSources, FUNDING_SOURCE_FIELDS) });
  });
}
