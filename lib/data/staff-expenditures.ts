/**
 * Expenditures (money out) for the staff workspace, paged, sorted, filtered and searched in SQL, with the total of
 * the whole filtered set. Filters on status, category and recipient type apply to the allocation paid from.
 * Deleted expenditures, and those of deleted allocations, are never listed.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { postingConditionSql } from './sql/posted';
import { hasCategory } from './staff-allocations';
import { containsText, whereAll, type SortSpec, type StaffListQuery, type StaffPage } from './staff-list-query';
import { withAmountCents } from './rows';
import { readMoneyListPage, staffListReader, updatedAtSql, type MoneyListRow, type MoneyListTotals } from './staff-list-reader';
import type { AllocationStatus } from './staff-snapshots';

export const EXPENDITURE_SORT: SortSpec = {
  sortable: ['paidOn', 'fiscalYear', 'program', 'recipient', 'status', 'amount', 'updatedAt'],
  defaultSort: 'paidOn',
  defaultDesc: true,
};

export interface StaffExpenditureRow extends MoneyListRow {
  paidOn: string;
  fiscalYear: number;
  allocationId: number;
  program: string;
  recipient: string | null;
  recipientType: string | null;
  status: AllocationStatus;
  description: string;
  /** Why it was paid beyond what remained of its allocation; null when it was not. */
  overspendReason: string | null;
}

const SORT_COLUMNS: Readonly<Record<string, SQL>> = {
  paidOn: sql`e.paid_on`,
  fiscalYear: sql`e.fiscal_year`,
  program: sql`lower(a.program)`,
  recipient: sql`lower(r.name)`,
  status: sql`a.status`,
  amount: sql`e.amount_cents`,
  updatedAt: sql`e.updated_at`,
};

const FROM = sql`
  from expenditures e
  join allocations a on a.id = e.allocation_id
  left join recipients r on r.id = a.recipient_id`;

function conditions(localityId: number, query: StaffListQuery): SQL {
  const list: SQL[] = [sql`e.locality_id = ${localityId}`, sql`e.deleted_at is null`, sql`a.deleted_at is null`];
  if (query.fy !== null) list.push(sql`e.fiscal_year = ${query.fy}`);
  const posting = postingConditionSql(sql`e`, query.posting);
  if (posting) list.push(posting);
  if (query.status !== null) list.push(sql`a.status = ${query.status}`);
  if (query.recipientType !== null) list.push(sql`r.type = ${query.recipientType}`);
  if (query.category !== null) list.push(hasCategory(sql`a.id`, query.category));
  if (query.allocation !== null) list.push(sql`e.allocation_id = ${query.allocation}`);
  if (query.q !== '') {
    list.push(sql`(${containsText(sql`e.description`, query.q)} or ${containsText(sql`a.program`, query.q)} or ${containsText(sql`r.name`, query.q)})`);
  }
  return whereAll(list);
}

const EXPENDITURES = staffListReader({
  key: sql`e.id`,
  columns: sql`e.id, e.paid_on::text as "paidOn", e.fiscal_year::int as "fiscalYear", a.id as "allocationId", a.program,
    r.name as recipient, r.type::text as "recipientType", a.status, e.amount_cents::text as amount, e.description,
    e.overspend_reason as "overspendReason", e.version, ${updatedAtSql(sql`e`)}, e.posted_at is not null as posted`,
  from: FROM,
  sortColumns: SORT_COLUMNS,
  conditions,
  toRow: (raw: Omit<StaffExpenditureRow, 'amountCents'> & { amount: string }): StaffExpenditureRow => withAmountCents(raw),
});

export function listStaffExpenditures(
  executor: Executor,
  localityId: number,
  query: StaffListQuery,
): Promise<StaffPage<StaffExpenditureRow, MoneyListTotals>> {
  return readMoneyListPage(EXPENDITURES, sql`e`, executor, localityId, query);
}

/** The whole filtered set in the list's order, a batch at a time, read by key (export-by-key.ts), for the exports. */
export const iterateStaffExpenditures = EXPENDITURES.all;
