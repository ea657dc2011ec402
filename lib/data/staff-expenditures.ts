/**
 * Expenditures (money out) for the staff workspace, paged, sorted, filtered and searched in SQL, with the total of
 * the whole filtered set. Filters on status, category and recipient type apply to the allocation paid from.
 * Deleted expenditures, and those of deleted allocations, are never listed.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { EXPORT_BATCH_ROWS, orderedIds, rowsByKey } from './export-by-key';
import { queryRows, toCents } from './rows';
import { postingConditionSql } from './sql/posted';
import { hasCategory } from './staff-allocations';
import { containsText, orderBy, pageClause, whereAll, type SortSpec, type StaffListQuery, type StaffPage } from './staff-list-query';

export const EXPENDITURE_SORT: SortSpec = {
  sortable: ['paidOn', 'fiscalYear', 'program', 'recipient', 'status', 'amount', 'updatedAt'],
  defaultSort: 'paidOn',
  defaultDesc: true,
};

export interface StaffExpenditureRow {
  id: number;
  paidOn: string;
  fiscalYear: number;
  allocationId: number;
  program: string;
  recipient: string | null;
  recipientType: string | null;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  amountCents: bigint;
  description: string;
  /** Why it was paid beyond what remained of its allocation; null when it was not. */
  overspendReason: string | null;
  /** Counted publicly (posted), or a draft. */
  posted: boolean;
  updatedAt: string;
  version: number;
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

/** The list's rows: ordered and limited by `tail`, or (`only`, an id array parameter) just those payments. */
async function selectRows(executor: Executor, localityId: number, query: StaffListQuery, tail: SQL, only?: SQL): Promise<StaffExpenditureRow[]> {
  const rows = await queryRows<Omit<StaffExpenditureRow, 'amountCents'> & { amount: string }>(
    executor,
    sql`select e.id, e.paid_on::text as "paidOn", e.fiscal_year::int as "fiscalYear", a.id as "allocationId", a.program,
          r.name as recipient, r.type::text as "recipientType", a.status, e.amount_cents::text as amount, e.description,
          e.overspend_reason as "overspendReason", e.version, to_char(e.updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as "updatedAt",
          e.posted_at is not null as posted
        ${FROM} where ${conditions(localityId, query)} ${only ? sql`and e.id = any(${only})` : sql``}
        ${tail}`,
  );
  return rows.map(({ amount, ...rest }) => ({ ...rest, amountCents: toCents(amount) }));
}

export async function listStaffExpenditures(
  executor: Executor,
  localityId: number,
  query: StaffListQuery,
): Promise<StaffPage<StaffExpenditureRow, { amountCents: bigint; drafts: number }>> {
  const [rows, [totals]] = await Promise.all([
    selectRows(executor, localityId, query, sql`${orderBy(SORT_COLUMNS, query, sql`e.id`)} ${pageClause(query)}`),
    queryRows<{ count: number; amount: string; drafts: number }>(
      executor,
      sql`select count(*)::int as count, coalesce(sum(e.amount_cents), 0)::text as amount,
            (count(*) filter (where e.posted_at is null))::int as drafts
          ${FROM} where ${conditions(localityId, query)}`,
    ),
  ]);
  return { rows, rowCount: totals?.count ?? 0, totals: { amountCents: toCents(totals?.amount), drafts: totals?.drafts ?? 0 }, query };
}

export async function* iterateStaffExpenditures(
  executor: Executor,
  localityId: number,
  query: StaffListQuery,
  batchSize = EXPORT_BATCH_ROWS,
): AsyncGenerator<StaffExpenditureRow[]> {
  const ids = await orderedIds(
    executor,
    sql`select array_agg(e.id ${orderBy(SORT_COLUMNS, query, sql`e.id`)}) as ids ${FROM} where ${conditions(localityId, query)}`,
  );
  yield* rowsByKey(ids, (only) => selectRows(executor, localityId, query, sql``, only), batchSize);
}
