import { sql, type SQL } from 'drizzle-orm';

/**
 * A multi-year authorization ("July 1, 2024 through June 30, 2029") is one allocation from `fiscal_year` to
 * `last_fiscal_year`. It is LISTED in every fiscal year it covers, with what was spent against it, and its amount is
 * COUNTED once, in its first year, so no year's allocated total, and no sum over years, holds it twice.
 * `allocation` is the allocations table's alias in the caller's query, e.g. sql`a`.
 */

/** The allocation covers fiscal year `fiscalYear` (its first, its last, or a year between). */
export function coversFiscalYear(allocation: SQL, fiscalYear: number): SQL {
  // Written as "its first year, or a multi-year line reaching it" rather than a range over fiscal_year, so the planner
  // reads the year's rows by (locality, fiscal_year) and the few multi-year lines by their partial index, instead of
  // every earlier year's rows. The same lines, since last_fiscal_year >= fiscal_year is a check on the table.
  return sql`(${allocation}.fiscal_year = ${fiscalYear} or (${allocation}.last_fiscal_year is not null
    and ${allocation}.fiscal_year < ${fiscalYear} and ${allocation}.last_fiscal_year >= ${fiscalYear}))`;
}

/** The allocation's amount counts toward fiscal year `fiscalYear`'s allocated total: its first year only. */
export function countedInFiscalYear(allocation: SQL, fiscalYear: number): SQL {
  return sql`${allocation}.fiscal_year = ${fiscalYear}`;
}

/** Its last fiscal year, the first one for a line of one year. */
export function lastFiscalYearOf(allocation: SQL): SQL {
  return sql`coalesce(${allocation}.last_fiscal_year, ${allocation}.fiscal_year)`;
}
