/**
 * The board's decisions on a fiscal year's lines, from the audit log (which nobody can rewrite): every approval and
 * every return, with its reason, who decided and when. A line decided twice (returned, then approved) appears twice.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows, toCents } from './rows';

export interface BoardDecision {
  /** Audit row id. */
  id: string;
  allocationId: number;
  /** The line's name and amount as they were when decided. */
  program: string;
  amountCents: bigint;
  decision: 'approve' | 'return';
  reason: string | null;
  decidedBy: string | null;
  /** "YYYY-MM-DD HH:MM UTC" */
  at: string;
  /** Whether the line is still live (not deleted) — only live approved lines appear on the public pages. */
  currentStatus: 'draft' | 'submitted' | 'approved' | 'returned' | 'deleted';
}

/** Decisions on lines of the fiscal year (the year the line had when decided), oldest first. */
export async function listBoardDecisions(executor: Executor, localityId: number, fiscalYear: number): Promise<BoardDecision[]> {
  const rows = await queryRows<{
    id: string;
    allocationId: number;
    program: string | null;
    amount: string | null;
    action: 'approve' | 'return';
    reason: string | null;
    decidedBy: string | null;
    at: string;
    status: BoardDecision['currentStatus'] | null;
    deleted: boolean | null;
  }>(
    executor,
    sql`select h.id::text as id, h.entity_id::int as "allocationId",
          coalesce(h.after->>'program', a.program) as program,
          coalesce(h.after->>'amountCents', a.amount_cents::text) as amount,
          h.action, nullif(btrim(h.reason), '') as reason,
          coalesce(nullif(u.name, ''), u.email) as "decidedBy",
          to_char(h.at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') as at,
          a.status::text as status, a.deleted_at is not null as deleted
        from audit_log h
        left join allocations a on a.id::text = h.entity_id
        left join users u on u.id = h.user_id
        where h.locality_id = ${localityId} and h.entity = 'allocation' and h.action in ('approve', 'return')
          and coalesce((h.after->>'fiscalYear')::int, a.fiscal_year) = ${fiscalYear}
        order by h.at, h.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    allocationId: row.allocationId,
    program: row.program ?? `Line ${row.allocationId}`,
    amountCents: /^-?\d+$/.test(row.amount ?? '') ? toCents(row.amount) : 0n,
    decision: row.action,
    reason: row.reason,
    decidedBy: row.decidedBy,
    at: row.at,
    currentStatus: row.deleted ? 'deleted' : (row.status ?? 'deleted'),
  }));
}
