import type { Executor } from '@/db/client';
import { cachedPublic } from '@/lib/cache/public-cache';
import { getLocalityTotals } from './locality-totals';
import { findLocalityBySlug, listFiscalYears, listLocalitiesWithTotals } from './localities';
import { getSpendingByCategory } from './spending-by-category';

/**
 * The public pages' reads, cached in memory and dropped when the data behind them changes (lib/cache). Staff pages
 * read through the uncached functions: an editor must see their own write at once.
 */
export const publicReads = {
  locality: (db: Executor, slug: string) =>
    cachedPublic(`locality:${slug}`, null, () => findLocalityBySlug(db, slug)),
  fiscalYears: (db: Executor, localityId?: number) =>
    cachedPublic(`fiscal-years:${localityId ?? 'all'}`, localityId ?? null, () => listFiscalYears(db, localityId)),
  localitiesWithTotals: (db: Executor, fiscalYear: number) =>
    cachedPublic(`localities:${fiscalYear}`, null, () => listLocalitiesWithTotals(db, fiscalYear)),
  localityTotals: (db: Executor, localityId: number, fiscalYear: number) =>
    cachedPublic(`totals:${localityId}:${fiscalYear}`, localityId, () => getLocalityTotals(db, localityId, fiscalYear)),
  spendingByCategory: (db: Executor, localityId: number, fiscalYear: number, frameworkKey: string) =>
    cachedPublic(`by-category:${localityId}:${fiscalYear}:${frameworkKey}`, localityId, () =>
      getSpendingByCategory(db, localityId, fiscalYear, frameworkKey),
    ),
};
