/**
 * The view of a staff list — page, page size, sort, search and filters — read from the URL, so a link (or a
 * bookmark, or the CSV export) reproduces exactly what someone was looking at. Everything is whitelisted or parsed
 * to a number here: nothing from the URL reaches SQL except as a bound parameter.
 */
import { sql, type SQL } from 'drizzle-orm';
import { allocationStatus } from '@/db/schema/enums';
import { RECIPIENT_TYPE_LABEL } from '@/lib/categories/labels';

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export const ALLOCATION_STATUSES = allocationStatus.enumValues;
export type AllocationStatusFilter = (typeof ALLOCATION_STATUSES)[number];

/** The recipient types' words (lib/categories/labels.ts), keyed by the recipient_type enum's values. */
export const RECIPIENT_TYPE_LABELS: Readonly<Record<string, string>> = RECIPIENT_TYPE_LABEL;

export interface StaffListQuery {
  /** 1-based. */
  page: number;
  pageSize: number;
  sort: string;
  desc: boolean;
  /** Free-text search, trimmed; '' for none. */
  q: string;
  fy: number | null;
  status: AllocationStatusFilter | null;
  /** A category id of any framework; lines tagged with it, or with a category that the crosswalk maps to it. */
  category: number | null;
  recipientType: string | null;
  /** Expenditures of one allocation. */
  allocation: number | null;
  /** Receipts and payments: only drafts, or only posted ones (lib/data/sql/posted.ts). */
  posting: PostingFilter | null;
}

export const POSTING_FILTERS = ['draft', 'posted'] as const;
export type PostingFilter = (typeof POSTING_FILTERS)[number];

export interface SortSpec {
  sortable: readonly string[];
  defaultSort: string;
  defaultDesc: boolean;
}

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: SearchParamsInput, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

function positiveInt(text: string | undefined, max = 2_147_483_647): number | null {
  if (text === undefined || !/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= max ? value : null;
}

/** Lenient on purpose: a hand-edited or outdated link falls back to the defaults instead of failing. */
export function parseStaffListQuery(params: SearchParamsInput, spec: SortSpec): StaffListQuery {
  const requestedSort = first(params, 'sort');
  const sort = requestedSort !== undefined && spec.sortable.includes(requestedSort) ? requestedSort : spec.defaultSort;
  const dir = first(params, 'dir');
  const status = first(params, 'status');
  const recipientType = first(params, 'rtype');
  const fy = positiveInt(first(params, 'fy'));
  return {
    page: positiveInt(first(params, 'page')) ?? 1,
    pageSize: Math.min(positiveInt(first(params, 'size')) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    sort,
    desc: dir === 'asc' ? false : dir === 'desc' ? true : sort === spec.defaultSort ? spec.defaultDesc : false,
    // PostgreSQL text cannot hold NUL: a bound parameter with one is an error, not a search, so it is dropped.
    q: (first(params, 'q') ?? '').replaceAll('\u0000', '').trim().slice(0, 200),
    fy: fy !== null && fy >= 2000 && fy <= 2100 ? fy : null,
    status: ALLOCATION_STATUSES.find((s) => s === status) ?? null,
    category: positiveInt(first(params, 'category')),
    recipientType: recipientType !== undefined && recipientType in RECIPIENT_TYPE_LABELS ? recipientType : null,
    allocation: positiveInt(first(params, 'allocation')),
    posting: POSTING_FILTERS.find((p) => p === first(params, 'posting')) ?? null,
  };
}

/** `%`, `_` and the escape character itself match literally: searching "100%" finds "100%", not everything. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** `column ILIKE '%text%'` with the text as a bound parameter. */
export function containsText(column: SQL, text: string): SQL {
  return sql`${column} ilike ${`%${escapeLike(text)}%`}`;
}

/** ORDER BY a whitelisted expression; the id breaks ties so pages never overlap or skip rows. */
export function orderBy(columns: Readonly<Record<string, SQL>>, query: StaffListQuery, idColumn: SQL): SQL {
  const expression = columns[query.sort];
  const direction = sql.raw(query.desc ? 'desc' : 'asc');
  if (!expression) return sql`order by ${idColumn} ${direction}`;
  return sql`order by ${expression} ${direction} nulls last, ${idColumn} ${direction}`;
}

export function pageClause(query: StaffListQuery): SQL {
  return sql`limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`;
}

export function whereAll(conditions: SQL[]): SQL {
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);
}

export interface StaffPage<Row, Totals> {
  rows: Row[];
  /** Rows in the whole filtered set, not only this page. */
  rowCount: number;
  totals: Totals;
  query: StaffListQuery;
}

/** Next's `searchParams` (values may repeat) as one string per name: the first, as `parseStaffListQuery` reads it. */
export function flattenSearchParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) flat[key] = first;
  }
  return flat;
}

/** The parameters that choose rows and their order — what the CSV export of "this view" needs, and nothing else. */
export function viewQueryString(params: Record<string, string>): string {
  const keep = ['sort', 'dir', 'q', 'fy', 'status', 'category', 'rtype', 'allocation', 'posting'];
  const query = new URLSearchParams();
  for (const key of keep) {
    const value = params[key];
    if (value !== undefined && value !== '') query.set(key, value);
  }
  return query.toString();
}

export const STATUS_LABELS: Readonly<Record<AllocationStatusFilter, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  returned: 'Returned',
};
