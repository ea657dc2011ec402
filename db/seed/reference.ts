import { sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { CROSSWALK, FRAMEWORKS } from '../reference/frameworks';
import { FUNDING_SOURCES } from '../reference/funding-sources';
import { categories, categoryCrosswalk, frameworks, fundingSources } from '../schema';

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
        .onConflictDoUpdate({
          target: [categories.frameworkId, categories.key],
          set: {
            label: sql`excluded.label`,
            groupLabel: sql`excluded.group_label`,
            stance: sql`excluded.stance`,
            description: sql`excluded.description`,
            why: sql`excluded.why`,
            sortOrder: sql`excluded.sort_order`,
            // Databases seeded before these columns existed get them on the next start.
            excludesCriminalLegal: sql`excluded.excludes_criminal_legal`,
            unclassified: sql`excluded.unclassified`,
          },
        });
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
          set: { toCategoryId: sql`excluded.to_category_id` },
        });
    }

    await tx
      .insert(fundingSources)
      .values(
        FUNDING_SOURCES.map((source) => ({
          key: source.key,
          name: source.name,
          kind: source.kind,
          defendant: source.defendant,
          totalCents: source.totalCents,
          firstPaymentYear: source.firstPaymentYear,
          lastPaymentYear: source.lastPaymentYear,
          remediationMinBasisPoints: source.remediationMinBasisPoints,
          description: source.description,
        })),
      )
      .onConflictDoUpdate({
        target: fundingSources.key,
        set: {
          name: sql`excluded.name`,
          kind: sql`excluded.kind`,
          defendant: sql`excluded.defendant`,
          totalCents: sql`excluded.total_cents`,
          firstPaymentYear: sql`excluded.first_payment_year`,
          lastPaymentYear: sql`excluded.last_payment_year`,
          remediationMinBasisPoints: sql`excluded.remediation_min_bp`,
          description: sql`excluded.description`,
        },
      });
  });
}
