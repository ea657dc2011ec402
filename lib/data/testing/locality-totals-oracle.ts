import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '../rows';
import { countedMoneySql } from '@/lib/data/sql/posted';

/**
 * The test oracle for locality_year_totals: the totals computed from the rows themselves, the way the public pages
 * computed them before the table existed (the aggregate listLocalitiesWithTotals ran until issue 7). Tests compare
 * the stored table against this after every transaction; the app never reads it.
 */

/** One (locality, fiscal year) as text, so both sides compare exactly whatever the driver does with bigint. */
export interface YearTotalsRow {
  localityId: number;
  fiscalYear: number;
  received: string;
  receipts: number;
  allocated: string;
  lines: number;
  spent: string;
  payments: number;
}

const ORDER = sql`order by "localityId", "fiscalYear"`;

/** What the database keeps. */
export async function storedYearTotals(executor: Executor): Promise<YearTotalsRow[]> {
  return queryRows<YearTotalsRow>(
    executor,
    sql`select locality_id as "localityId", fiscal_year::int as "fiscalYear", received_cents::text as received,
          receipt_count as receipts, allocated_cents::text as allocated, approved_lines as lines,
          spent_cents::text as spent, payment_count as payments
        from locality_year_totals ${ORDER}`,
  );
}

/** The same figures from the raw rows: every (locality, year) that has a counted receipt, line or payment. */
export async function rawYearTotals(executor: Executor): Promise<YearTotalsRow[]> {
  return queryRows<YearTotalsRow>(
    executor,
    sql`
      with r as (
        select locality_id, fiscal_year, sum(amount_cents) as total, count(*) as n from receipts
        where ${countedMoneySql(sql`receipts`)} group by locality_id, fiscal_year
      ), a as (
        select locality_id, fiscal_year, sum(amount_cents) as total, count(*) as n from allocations
        where status = 'approved' and deleted_at is null group by locality_id, fiscal_year
      ), e as (
        select x.locality_id, x.fiscal_year, sum(x.amount_cents) as total, count(*) as n
        from expenditures x join allocations al on al.id = x.allocation_id
        where ${countedMoneySql(sql`x`)} and al.status = 'approved' and al.deleted_at is null
        group by x.locality_id, x.fiscal_year
      ), k as (
        select locality_id, fiscal_year from r union select locality_id, fiscal_year from a
        union select locality_id, fiscal_year from e
      )
      select k.locality_id as "localityId", k.fiscal_year::int as "fiscalYear",
        coalesce(r.total, 0)::text as received, coalesce(r.n, 0)::int as receipts,
        coalesce(a.total, 0)::text as allocated, coalesce(a.n, 0)::int as lines,
        coalesce(e.total, 0)::text as spent, coalesce(e.n, 0)::int as payments
      from k
      left join r using (locality_id, fiscal_year)
      left join a using (locality_id, fiscal_year)
      left join e using (locality_id, fiscal_year)
      ${ORDER}`,
  );
}

/** The home page's query as it was before the table (per locality, one fiscal year), verbatim. */
export async function rawLocalitiesWithTotals(
  executor: Executor,
  fiscalYear: number,
): Promise<{ id: number; received: string; allocated: string; spent: string; approvedLines: number }[]> {
  return queryRows(
    executor,
    sql`
      select l.id,
        coalesce(r.total, 0)::text as received,
        coalesce(a.total, 0)::text as allocated,
        coalesce(e.total, 0)::text as spent,
        coalesce(a.lines, 0)::int as "approvedLines"
      from localities l
      left join (
        select locality_id, sum(amount_cents) as total from receipts
        where fiscal_year = ${fiscalYear} and ${countedMoneySql(sql`receipts`)} group by locality_id
      ) r on r.locality_id = l.id
      left join (
        select locality_id, sum(amount_cents) as total, count(*) as lines from allocations
        where fiscal_year = ${fiscalYear} and status = 'approved' and deleted_at is null group by locality_id
      ) a on a.locality_id = l.id
      left join (
        select x.locality_id, sum(x.amount_cents) as total
        from expenditures x join allocations al on al.id = x.allocation_id
        where x.fiscal_year = ${fiscalYear} and ${countedMoneySql(sql`x`)}
          and al.status = 'approved' and al.deleted_at is null
        group by x.locality_id
      ) e on e.locality_id = l.id
      order by l.name, l.id`,
  );
}

/** The fiscal-year list from the rows themselves: years holding a receipt, an approved line or a counted payment. */
export async function rawFiscalYears(executor: Executor, localityId?: number): Promise<number[]> {
  const filter = localityId === undefined ? sql`true` : sql`locality_id = ${localityId}`;
  const paymentFilter = localityId === undefined ? sql`true` : sql`x.locality_id = ${localityId}`;
  const rows = await queryRows<{ fy: number }>(
    executor,
    sql`select distinct fy::int as fy from (
          select fiscal_year as fy from receipts where ${filter} and ${countedMoneySql(sql`receipts`)}
          union select fiscal_year from allocations where ${filter} and deleted_at is null and status = 'approved'
          union select x.fiscal_year from expenditures x join allocations a on a.id = x.allocation_id
            where ${paymentFilter} and ${countedMoneySql(sql`x`)} and a.deleted_at is null and a.status = 'approved'
          union select generate_series(fiscal_year + 1, last_fiscal_year) from allocations
            where ${filter} and deleted_at is null and status = 'approved' and last_fiscal_year is not null
        ) years order by fy desc`,
  );
  return rows.map((r) => r.fy);
}
