import type { Executor } from '@/db/client';
import { cachedPublic } from '@/lib/cache/public-cache';
import { lineFlagCodes } from '@/lib/equity/line-flags';
import { readLineFlagFacts } from '@/lib/equity/line-flags-sql';
import { type ApiAllocationRow, type ApiLineFilters, listApiAllocations } from '@/lib/data/api-allocations';
import {
  type ApiCategoryFilter,
  type ApiFrameworkRow,
  findApiCategoryId,
  listApiCategories,
  listApiFrameworks,
} from '@/lib/data/api-categories';
import { listApiExpenditures } from '@/lib/data/api-expenditures';
import { type ApiLocalityRow, findApiLocality, listApiLocalities } from '@/lib/data/api-localities';
import { listApiReceipts } from '@/lib/data/api-receipts';
import { listFiscalYears } from '@/lib/data/localities';
import { getLocalityTotals } from '@/lib/data/locality-totals';
import { getSpendingByCategory, UNCATEGORIZED_KEY, UNMAPPED_KEY } from '@/lib/data/spending-by-category';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { type CursorList, encodeCursor } from './cursor';
import { invalid, notFound } from './errors';
import { toApiMoney } from './money';
import {
  categoryParam,
  cursorParam,
  DEFAULT_FRAMEWORK,
  DEFAULT_LIMIT,
  frameworkParam,
  fyParam,
  limitParam,
  parseQuery,
  recipientTypeParam,
  type RecipientType,
} from './params';
import type {
  ApiAllocation,
  ApiCategory,
  ApiExpenditure,
  ApiLocality,
  ApiLocalityDetail,
  ApiPage,
  ApiReceipt,
  ApiRecipient,
  ApiSummary,
} from './schemas';

/**
 * The public API's answers, built from the database through the public cache (lib/cache): every piece of data is
 * cached under a key of its own starting with `api:` and dropped when a write to its locality commits, so a burst of
 * readers costs one query. Route handlers (app/api/v1) and downloads (app/data) are thin wrappers around these;
 * tests call them directly.
 */

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// ---------------------------------------------------------------------------------------------------- lookups

export async function resolveLocality(db: Executor, slug: string): Promise<ApiLocalityRow> {
  const found =
    SLUG.test(slug) && slug.length <= 100
      ? await cachedPublic(`api:locality:${slug}`, null, () => findApiLocality(db, slug))
      : null;
  if (!found) throw notFound('slug', 'No locality has that slug; GET /api/v1/localities lists them.');
  return found;
}

export async function resolveFramework(db: Executor, key: string | undefined): Promise<ApiFrameworkRow> {
  const frameworks = await cachedPublic('api:frameworks', null, () => listApiFrameworks(db));
  const wanted = key ?? DEFAULT_FRAMEWORK;
  const found = frameworks.find((f) => f.key === wanted);
  if (!found) throw invalid('framework', `Unknown framework; use one of: ${frameworks.map((f) => f.key).join(', ')}.`);
  return found;
}

async function resolveCategoryFilter(
  db: Executor,
  framework: ApiFrameworkRow,
  key: string | undefined,
): Promise<ApiCategoryFilter | undefined> {
  if (key === undefined) return undefined;
  if (key === UNMAPPED_KEY) return { frameworkId: framework.id, kind: 'unmapped' };
  if (key === UNCATEGORIZED_KEY) return { frameworkId: framework.id, kind: 'uncategorized' };
  const categoryId = await cachedPublic(`api:category-id:${framework.id}:${key}`, null, () =>
    findApiCategoryId(db, framework.id, key),
  );
  if (categoryId === null) {
    throw invalid('category', `The ${framework.key} framework has no such category; GET /api/v1/categories?framework=${framework.key} lists them.`);
  }
  return { frameworkId: framework.id, kind: 'category', categoryId };
}

function fiscalYears(db: Executor, localityId: number): Promise<number[]> {
  return cachedPublic(`api:fiscal-years:${localityId}`, localityId, () => listFiscalYears(db, localityId));
}

// ---------------------------------------------------------------------------------------------------- paging

/** Rows were fetched with `limit + 1`: the extra one only tells that another page exists. */
function toPage<R extends { id: number }, T>(list: CursorList, rows: R[], limit: number, map: (row: R) => T): ApiPage<T> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(map),
    next_cursor: rows.length > limit && last ? encodeCursor(list, last.id) : null,
  };
}

// ---------------------------------------------------------------------------------------------------- shapes

function localityLinks(slug: string): ApiLocality['links'] {
  const base = `/api/v1/localities/${slug}`;
  return {
    self: base,
    allocations: `${base}/allocations`,
    expenditures: `${base}/expenditures`,
    receipts: `${base}/receipts`,
    summary: `${base}/summary`,
    datapackage: `/data/${slug}/datapackage.json`,
  };
}

export function toLocality(row: ApiLocalityRow): ApiLocality {
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    state_code: row.stateCode,
    population: row.population,
    fy_start_month: row.fyStartMonth,
    parent: row.parent,
    children: row.children,
    is_demo: row.isDemo,
    links: localityLinks(row.slug),
  };
}

function toRecipient(
  name: string | null,
  type: RecipientType | null,
  livedExperienceLed: boolean | null,
): ApiRecipient | null {
  return name === null || type === null ? null : { name, type, lived_experience_led: livedExperienceLed === true };
}

/** A line's parts in the requested framework: recorded splits mapped through the crosswalk, merged by category. */
function categoryParts(row: ApiAllocationRow): ApiAllocation['categories']['parts'] {
  if (row.splits.length === 0) {
    return [
      {
        key: UNCATEGORIZED_KEY,
        label: 'Not yet categorized',
        group: 'Other',
        stance: null,
        share_bp: 10000,
        amount: toApiMoney(row.amount),
      },
    ];
  }
  const parts = new Map<string, { part: Omit<ApiAllocation['categories']['parts'][number], 'amount'>; cents: bigint; sort: number }>();
  for (const split of row.splits) {
    const target = split.target;
    const key = target?.key ?? UNMAPPED_KEY;
    const existing = parts.get(key);
    if (existing) {
      existing.part.share_bp += split.shareBp;
      existing.cents += BigInt(split.amount);
      continue;
    }
    parts.set(key, {
      part: target
        ? { key, label: target.label, group: target.group, stance: target.stance, share_bp: split.shareBp }
        : { key, label: 'Not covered by this framework', group: 'Other', stance: null, share_bp: split.shareBp },
      cents: BigInt(split.amount),
      sort: target?.sort ?? Number.MAX_SAFE_INTEGER,
    });
  }
  return [...parts.values()]
    .sort((a, b) => a.sort - b.sort || a.part.key.localeCompare(b.part.key))
    .map(({ part, cents }) => ({ ...part, amount: toApiMoney(cents) }));
}

function toAllocation(row: ApiAllocationRow, framework: ApiFrameworkRow): ApiAllocation {
  const facts = readLineFlagFacts(row.flagFacts, row.description);
  return {
    id: row.id,
    locality: row.locality,
    fiscal_year: row.fiscalYear,
    last_fiscal_year: row.lastFiscalYear,
    program: row.program,
    description: row.description,
    recipient: toRecipient(row.recipientName, row.recipientType, row.recipientLivedExperienceLed),
    source:
      row.sourceKey === null || row.sourceName === null || row.sourceKind === null
        ? null
        : { key: row.sourceKey, name: row.sourceName, kind: row.sourceKind },
    amount: toApiMoney(row.amount),
    spent_to_date: toApiMoney(row.spentToDate),
    approved_at: row.approvedAt,
    splits: row.splits.map((split) => ({
      framework: split.framework,
      key: split.key,
      label: split.label,
      group: split.group,
      stance: split.stance,
      share_bp: split.shareBp,
      amount: toApiMoney(split.amount),
    })),
    categories: { framework: framework.key, parts: categoryParts(row) },
    flags: lineFlagCodes(facts),
    criminal_legal_recipients: facts.criminalLegalRecipients.slice(),
  };
}

// ---------------------------------------------------------------------------------------------------- pages

export interface LineQuery {
  fiscalYear?: number;
  recipientType?: RecipientType;
  /** Category key in `framework` (or unmapped / uncategorized). */
  category?: string;
  framework: ApiFrameworkRow;
}

async function lineFilters(db: Executor, locality: ApiLocalityRow | null, query: LineQuery): Promise<ApiLineFilters> {
  return {
    localityId: locality?.id ?? null,
    fiscalYear: query.fiscalYear,
    recipientType: query.recipientType,
    category: await resolveCategoryFilter(db, query.framework, query.category),
  };
}

function lineKey(locality: ApiLocalityRow | null, query: LineQuery, afterId: number, limit: number): string {
  return [
    locality?.id ?? 'all',
    query.fiscalYear ?? '',
    query.framework.key,
    query.category ?? '',
    query.recipientType ?? '',
    afterId,
    limit,
  ].join(':');
}

/**
 * What reads one page of approved lines or of their payments, of a locality (or of all, `null`); shared by the API
 * and the CSV downloads.
 */
export type LinePageReader<T> = (
  db: Executor,
  locality: ApiLocalityRow | null,
  query: LineQuery,
  afterId: number,
  limit: number,
) => Promise<ApiPage<T>>;

/**
 * The allocations and the expenditures lists page the same way: the line filters resolved, and the page cached
 * under every filter (lineKey). `read` loads up to `rows` rows after `afterId`; `toApi` says what the API shows.
 */
function linePageReader<R extends { id: number }, T>(
  list: 'allocations' | 'expenditures',
  read: (db: Executor, filters: ApiLineFilters, query: LineQuery, afterId: number, rows: number) => Promise<R[]>,
  toApi: (row: R, query: LineQuery) => T,
): LinePageReader<T> {
  return async (db, locality, query, afterId, limit) => {
    const filters = await lineFilters(db, locality, query);
    return cachedPublic(`api:${list}:${lineKey(locality, query, afterId, limit)}`, locality?.id ?? null, async () =>
      toPage(list, await read(db, filters, query, afterId, limit + 1), limit, (row) => toApi(row, query)),
    );
  };
}

export const allocationsPage: LinePageReader<ApiAllocation> = linePageReader(
  'allocations',
  (db, filters, query, afterId, rows) => listApiAllocations(db, filters, query.framework.id, afterId, rows),
  (row, query) => toAllocation(row, query.framework),
);

export const expendituresPage: LinePageReader<ApiExpenditure> = linePageReader(
  'expenditures',
  (db, filters, _query, afterId, rows) => listApiExpenditures(db, filters, afterId, rows),
  (row) => ({
    id: row.id,
    allocation_id: row.allocationId,
    locality: row.locality,
    fiscal_year: row.fiscalYear,
    paid_on: row.paidOn,
    amount: toApiMoney(row.amount),
    description: row.description,
    overspend_reason: row.overspendReason,
    program: row.program,
    recipient: toRecipient(row.recipientName, row.recipientType, row.recipientLivedExperienceLed),
  }),
);

export async function receiptsPage(
  db: Executor,
  locality: ApiLocalityRow | null,
  fiscalYear: number | undefined,
  afterId: number,
  limit: number,
): Promise<ApiPage<ApiReceipt>> {
  const localityId = locality?.id ?? null;
  return cachedPublic(`api:receipts:${localityId ?? 'all'}:${fiscalYear ?? ''}:${afterId}:${limit}`, localityId, async () =>
    toPage('receipts', await listApiReceipts(db, { localityId, fiscalYear }, afterId, limit + 1), limit, (row) => ({
      id: row.id,
      locality: row.locality,
      fiscal_year: row.fiscalYear,
      received_on: row.receivedOn,
      amount: toApiMoney(row.amount),
      note: row.note,
      source: { key: row.sourceKey, name: row.sourceName, kind: row.sourceKind },
    })),
  );
}

export function localitiesPage(db: Executor, afterId: number, limit: number): Promise<ApiPage<ApiLocality>> {
  return cachedPublic(`api:localities:${afterId}:${limit}`, null, async () =>
    toPage('localities', await listApiLocalities(db, afterId, limit + 1), limit, toLocality),
  );
}

// ---------------------------------------------------------------------------------------------------- answers

const lineParams = (list: CursorList) => ({
  cursor: cursorParam(list),
  limit: limitParam,
  fy: fyParam,
  framework: frameworkParam,
  category: categoryParam,
  recipient_type: recipientTypeParam,
});

/** Validates the query first (no database work for a bad one), then resolves the framework. */
function parseLineQuery(list: CursorList, params: URLSearchParams) {
  const q = parseQuery(params, lineParams(list));
  return async (db: Executor) => {
    const query: LineQuery = {
      fiscalYear: q.fy,
      recipientType: q.recipient_type,
      category: q.category,
      framework: await resolveFramework(db, q.framework),
    };
    return { query, afterId: q.cursor ?? 0, limit: q.limit ?? DEFAULT_LIMIT };
  };
}

/** GET /api/v1/localities */
export async function localitiesAnswer(db: Executor, params: URLSearchParams): Promise<ApiPage<ApiLocality>> {
  const q = parseQuery(params, { cursor: cursorParam('localities'), limit: limitParam });
  return localitiesPage(db, q.cursor ?? 0, q.limit ?? DEFAULT_LIMIT);
}

/** GET /api/v1/localities/{slug} */
export async function localityAnswer(db: Executor, slug: string, params: URLSearchParams): Promise<ApiLocalityDetail> {
  parseQuery(params, {});
  const locality = await resolveLocality(db, slug);
  return { ...toLocality(locality), fiscal_years: await fiscalYears(db, locality.id) };
}

/** GET /api/v1/localities/{slug}/allocations */
export async function allocationsAnswer(db: Executor, slug: string, params: URLSearchParams): Promise<ApiPage<ApiAllocation>> {
  const resolve = parseLineQuery('allocations', params);
  const locality = await resolveLocality(db, slug);
  const { query, afterId, limit } = await resolve(db);
  return allocationsPage(db, locality, query, afterId, limit);
}

/** GET /api/v1/localities/{slug}/expenditures */
export async function expendituresAnswer(
  db: Executor,
  slug: string,
  params: URLSearchParams,
): Promise<ApiPage<ApiExpenditure>> {
  const resolve = parseLineQuery('expenditures', params);
  const locality = await resolveLocality(db, slug);
  const { query, afterId, limit } = await resolve(db);
  return expendituresPage(db, locality, query, afterId, limit);
}

/** GET /api/v1/localities/{slug}/receipts */
export async function receiptsAnswer(db: Executor, slug: string, params: URLSearchParams): Promise<ApiPage<ApiReceipt>> {
  const q = parseQuery(params, { cursor: cursorParam('receipts'), limit: limitParam, fy: fyParam });
  const locality = await resolveLocality(db, slug);
  return receiptsPage(db, locality, q.fy, q.cursor ?? 0, q.limit ?? DEFAULT_LIMIT);
}

/** GET /api/v1/localities/{slug}/summary */
export async function summaryAnswer(db: Executor, slug: string, params: URLSearchParams): Promise<ApiSummary> {
  const q = parseQuery(params, { fy: fyParam, framework: frameworkParam });
  const locality = await resolveLocality(db, slug);
  const framework = await resolveFramework(db, q.framework);
  // Without `fy`, the same year the locality's public page opens on.
  const fiscalYear = q.fy ?? chooseFiscalYear(undefined, await fiscalYears(db, locality.id), locality.fyStartMonth);
  return cachedPublic(`api:summary:${locality.id}:${fiscalYear}:${framework.key}`, locality.id, async () => {
    const [totals, byCategory] = await Promise.all([
      getLocalityTotals(db, locality.id, fiscalYear),
      getSpendingByCategory(db, locality.id, fiscalYear, framework.key),
    ]);
    const groups = new Map<string, { allocated: bigint; spent: bigint }>();
    for (const row of byCategory) {
      const group = groups.get(row.group) ?? { allocated: 0n, spent: 0n };
      group.allocated += row.allocatedCents;
      group.spent += row.spentCents;
      groups.set(row.group, group);
    }
    return {
      locality: locality.slug,
      fiscal_year: fiscalYear,
      framework: { key: framework.key, name: framework.name },
      totals: {
        received: toApiMoney(totals.receivedCents),
        allocated: toApiMoney(totals.allocatedCents),
        spent: toApiMoney(totals.spentCents),
        unspent: toApiMoney(totals.unspentCents),
      },
      by_category: byCategory.map((row) => ({
        key: row.key,
        label: row.label,
        group: row.group,
        stance: row.stance,
        allocated: toApiMoney(row.allocatedCents),
        spent: toApiMoney(row.spentCents),
      })),
      by_group: [...groups].map(([group, amounts]) => ({
        group,
        allocated: toApiMoney(amounts.allocated),
        spent: toApiMoney(amounts.spent),
      })),
    };
  });
}

/** GET /api/v1/categories */
export async function categoriesAnswer(db: Executor, params: URLSearchParams): Promise<ApiPage<ApiCategory>> {
  const q = parseQuery(params, { framework: frameworkParam, cursor: cursorParam('categories'), limit: limitParam });
  const framework = await resolveFramework(db, q.framework);
  const afterId = q.cursor ?? 0;
  const limit = q.limit ?? DEFAULT_LIMIT;
  return cachedPublic(`api:categories:${framework.id}:${afterId}:${limit}`, null, async () =>
    toPage('categories', await listApiCategories(db, framework.id, afterId, limit + 1), limit, (row) => ({
      framework: framework.key,
      key: row.key,
      label: row.label,
      group: row.group,
      stance: row.stance,
      description: row.description,
      why: row.why,
      crosswalk: row.crosswalk,
    })),
  );
}
