/**
 * What a locality's Atom feed (/l/{slug}/feed.xml) lists: the newest public events of the locality, each exactly as a
 * public page shows it. Four kinds:
 * - the board's decisions (approvals and returns, from the audit log, as on /l/{slug}/decisions);
 * - approved lines that no board decision put there (loaded with the demo data or approved before the board's review
 *   existed): an approved line otherwise arrives as its approval, so no line is listed twice;
 * - posted receipts (as in the public API and the money-in page);
 * - posted payments against approved, live lines (as on the line's page).
 * Drafts, lines under review, returned lines' details beyond the decision, unposted and deleted money never appear.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryDecisions } from './board-decisions';
import { publicDecidedLine, type PublicDecidedLine } from './public-decisions';
import { queryRows, toCents } from './rows';
import { countedMoneySql } from './sql/posted';

/** A moment as RFC 3339 in UTC, to the second: "2026-03-04T15:02:07Z". */
type Rfc3339 = string;

export type PublicFeedItem =
  | ({
      kind: 'decision';
      /** Audit row id. */
      id: string;
      at: Rfc3339;
    } & PublicDecidedLine)
  | {
      kind: 'line';
      id: number;
      at: Rfc3339;
      program: string;
      description: string;
      amountCents: bigint;
      fiscalYear: number;
      lastFiscalYear: number | null;
    }
  | {
      kind: 'receipt';
      id: number;
      at: Rfc3339;
      receivedOn: string;
      fiscalYear: number;
      amountCents: bigint;
      sourceName: string;
      paymentYear: number | null;
      note: string;
    }
  | {
      kind: 'payment';
      id: number;
      at: Rfc3339;
      allocationId: number;
      program: string;
      paidOn: string;
      fiscalYear: number;
      amountCents: bigint;
      description: string;
      overspendReason: string | null;
    };

export interface PublicFeed {
  /** When the locality was added: the feed's time when it has no entry yet. */
  localityCreatedAt: Rfc3339;
  /** Newest first, at most `limit`. */
  items: PublicFeedItem[];
}

export const FEED_ENTRY_LIMIT = 50;

const RFC3339 = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

const KIND_ORDER: Record<PublicFeedItem['kind'], number> = { decision: 0, line: 1, payment: 2, receipt: 3 };

/** Newest first; events of the same second in a fixed order (kind, then newest id), so the feed reads the same each time. */
function newestFirst(a: PublicFeedItem, b: PublicFeedItem): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  const ia = BigInt(a.id);
  const ib = BigInt(b.id);
  return ia === ib ? 0 : ia < ib ? 1 : -1;
}

export async function getPublicFeed(executor: Executor, options: { localityId: number; limit?: number }): Promise<PublicFeed> {
  const { localityId } = options;
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? FEED_ENTRY_LIMIT)), 500);
  const [created, decisions, lines, receipts, payments] = await Promise.all([
    queryRows<{ at: string }>(executor, sql`select ${RFC3339('l.created_at')} as at from localities l where l.id = ${localityId}`),
    queryDecisions(executor, { localityId }, { who: 'role', newestFirst: true, limit }),
    queryRows<{ id: number; at: string; program: string; description: string; amount: string; fiscalYear: number; lastFiscalYear: number | null }>(
      executor,
      sql`select a.id, ${RFC3339('coalesce(a.decided_at, a.created_at)')} as at, a.program, a.description,
            a.amount_cents::text as amount, a.fiscal_year::int as "fiscalYear", a.last_fiscal_year::int as "lastFiscalYear"
          from allocations a
          where a.locality_id = ${localityId} and a.status = 'approved' and a.deleted_at is null
            and not exists (
              select 1 from audit_log h
              where h.locality_id = a.locality_id and h.entity = 'allocation' and h.entity_id = a.id::text and h.action = 'approve')
          order by coalesce(a.decided_at, a.created_at) desc, a.id desc
          limit ${limit}`,
    ),
    queryRows<{ id: number; at: string; receivedOn: string; fiscalYear: number; amount: string; sourceName: string; paymentYear: number | null; note: string }>(
      executor,
      sql`select rc.id, ${RFC3339('rc.posted_at')} as at, to_char(rc.received_on, 'YYYY-MM-DD') as "receivedOn",
            rc.fiscal_year::int as "fiscalYear", rc.amount_cents::text as amount, fs.name as "sourceName",
            rc.payment_year::int as "paymentYear", rc.note
          from receipts rc join funding_sources fs on fs.id = rc.source_id
          where rc.locality_id = ${localityId} and ${countedMoneySql(sql`rc`)}
          order by rc.posted_at desc, rc.id desc
          limit ${limit}`,
    ),
    queryRows<{ id: number; at: string; allocationId: number; program: string; paidOn: string; fiscalYear: number; amount: string; description: string; overspendReason: string | null }>(
      executor,
      sql`select x.id, ${RFC3339('x.posted_at')} as at, x.allocation_id as "allocationId", a.program,
            to_char(x.paid_on, 'YYYY-MM-DD') as "paidOn", x.fiscal_year::int as "fiscalYear", x.amount_cents::text as amount,
            x.description, x.overspend_reason as "overspendReason"
          from expenditures x join allocations a on a.id = x.allocation_id
          where x.locality_id = ${localityId} and ${countedMoneySql(sql`x`)}
            and a.locality_id = ${localityId} and a.status = 'approved' and a.deleted_at is null
          order by x.posted_at desc, x.id desc
          limit ${limit}`,
    ),
  ]);

  const items: PublicFeedItem[] = [
    ...decisions.map((d) => ({ kind: 'decision' as const, id: d.id, at: d.atIso, ...publicDecidedLine(d) })),
    ...lines.map((l) => ({
      kind: 'line' as const,
      id: l.id,
      at: l.at,
      program: l.program,
      description: l.description.trim(),
      amountCents: toCents(l.amount),
      fiscalYear: l.fiscalYear,
      lastFiscalYear: l.lastFiscalYear,
    })),
    ...receipts.map((r) => ({
      kind: 'receipt' as const,
      id: r.id,
      at: r.at,
      receivedOn: r.receivedOn,
      fiscalYear: r.fiscalYear,
      amountCents: toCents(r.amount),
      sourceName: r.sourceName,
      paymentYear: r.paymentYear,
      note: r.note.trim(),
    })),
    ...payments.map((x) => ({
      kind: 'payment' as const,
      id: x.id,
      at: x.at,
      allocationId: x.allocationId,
      program: x.program,
      paidOn: x.paidOn,
      fiscalYear: x.fiscalYear,
      amountCents: toCents(x.amount),
      description: x.description.trim(),
      overspendReason: x.overspendReason?.trim() || null,
    })),
  ];
  return { localityCreatedAt: created[0]?.at ?? '1970-01-01T00:00:00Z', items: items.sort(newestFirst).slice(0, limit) };
}
