/**
 * Figure 3: the page's aggregates run directly on the database, with no server in between — the floor that the page
 * cannot beat. Uses the app's own query functions (lib/data), not copies of their SQL.
 */
import type { Database } from '@/db/client';
import { getLocalityTotals } from '@/lib/data/locality-totals';
import { findLocalityBySlug, listFiscalYears } from '@/lib/data/localities';
import { listCategories, listFrameworks } from '@/lib/data/public-categories';
import { getAllocatedBySourceAndGroup, getSpendingByQuarterAndGroup } from '@/lib/data/public-flows';
import { listPublicLines } from '@/lib/data/public-lines';
import { getSpendingByCategory } from '@/lib/data/spending-by-category';

export interface Target {
  slug: string;
  fiscalYear: number;
}

export interface FloorSamples {
  /** getLocalityTotals + getSpendingByCategory, side by side as the summary answer runs them. */
  aggregates: number[];
  /** Every read the locality page makes, in the page's order and grouping. */
  pageReads: number[];
}

function since(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function measureSqlFloor(
  db: Database,
  targets: readonly Target[],
  frameworkKey: string,
  rounds: number,
): Promise<FloorSamples> {
  const samples: FloorSamples = { aggregates: [], pageReads: [] };
  const ids = new Map<string, { id: number; fyStartMonth: number }>();
  for (const target of targets) {
    const locality = await findLocalityBySlug(db, target.slug);
    if (!locality) throw new Error(`no locality ${target.slug}`);
    ids.set(target.slug, locality);
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const target of targets) {
      const { id } = ids.get(target.slug)!;
      const started = process.hrtime.bigint();
      await Promise.all([
        getLocalityTotals(db, id, target.fiscalYear),
        getSpendingByCategory(db, id, target.fiscalYear, frameworkKey),
      ]);
      samples.aggregates.push(since(started));
    }
    for (const target of targets) {
      const started = process.hrtime.bigint();
      const locality = await findLocalityBySlug(db, target.slug);
      if (!locality) throw new Error(`no locality ${target.slug}`);
      await Promise.all([listFiscalYears(db, locality.id), listFrameworks(db)]);
      await Promise.all([
        getLocalityTotals(db, locality.id, target.fiscalYear),
        getSpendingByCategory(db, locality.id, target.fiscalYear, frameworkKey),
        listPublicLines(db, locality.id, target.fiscalYear, frameworkKey),
        getAllocatedBySourceAndGroup(db, locality.id, target.fiscalYear, frameworkKey),
        getSpendingByQuarterAndGroup(db, locality.id, target.fiscalYear, frameworkKey, locality.fyStartMonth),
        listCategories(db, frameworkKey),
      ]);
      samples.pageReads.push(since(started));
    }
  }
  return samples;
}
