/**
 * The board's decisions on a locality's lines, from the audit log (which nobody can rewrite): every approval and
 * every return, with its reason, who decided and when. A line decided twice (returned, then approved) appears twice.
 * The staff board summary (listBoardDecisions) and the public decisions page (public-decisions.ts) read the same
 * rows through queryDecisions; only the staff read names the person who decided, the public one gives their role.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { PUBLIC_ACTOR_SQL } from './public-actor';
import { queryRows, toCents } from './rows';
import type { AllocationStatus } from './staff-snapshots';

export type Decision = 'approve' | 'return';
export type LineStatusNow = AllocationStatus | 'deleted';

export interface BoardDecision {
  /** Audit row id. */
  id: string;
  allocationId: number;
  /** The line's name and amount as they were when decided. */
  program: string;
  amountCents: bigint;
  decision: Decision;
  reason: string | null;
  decidedBy: string | null;
  /** "YYYY-MM-DD HH:MM UTC" */
  at: string;
  /** Whether the line is still live (not deleted) — only live approved lines appear on the public pages. */
  currentStatus: LineStatusNow;
}

export interface DecisionFilter {
  localityId: number;
  /** The fiscal year the line had when decided. */
  fiscalYear?: number;
  decision?: Decision;
}

/** A decision on a line, with the line's name, amount and year as they were when decided. */
export interface DecidedLine {
  allocationId: number;
  program: string;
  amountCents: bigint;
  fiscalYear: number | null;
  decision: Decision;
  reason: string | null;
}

export interface DecisionRow extends DecidedLine {
  id: string;
  /** The person's name (or e-mail) for `who: 'name'`; their role in the locality (a PublicActor) for `who: 'role'`. */
  who: string | null;
  /** "YYYY-MM-DD HH:MM UTC" */
  at: string;
  /** The same moment to the second, RFC 3339 in UTC ("2026-03-04T15:02:07Z"), for machines (the Atom feed). */
  atIso: string;
  currentStatus: LineStatusNow;
}

/** The fiscal year a decided line had when decided (the audit row's copy), else the line's year now. */
const DECIDED_FISCAL_YEAR = sql`coalesce((h.after->>'fiscalYear')::int, a.fiscal_year)`;

/** The audit rows that are decisions on the locality's lines, with the line as it is now (`a`, null if gone). */
function decisionsFrom(filter: DecisionFilter, joins: SQL = sql``): SQL {
  const fiscalYear = filter.fiscalYear === undefined ? sql`` : sql` and ${DECIDED_FISCAL_YEAR} = ${filter.fiscalYear}`;
  const action = filter.decision === undefined ? sql`h.action in ('approve', 'return')` : sql`h.action = ${filter.decision}`;
  return sql`from audit_log h
        left join allocations a on a.id::text = h.entity_id${joins}
        where h.locality_id = ${filter.localityId} and h.entity = 'allocation' and ${action}${fiscalYear}`;
}

/**
 * Decisions matching the filter, oldest or newest first, optionally one page of them (paged in SQL). `who` says
 * whether the row names the person who decided (staff pages only) or gives their role (public pages).
 */
export async function queryDecisions(
  executor: Executor,
  filter: DecisionFilter,
  options: { who: 'name' | 'role'; newestFirst?: boolean; limit?: number; offset?: number },
): Promise<DecisionRow[]> {
  const who = options.who === 'name' ? sql`coalesce(nullif(u.name, ''), u.email)` : PUBLIC_ACTOR_SQL;
  const joins = sql`
        left join users u on u.id = h.user_id${
          options.who === 'role' ? sql`
        left join memberships m on m.user_id = h.user_id and m.locality_id = h.locality_id` : sql``
        }`;
  const order = options.newestFirst ? sql`order by h.at desc, h.id desc` : sql`order by h.at, h.id`;
  const page =
    options.limit === undefined ? sql`` : sql` limit ${options.limit} offset ${Math.max(0, options.offset ?? 0)}`;
  const rows = await queryRows<{
    id: string;
    allocationId: number;
    program: string | null;
    amount: string | null;
    fiscalYear: number | null;
    action: Decision;
    reason: string | null;
    who: string | null;
    at: string;
    atIso: string;
    status: LineStatusNow | null;
    deleted: boolean | null;
  }>(
    executor,
    sql`select h.id::text as id, h.entity_id::int as "allocationId",
          coalesce(h.after->>'program', a.program) as program,
          coalesce(h.after->>'amountCents', a.amount_cents::text) as amount,
          ${DECIDED_FISCAL_YEAR} as "fiscalYear",
          h.action, nullif(btrim(h.reason), '') as reason,
          ${who} as who,
          to_char(h.at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') as at,
          to_char(h.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "atIso",
          a.status::text as status, a.deleted_at is not null as deleted
        ${decisionsFrom(filter, joins)}
        ${order}${page}`,
  );
  return rows.map((row) => ({
    id: row.id,
    allocationId: row.allocationId,
    program: row.program ?? `Line ${row.allocationId}`,
    amountCents: /^-?\d+$/.test(row.amount ?? '') ? toCents(row.amount) : 0n,
    fiscalYear: row.fiscalYear,
    decision: row.action,
    reason: row.reason,
    who: row.who,
    at: row.at,
    atIso: row.atIso,
    currentStatus: row.deleted ? 'deleted' : (row.status ?? 'deleted'),
  }));
}

/** How many decisions of each kind each fiscal year has (for filters and page counts), newest year first. */
export async function countDecisions(
  executor: Executor,
  filter: { localityId: number },
): Promise<{ fiscalYear: number | null; decision: Decision; count: number }[]> {
  return queryRows(
    executor,
    sql`select ${DECIDED_FISCAL_YEAR} as "fiscalYear", h.action as decision, count(*)::int as count
        ${decisionsFrom(filter)}
        group by 1, 2
        order by 1 desc nulls last, 2`,
  );
}

/** Decisions on lines of the fiscal year (the year the line had when decided), oldest first, naming who decided. */
export async function listBoardDecisions(executor: Executor, localityId: number, fiscalYear: number): Promise<BoardDecision[]> {
  const rows = await queryDecisions(executor, { localityId, fiscalYear }, { who: 'name' });
  return rows.map((row) => ({
    id: row.id,
    allocationId: row.allocationId,
    program: row.program,
    amountCents: row.amountCents,
    decision: row.decision,
    reason: row.reason,
    decidedBy: row.who,
    at: row.at,
    currentStatus: row.currentStatus,
  }));
}
