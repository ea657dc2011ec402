import type { Executor } from '@/db/client';
import { cachedPublic } from '@/lib/cache/public-cache';
import { todayIso } from '@/lib/fiscal-year';
import { listHomeLocalities, type HomeQuery } from './home-localities';
import { getLocalityTotals } from './locality-totals';
import { findLocalityBySlug, listFiscalYears, listLocalitiesWithTotals } from './localities';
import { getCategory, listCategories, listFrameworks } from './public-categories';
import { listCompareLocalities, listLocalityContext } from './public-compare';
import { getAllocatedBySourceAndGroup, getSpendingByQuarterAndGroup } from './public-flows';
import { listPublicDecisions, type PublicDecisionsQuery } from './public-decisions';
import { getPublicFeed } from './public-feed';
import { getPublicLine, getPublicLineHistory } from './public-line';
import { listPublicLines } from './public-lines';
import { listPublicOutcomes } from './public-outcomes';
import { countOverduePayments } from './reconciliation';
import { getSpendingByCategory } from './spending-by-category';

/**
 * The public pages' reads, cached in memory and dropped when the data behind them changes (lib/cache). Staff pages
 * read through the uncached functions: an editor must see their own write at once.
 *
 * Every read here shows approved, non-deleted lines only; lib/data/public-reads.test.ts proves that a draft reaches
 * none of them.
 */
export const publicReads = {
  locality: (db: Executor, slug: string) =>
    cachedPublic(`locality:${slug}`, null, () => findLocalityBySlug(db, slug)),
  fiscalYears: (db: Executor, localityId?: number) =>
    cachedPublic(`fiscal-years:${localityId ?? 'all'}`, localityId ?? null, () => listFiscalYears(db, localityId)),
  localitiesWithTotals: (db: Executor, fiscalYear: number) =>
    cachedPublic(`localities:${fiscalYear}`, null, () => listLocalitiesWithTotals(db, fiscalYear)),
  homeLocalities: (db: Executor, query: HomeQuery) =>
    cachedPublic(`home:${JSON.stringify(query)}`, null, () => listHomeLocalities(db, query)),
  localityTotals: (db: Executor, localityId: number, fiscalYear: number) =>
    cachedPublic(`totals:${localityId}:${fiscalYear}`, localityId, () => getLocalityTotals(db, localityId, fiscalYear)),
  spendingByCategory: (db: Executor, localityId: number, fiscalYear: number, frameworkKey: string) =>
    cachedPublic(`by-category:${localityId}:${fiscalYear}:${frameworkKey}`, localityId, () =>
      getSpendingByCategory(db, localityId, fiscalYear, frameworkKey),
    ),
  lines: (db: Executor, localityId: number, fiscalYear: number, frameworkKey: string) =>
    cachedPublic(`lines:${localityId}:${fiscalYear}:${frameworkKey}`, localityId, () =>
      listPublicLines(db, localityId, fiscalYear, frameworkKey),
    ),
  line: (db: Executor, localityId: number, id: number) =>
    cachedPublic(`line:${localityId}:${id}`, localityId, () => getPublicLine(db, localityId, id)),
  lineHistory: (db: Executor, localityId: number, id: number) =>
    cachedPublic(`line-history:${localityId}:${id}`, localityId, () => getPublicLineHistory(db, localityId, id)),
  /** The board's decisions, one page: every approval and return is an audit row, whose change signal drops this. */
  decisions: (db: Executor, query: PublicDecisionsQuery) =>
    cachedPublic(`decisions:${JSON.stringify(query)}`, query.localityId, () => listPublicDecisions(db, query)),
  /** The newest public events for the Atom feed: decisions are audit rows and money is posted with one, so a change signal drops this. */
  feed: (db: Executor, localityId: number) => cachedPublic(`feed:${localityId}`, localityId, () => getPublicFeed(db, { localityId })),
  sourceToGroup: (db: Executor, localityId: number, fiscalYear: number, frameworkKey: string) =>
    cachedPublic(`source-group:${localityId}:${fiscalYear}:${frameworkKey}`, localityId, () =>
      getAllocatedBySourceAndGroup(db, localityId, fiscalYear, frameworkKey),
    ),
  quarterGroup: (db: Executor, localityId: number, fiscalYear: number, frameworkKey: string, fyStartMonth: number) =>
    cachedPublic(`quarter-group:${localityId}:${fiscalYear}:${frameworkKey}:${fyStartMonth}`, localityId, () =>
      getSpendingByQuarterAndGroup(db, localityId, fiscalYear, frameworkKey, fyStartMonth),
    ),
  outcomes: (db: Executor, localityId: number, fiscalYear: number, fyStartMonth: number) =>
    cachedPublic(`outcomes:${localityId}:${fiscalYear}:${fyStartMonth}`, localityId, () =>
      listPublicOutcomes(db, { localityId, fiscalYear, fyStartMonth }),
    ),
  frameworks: (db: Executor) => cachedPublic('frameworks', null, () => listFrameworks(db)),
  categories: (db: Executor, frameworkKey: string) =>
    cachedPublic(`categories:${frameworkKey}`, null, () => listCategories(db, frameworkKey)),
  category: (db: Executor, frameworkKey: string, key: string) =>
    cachedPublic(`category:${frameworkKey}:${key}`, null, () => getCategory(db, frameworkKey, key)),
  /** Overdue settlement payments as of today: today is in the key, since a payment becomes overdue by the calendar. */
  overduePayments: (db: Executor, localityId: number, asOf: string = todayIso()) =>
    cachedPublic(`overdue:${localityId}:${asOf}`, localityId, () => countOverduePayments(db, { localityId, asOf })),
  localityContext: (db: Executor, fiscalYear: number) =>
    cachedPublic(`context:${fiscalYear}`, null, () => listLocalityContext(db, fiscalYear)),
  /** The compare page's and the map's localities, with their ratios already suppressed (lib/compare). */
  compare: (db: Executor, fiscalYear: number, frameworkKey: string) =>
    cachedPublic(`compare:${fiscalYear}:${frameworkKey}`, null, () => listCompareLocalities(db, { fiscalYear, frameworkKey })),
};
