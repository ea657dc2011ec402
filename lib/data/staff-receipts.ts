/**
 * Receipts (money in) for the staff workspace, paged, sorted, filtered and searched in SQL, with the total of the
 * whole filtered set. Deleted receipts are never listed.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { postingConditionSql } from './sql/posted';
import { containsText, whereAll, type SortSpec, type StaffListQuery, type StaffPage } from './staff-list-query';
import { withAmountCents } from './rows';
import { readMoneyListPage, staffListReader, updatedAtSql, type MoneyListRow, type MoneyListTotals } from './staff-list-reader';

export const RECEIPT_SORT: SortSpec = {
  sortable: ['receivedOn', 'fiscalYear', 'source', 'amount', 'updatedAt'],
  defaultSort: 'receivedOn',
  defaultDesc: true,
};

export interface StaffReceiptRow extends MoneyListRow {
  receivedOn: string;
  fiscalYear: number;
  source: string;
  note: string;
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

const RECEIPTS = staffListReader({
  key: sql`r.id`,
  columns: sql`r.id, r.received_on::text as "receivedOn", r.fiscal_year::int as "fiscalYear", f.name as source,
    r.amount_cents::text as amount, r.note, r.version, ${updatedAtSql(sql`r`)}, r.posted_at is not null as posted`,
  from: FROM,
  sortColumns: SORT_COLUMNS,
  conditions,
  toRow: (raw: Omit<StaffReceiptRow, 'amountCents'> & { amount: string }): StaffReceiptRow => withAmountCents(raw),
});

export function listStaffReceipts(executor: Executor, localityId: number, query: StaffListQuery): Promise<StaffPage<StaffReceiptRow, MoneyListTotals>> {
  return readMoneyListPage(RECEIPTS, sql`r`, executor, localityId, query);
}

/** The whole filtered set in the list's order, a batch at a time, read by key (export-by-key.ts), for the exports. */
export const iterateStaffReceipts = RECEIPTS.all;
