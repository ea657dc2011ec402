import { sql, type SQL } from 'drizzle-orm';
import { crosswalkTargetSql } from '@/lib/data/sql/crosswalk-target';
import { countedMoneySql } from '@/lib/data/sql/posted';
import { spentByLineCte, spentPartsCtes } from '@/lib/data/sql/spent-parts';

/**
 * SQL shared by every equity measure and flag, so they all count the same money the public pages count:
 * only APPROVED allocations that are not deleted, and payments against them.
 */

export interface MeasureScope {
  /** Count this allocation as if it were approved (the review page's "what if the board approves it"). */
  includeAllocationId?: number;
  /** Count only payments made on or before this date (YYYY-MM-DD): a quarter's year-to-date figure. */
  paidThrough?: string;
  /** Count only receipts received on or before this date (YYYY-MM-DD). */
  receivedThrough?: string;
}

/** `approved(id, fiscal_year, amount_cents, recipient_id, description)`: the lines that count, of every year. */
export function approvedCte(localityId: number, scope: MeasureScope): SQL {
  const include = scope.includeAllocationId !== undefined ? sql` or a.id = ${scope.includeAllocationId}` : sql``;
  return sql`approved as (
    select a.id, a.fiscal_year, a.amount_cents, a.recipient_id, a.description
    from allocations a
    where a.locality_id = ${localityId} and a.deleted_at is null and (a.status = 'approved'${include})
  )`;
}

/** Conditions on an `expenditures` alias: payments of the locality in the fiscal year (up to `paidThrough`). */
export function paidIn(alias: SQL, localityId: number, fiscalYear: number, scope: MeasureScope): SQL {
  const through = scope.paidThrough !== undefined ? sql` and ${alias}.paid_on <= ${scope.paidThrough}::date` : sql``;
  return sql`${alias}.locality_id = ${localityId} and ${alias}.fiscal_year = ${fiscalYear} and ${countedMoneySql(alias)}${through}`;
}

/** Conditions on a `receipts` alias: money in for the fiscal year (up to `receivedThrough`). */
export function receivedIn(alias: SQL, localityId: number, fiscalYear: number, scope: MeasureScope): SQL {
  const through = scope.receivedThrough !== undefined ? sql` and ${alias}.received_on <= ${scope.receivedThrough}::date` : sql``;
  return sql`${alias}.locality_id = ${localityId} and ${alias}.fiscal_year = ${fiscalYear} and ${countedMoneySql(alias)}${through}`;
}

/**
 * After `approvedCte`: `spent_by_line(allocation_id, spent)` and `mapped(allocation_id, target_id, source_id,
 * allocated, spent)` — every approved line of the year and the money paid in it, split by category and carried into
 * the target framework through the crosswalk (crosswalkTargetSql: a part paid to a criminal-legal-system recipient may stay in
 * the category it was filed in, of another framework). It is the query of lib/data/spending-by-category.ts with the line
 * kept: allocated parts are the stored split amounts; spending is split by largest remainder per line, so the parts
 * add up to the cent. `target_id` is null for a line with no split (source_id null) or with no crosswalk match.
 */
export function mappedPartsCtes(localityId: number, fiscalYear: number, frameworkKey: string, scope: MeasureScope): SQL {
  return sql`
    target as (select id from frameworks where key = ${frameworkKey}),
    allocated_parts as (
      select a.id as allocation_id, s.category_id, s.amount_cents::numeric as amount
      from approved a join allocation_splits s on s.allocation_id = a.id
      where a.fiscal_year = ${fiscalYear}
      union all
      select a.id, null, a.amount_cents::numeric
      from approved a
      where a.fiscal_year = ${fiscalYear} and not exists (select 1 from allocation_splits s where s.allocation_id = a.id)
    ),
    ${spentByLineCte(paidIn(sql`x`, localityId, fiscalYear, scope))},
    ${spentPartsCtes()},
    parts as (
      select allocation_id, category_id, amount as allocated, 0::numeric as spent from allocated_parts
      union all
      select allocation_id, category_id, 0::numeric, amount from spent_parts
    ),
    mapped as (
      select p.allocation_id, p.category_id as source_id,
        ${crosswalkTargetSql({ categoryId: sql`p.category_id`, allocationId: sql`p.allocation_id`, targetFrameworkId: sql`(select id from target)` })} as target_id,
        p.allocated, p.spent
      from parts p
    )`;
}

/** An aggregate's text ("123", "-5", "123.000") as an exact bigint. Aggregates of cents never have a fraction. */
export function exactInteger(text: string | null | undefined): bigint {
  if (text === null || text === undefined) return 0n;
  const match = /^(-?\d+)(?:\.0*)?$/.exec(text.trim());
  if (!match) throw new RangeError(`not an integer aggregate: ${text}`);
  return BigInt(match[1]!);
}
