import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from './rows';
import { apiPageConditions } from './sql/api-page-conditions';
import { countedMoneySql } from '@/lib/data/sql/posted';

export interface ApiReceiptRow {
  id: number;
  locality: string;
  fiscalYear: number;
  receivedOn: string;
  amount: string;
  note: string;
  sourceKey: string;
  sourceName: string;
  sourceKind: 'settlement' | 'grant';
}

/** One page of money received (receipts are public once recorded; deleted ones are not), in id order. */
export async function listApiReceipts(
  executor: Executor,
  filters: { localityId: number | null; fiscalYear?: number },
  afterId: number,
  limit: number,
): Promise<ApiReceiptRow[]> {
  const where: SQL[] = [countedMoneySql(sql`rc`), ...apiPageConditions(sql`rc`, filters, afterId)];
  return queryRows<ApiReceiptRow>(
    executor,
    sql`
      select rc.id, l.slug as locality, rc.fiscal_year::int as "fiscalYear", rc.received_on::text as "receivedOn",
        rc.amount_cents::text as amount, rc.note,
        fs.key as "sourceKey", fs.name as "sourceName", fs.kind as "sourceKind"
      from receipts rc
      join localities l on l.id = rc.locality_id
      join funding_sources fs on fs.id = rc.source_id
      where ${sql.join(where, sql` and `)}
      order by rc.id
      limit ${limit}`,
  );
}
