import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { LocalityRef } from './localities';
import { queryRows, toCents } from './rows';

/**
 * The home page's table: one page of the localities that have no sub-localities, with their totals for a fiscal
 * year, searched, filtered and sorted in SQL, plus the figures over ALL of them (the "All localities" row and the
 * not-reported notice). Everything is read from locality_year_totals, so the cost is one row per locality, not a
 * year of payments, and the page renders `pageSize` rows whether there are 4 localities or 3,000.
 */

export const HOME_SORTS = ['name', 'received', 'allocated', 'spent', 'unspent', 'lines'] as const;
export type HomeSort = (typeof HOME_SORTS)[number];
export type ReportedFilter = 'all' | 'yes' | 'no';

export const HOME_PAGE_SIZE = 50;
export const HOME_PAGE_SIZE_MAX = 100;

export interface HomeQuery {
  fiscalYear: number;
  /** 1-based; a page past the end shows the last one. */
  page: number;
  pageSize: number;
  /** Part of the name, any case; '' for every locality. */
  q: string;
  reported: ReportedFilter;
  sort: HomeSort;
}

export interface HomeLocality extends LocalityRef {
  receivedCents: bigint;
  allocatedCents: bigint;
  spentCents: bigint;
  approvedLines: number;
}

export interface HomeLocalities {
  rows: HomeLocality[];
  /** Localities that match q and reported. */
  matching: number;
  page: number;
  pageCount: number;
  /** Over every locality shown on the home page, whatever the search. */
  all: {
    localities: number;
    notReported: number;
    /** The first few not-reported names (by name), so a short list can be written out in full. */
    notReportedNames: string[];
    receivedCents: bigint;
    allocatedCents: bigint;
    spentCents: bigint;
    approvedLines: number;
  };
}

const NOT_REPORTED_NAMES = 5;

// Money and counts biggest first, then by name, so the order is total and a page boundary is stable.
const ORDER_BY: Record<HomeSort, SQL> = {
  name: sql`h.name, h.id`,
  received: sql`h.received desc, h.name, h.id`,
  allocated: sql`h.allocated desc, h.name, h.id`,
  spent: sql`h.spent desc, h.name, h.id`,
  unspent: sql`h.received - h.spent desc, h.name, h.id`,
  lines: sql`h.lines desc, h.name, h.id`,
};

/** The leaf localities joined to their totals for the year: the set every figure below is taken from. */
function homeSet(fiscalYear: number): SQL {
  return sql`
    select l.id, l.slug, l.name, l.kind, l.state_code, l.population, l.fy_start_month, l.parent_id, l.is_demo,
      coalesce(t.received_cents, 0) as received, coalesce(t.allocated_cents, 0) as allocated,
      coalesce(t.spent_cents, 0) as spent, coalesce(t.approved_lines, 0) as lines
    from localities l
    left join locality_year_totals t on t.locality_id = l.id and t.fiscal_year = ${fiscalYear}
    where not exists (select 1 from localities c where c.parent_id = l.id)`;
}

function matches(query: HomeQuery): SQL {
  const parts: SQL[] = [sql`true`];
  // strpos, not LIKE: a % or _ typed in the search box is just a character.
  if (query.q !== '') parts.push(sql`strpos(lower(h.name), lower(${query.q})) > 0`);
  if (query.reported === 'yes') parts.push(sql`h.lines > 0`);
  if (query.reported === 'no') parts.push(sql`h.lines = 0`);
  return sql.join(parts, sql` and `);
}

export async function listHomeLocalities(executor: Executor, query: HomeQuery): Promise<HomeLocalities> {
  const [summary] = await queryRows<{
    localities: number;
    matching: number;
    notReported: number;
    notReportedNames: string[] | null;
    received: string;
    allocated: string;
    spent: string;
    lines: number;
  }>(
    executor,
    sql`
      with h as (${homeSet(query.fiscalYear)})
      select count(*)::int as localities,
        (count(*) filter (where ${matches(query)}))::int as matching,
        (count(*) filter (where h.lines = 0))::int as "notReported",
        (array_agg(h.name order by h.name, h.id) filter (where h.lines = 0))[1:${sql.raw(String(NOT_REPORTED_NAMES))}] as "notReportedNames",
        coalesce(sum(h.received), 0)::text as received,
        coalesce(sum(h.allocated), 0)::text as allocated,
        coalesce(sum(h.spent), 0)::text as spent,
        coalesce(sum(h.lines), 0)::int as lines
      from h`,
  );
  const matching = summary?.matching ?? 0;
  const pageCount = Math.max(1, Math.ceil(matching / query.pageSize));
  const page = Math.min(Math.max(1, query.page), pageCount);

  const rows = await queryRows<
    LocalityRef & { received: string; allocated: string; spent: string; approvedLines: number }
  >(
    executor,
    sql`
      with h as (${homeSet(query.fiscalYear)})
      select h.id, h.slug, h.name, h.kind, h.state_code as "stateCode", h.population, h.fy_start_month as "fyStartMonth",
        h.parent_id as "parentId", h.is_demo as "isDemo", h.received::text as received, h.allocated::text as allocated,
        h.spent::text as spent, h.lines::int as "approvedLines"
      from h
      where ${matches(query)}
      order by ${ORDER_BY[query.sort]}
      limit ${query.pageSize} offset ${(page - 1) * query.pageSize}`,
  );

  return {
    rows: rows.map(({ received, allocated, spent, ...rest }) => ({
      ...rest,
      receivedCents: toCents(received),
      allocatedCents: toCents(allocated),
      spentCents: toCents(spent),
    })),
    matching,
    page,
    pageCount,
    all: {
      localities: summary?.localities ?? 0,
      notReported: summary?.notReported ?? 0,
      notReportedNames: summary?.notReportedNames ?? [],
      receivedCents: toCents(summary?.received),
      allocatedCents: toCents(summary?.allocated),
      spentCents: toCents(summary?.spent),
      approvedLines: summary?.lines ?? 0,
    },
  };
}
