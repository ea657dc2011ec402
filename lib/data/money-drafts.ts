import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from './rows';
import { draftMoneySql } from './sql/posted';

export interface MoneyDrafts {
  receipts: number;
  payments: number;
}

/** How many receipts and payments of a locality (in one fiscal year, when given) are drafts: not posted, not counted. */
export async function countMoneyDrafts(executor: Executor, options: { localityId: number; fiscalYear?: number }): Promise<MoneyDrafts> {
  const year = (alias: string) => (options.fiscalYear === undefined ? sql`` : sql` and ${sql.raw(alias)}.fiscal_year = ${options.fiscalYear}`);
  const [row] = await queryRows<MoneyDrafts>(
    executor,
    sql`select
          (select count(*) from receipts r where r.locality_id = ${options.localityId} and ${draftMoneySql(sql`r`)}${year('r')})::int as receipts,
          (select count(*) from expenditures x where x.locality_id = ${options.localityId} and ${draftMoneySql(sql`x`)}${year('x')})::int as payments`,
  );
  return row ?? { receipts: 0, payments: 0 };
}
