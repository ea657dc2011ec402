/**
 * Receipts (money in) for the staff workspace, paged, sorted, filtered and searched in SQL, with the total of the
 * whole filtered set. Deleted receipts are never listed.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { EXPORT_BATCH_ROWS, orderedIds, rowsByKey } from './export-by-key';
import { queryRows, toCents } from './rows';
import { postingConditionSql } from './sql/posted';
import { containsText, orderBy, pageClause, whereAll, type SortSpec, type StaffListQuery, type StaffPage } from './staff-list-query';

export const RECEIPT_SORT: SortSpec = {
  sortable: ['receivedOn', 'fiscalYear', 'source', 'amount', 'updatedAt'],
  defaultSort: 'receivedOn',
  defaultDesc: true,
};

export interface StaffReceiptRow {
  id: number;
  receivedOn: string;
  fiscalYear: number;
  source: string;
  amountCents: bigint;
  note: string;
  /** Counted publicly (posted), or a draft. */
  posted: boolean;
  updatedAt: string;
  version: number;
}

const SORT_COLUMNS: Readonly<Record<string, SQL>> = {
  receivedOn: sql`r.received_on`,
  fiscalYear: sql`r.fiscal_year`,
  source: sql`lower(f.name)`,
  amount: sql`r.amount_cents`,
  updatedAt: sql`r.updated_at`,
};

const FROM = sql`from receipts r join funding_sources f on f.id = r.source_id`;

function conditions(localityId: number, query: StaffListQuery): SQL {
  const list: SQL[] = [sql`r.locality_id = ${localityId}`, sql`r.deleted_at is null`];
  if (query.fy !== null) list.push(sql`r.fiscal_year = ${query.fy}`);
  const posting = postingConditionSql(sql`r`, query.posting);
  if (posting) list.push(posting);
  if (query.q !== '') list.push(sql`(${containsText(sql`r.note`, query.q)} or ${containsText(sql`f.name`, query.q)})`);
  return whereAll(list);
}

/** The list's rows: ordered and limited by `tail`, or (`only`, an id array parameter) just those receipts. */
async function selectRows(executor: Executor, localityId: number, query: StaffListQuery, tail: SQL, only?: SQL): Promise<StaffReceiptRow[]> {
  const rows = await queryRows<Omit<StaffReceiptRow, 'amountCents'> & { amount: string }>(
    executor,
    sql`select r.id, r.received_on::text as "receivedOn", r.fiscal_year::int as "fiscalYear", f.name as source,
          r.amount_cents::text as amount, r.note, r.version,
          to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as "updatedAt",
          r.posted_at is not null as posted
        ${FROM} where ${conditions(localityId, query)} ${only ? sql`and r.id = any(${only})` : sql``}
        ${tail}`,
  );
  return rows.map(({ amount, ...rest }) => ({ ...rest, amountCents: toCents(amount) }));
}

export async function listStaffReceipts(
  executor: Executor,
  localityId: number,
  query: StaffListQuery,
): Promise<StaffPage<StaffReceiptRow, { amountCents: bigint; drafts: number }>> {
  const [rows, [totals]] = await Promise.all([
    selectRows(executor, localityId, query, sql`${orderBy(SORT_COLUMNS, query, sql`r.id`)} ${pageClause(query)}`),
    queryRows<{ count: number; amount: string; drafts: number }>(
      executor,
      sql`select count(*)::int as count, coalesce(sum(r.amount_cents), 0)::text as amount,
            (count(*) filter (where r.posted_at is null))::int as drafts
          ${FROM} where ${conditions(localityId, query)}`,
    ),
  ]);
  return { rows, rowCount: totals?.count ?? 0, totals: { amountCents: toCents(totals?.amount), drafts: totals?.drafts ?? 0 }, query };
}

export async function* iterateStaffReceipts(
  executor: Executor,
  localityId: number,
  query: StaffListQuery,
  batchSize = EXPORT_BATCH_ROWS,
): AsyncGenerator<StaffReceiptRow[]> {
  const ids = await orderedIds(
    executor,
    sql`select array_agg(r.id ${orderBy(SORT_COLUMNS, query, sql`r.id`)}) as ids ${FROM} where ${conditions(localityId, query)}`,
  );
  yield* rowsByKey(ids, (only) => selectRows(executor, localityId, query, sql``, only), batchSize);
}
