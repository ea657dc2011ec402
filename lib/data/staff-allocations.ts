/**
 * Allocations for the staff workspace: every status (drafts included), paged, sorted, filtered and searched in SQL,
 * with the totals of the whole filtered set. Deleted lines are never listed.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { RECIPIENT_COLUMNS, staffRecipient, staffSource, type LineIdentity, type RecipientColumns, type StaffRecipient } from './line-refs';
import { queryRows, toCents } from './rows';
import { countedInFiscalYear, coversFiscalYear } from './sql/allocation-years';
import { crosswalkTargetSql } from './sql/crosswalk-target';
import type { AllocationStatus } from './staff-snapshots';
import { containsText, whereAll, type SortSpec, type StaffListQuery, type StaffPage } from './staff-list-query';
import { staffListReader, updatedAtSql } from './staff-list-reader';

export const ALLOCATION_SORT: SortSpec = {
  sortable: ['program', 'recipient', 'fiscalYear', 'status', 'amount', 'spent', 'updatedAt'],
  defaultSort: 'updatedAt',
  defaultDesc: true,
};

export interface StaffAllocationRow {
  id: number;
  fiscalYear: number;
  /** The last year of a multi-year authorization; null for one year. */
  lastFiscalYear: number | null;
  program: string;
  description: string;
  status: AllocationStatus;
  amountCents: bigint;
  spentCents: bigint;
  recipient: string | null;
  recipientType: string | null;
  /** "Label 60%; Label 40%", largest share first. */
  categories: { label: string; shareBasisPoints: number }[];
  /** "YYYY-MM-DD HH:MM" in UTC. */
  updatedAt: string;
  version: number;
}

export interface StaffAllocationTotals {
  amountCents: bigint;
  spentCents: bigint;
}

const SORT_COLUMNS: Readonly<Record<string, SQL>> = {
  program: sql`lower(a.program)`,
  recipient: sql`lower(r.name)`,
  fiscalYear: sql`a.fiscal_year`,
  status: sql`a.status`,
  amount: sql`a.amount_cents`,
  spent: sql`coalesce(x.spent, 0)`,
  updatedAt: sql`a.updated_at`,
};

// The allocation, its recipient, and what has been spent against it (all years).
const FROM = sql`
  from allocations a
  left join recipients r on r.id = a.recipient_id
  left join lateral (
    select sum(e.amount_cents) as spent from expenditures e where e.allocation_id = a.id and e.deleted_at is null
  ) x on true`;

/** A line tagged with the category, or with a category of another framework that the crosswalk maps to it (crosswalkTargetSql). */
export function hasCategory(allocationId: SQL, categoryId: number): SQL {
  const framework = sql`(select framework_id from categories where id = ${categoryId})`;
  return sql`exists (
    select 1 from allocation_splits s
    where s.allocation_id = ${allocationId}
      and ${crosswalkTargetSql({ categoryId: sql`s.category_id`, allocationId: sql`s.allocation_id`, targetFrameworkId: framework })} = ${categoryId})`;
}

function conditions(localityId: number, query: StaffListQuery): SQL {
  const list: SQL[] = [sql`a.locality_id = ${localityId}`, sql`a.deleted_at is null`];
  // A multi-year authorization is listed in every year it covers (its amount counts in its first year: see totals).
  if (query.fy !== null) list.push(coversFiscalYear(sql`a`, query.fy));
  if (query.status !== null) list.push(sql`a.status = ${query.status}`);
  if (query.recipientType !== null) list.push(sql`r.type = ${query.recipientType}`);
  if (query.category !== null) list.push(hasCategory(sql`a.id`, query.category));
  if (query.q !== '') {
    list.push(sql`(${containsText(sql`a.program`, query.q)} or ${containsText(sql`a.description`, query.q)} or ${containsText(sql`r.name`, query.q)})`);
  }
  return whereAll(list);
}

/** The columns of a line (read from FROM) that the list and the line’s page both show. */
const LINE_COLUMNS = sql`a.id, a.fiscal_year::int as "fiscalYear", a.last_fiscal_year::int as "lastFiscalYear", a.program,
  a.description, a.status, a.amount_cents::text as amount, coalesce(x.spent, 0)::text as spent, a.version`;

interface LineColumns {
  id: number;
  fiscalYear: number;
  lastFiscalYear: number | null;
  program: string;
  description: string;
  status: StaffAllocationRow['status'];
  amount: string;
  spent: string;
  version: number;
}

/** LINE_COLUMNS as the fields of StaffAllocationRow and StaffAllocationDetail. */
function lineFields(row: LineColumns) {
  return {
    id: row.id,
    fiscalYear: row.fiscalYear,
    lastFiscalYear: row.lastFiscalYear,
    program: row.program,
    description: row.description,
    status: row.status,
    amountCents: toCents(row.amount),
    spentCents: toCents(row.spent),
    version: row.version,
  };
}

interface RawRow extends LineColumns {
  recipient: string | null;
  recipientType: string | null;
  categories: { label: string; bp: number }[] | string | null;
  updatedAt: string;
}

/** A list row as read: its categories come as json (both drivers parse it; a string is handled too, so a driver change cannot break the page). */
function toListRow(row: RawRow): StaffAllocationRow {
  const categories = typeof row.categories === 'string' ? (JSON.parse(row.categories) as { label: string; bp: number }[]) : row.categories;
  return {
    ...lineFields(row),
    recipient: row.recipient,
    recipientType: row.recipientType,
    categories: (categories ?? []).map((c) => ({ label: c.label, shareBasisPoints: Number(c.bp) })),
    updatedAt: row.updatedAt,
  };
}

const ALLOCATIONS = staffListReader({
  key: sql`a.id`,
  columns: sql`${LINE_COLUMNS}, r.name as recipient, r.type::text as "recipientType", ${updatedAtSql(sql`a`)},
    (select json_agg(json_build_object('label', c.label, 'bp', s.share_bp) order by s.share_bp desc, c.id)
       from allocation_splits s join categories c on c.id = s.category_id where s.allocation_id = a.id) as categories`,
  from: FROM,
  sortColumns: SORT_COLUMNS,
  conditions,
  toRow: toListRow,
});

export function listStaffAllocations(
  executor: Executor,
  localityId: number,
  query: StaffListQuery,
): Promise<StaffPage<StaffAllocationRow, StaffAllocationTotals>> {
  return ALLOCATIONS.page<{ amount: string; spent: string }, StaffAllocationTotals>(
    executor,
    localityId,
    query,
    // With a year chosen, a multi-year line that began earlier is listed but its amount counted in its first year.
    sql`coalesce(sum(a.amount_cents) filter (where ${query.fy === null ? sql`true` : countedInFiscalYear(sql`a`, query.fy)}), 0)::text as amount,
      coalesce(sum(x.spent), 0)::text as spent`,
    (sums) => ({ amountCents: toCents(sums.amount), spentCents: toCents(sums.spent) }),
  );
}

/** The whole filtered set in the list's order, a batch at a time, read by key (export-by-key.ts), for the exports. */
export const iterateStaffAllocations = ALLOCATIONS.all;

export interface StaffAllocationDetail extends LineIdentity {
  status: StaffAllocationRow['status'];
  amountCents: bigint;
  spentCents: bigint;
  version: number;
  recipient: StaffRecipient | null;
  source: { id: number; name: string } | null;
  splits: { categoryId: number; label: string; frameworkName: string; group: string; shareBasisPoints: number; amountCents: bigint }[];
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  submittedBy: { id: number; name: string } | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

interface DetailColumns extends LineColumns, RecipientColumns {
  localityId: number;
  sourceId: number | null;
  sourceName: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  submittedById: number | null;
  submittedByName: string | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

const TIMESTAMP = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')`;

/** One live allocation of the locality with everything its page shows, or null (other localities' ids included). */
export async function getStaffAllocation(executor: Executor, localityId: number, id: number): Promise<StaffAllocationDetail | null> {
  const [row] = await queryRows<DetailColumns>(
    executor,
    sql`select ${LINE_COLUMNS}, a.locality_id as "localityId",
          ${RECIPIENT_COLUMNS},
          f.id as "sourceId", f.name as "sourceName",
          ${TIMESTAMP(sql`a.created_at`)} as "createdAt", ${TIMESTAMP(sql`a.updated_at`)} as "updatedAt",
          nullif(coalesce(nullif(uu.name, ''), uu.email), '') as "updatedBy",
          a.submitted_by as "submittedById", coalesce(nullif(us.name, ''), us.email) as "submittedByName",
          ${TIMESTAMP(sql`a.submitted_at`)} as "submittedAt",
          coalesce(nullif(ud.name, ''), ud.email) as "decidedBy", ${TIMESTAMP(sql`a.decided_at`)} as "decidedAt",
          a.decision_reason as "decisionReason"
        ${FROM}
        left join funding_sources f on f.id = a.source_id
        left join users uu on uu.id = a.updated_by
        left join users us on us.id = a.submitted_by
        left join users ud on ud.id = a.decided_by
        where a.id = ${id} and a.locality_id = ${localityId} and a.deleted_at is null`,
  );
  if (!row) return null;
  const splits = await queryRows<{ categoryId: number; label: string; frameworkName: string; group: string; bp: number; amount: string }>(
    executor,
    sql`select s.category_id as "categoryId", c.label, fw.name as "frameworkName", c.group_label as "group",
          s.share_bp as bp, s.amount_cents::text as amount
        from allocation_splits s join categories c on c.id = s.category_id join frameworks fw on fw.id = c.framework_id
        where s.allocation_id = ${id} order by s.share_bp desc, s.category_id`,
  );
  return {
    ...lineFields(row),
    localityId: row.localityId,
    recipient: staffRecipient(row),
    source: staffSource(row),
    splits: splits.map((s) => ({
      categoryId: s.categoryId,
      label: s.label,
      frameworkName: s.frameworkName,
      group: s.group,
      shareBasisPoints: Number(s.bp),
      amountCents: toCents(s.amount),
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    submittedBy: row.submittedById !== null ? { id: row.submittedById, name: row.submittedByName ?? '' } : null,
    submittedAt: row.submittedAt,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
  };
}
