import { sql, type SQL } from 'drizzle-orm';

/**
 * The conditions every open-data list (allocations, expenditures, receipts) puts on its table, `alias`: the rows
 * after the cursor's id, of one locality (null: of every locality) and, when asked, of one fiscal year.
 */
export function apiPageConditions(alias: SQL, filters: { localityId: number | null; fiscalYear?: number }, afterId: number): SQL[] {
  const where: SQL[] = [sql`${alias}.id > ${afterId}`];
  if (filters.localityId !== null) where.push(sql`${alias}.locality_id = ${filters.localityId}`);
  if (filters.fiscalYear !== undefined) where.push(sql`${alias}.fiscal_year = ${filters.fiscalYear}`);
  return where;
}
