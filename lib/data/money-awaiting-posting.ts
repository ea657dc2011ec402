/**
 * The board's queue of money (a locality with `money_needs_approval`): the draft receipts and payments staff recorded
 * and a board member posts (lib/services/money/post.ts). Only reads; oldest first, as they wait.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { Role } from '@/lib/auth/authorize';
import { queryRows, toCents } from './rows';
import { draftMoneySql } from './sql/posted';

export interface MoneyDraftLine {
  id: number;
  version: number;
  /** Received on (a receipt) or paid on (a payment), YYYY-MM-DD. */
  date: string;
  fiscalYear: number;
  /** Who paid the locality (the settlement or grant), or who was paid (the payment's vendor, else its line's recipient). */
  party: string | null;
  /** A receipt's note; a payment's description. */
  note: string;
  /** A payment's allocation, which the board reads it against; null for a receipt. */
  allocation: { id: number; program: string } | null;
  amountCents: bigint;
  /** Who recorded it, with their role in the locality (null: a site administrator without one). */
  recordedBy: { id: number; name: string; role: Role | null } | null;
  /** "YYYY-MM-DD HH:MM UTC" */
  recordedAt: string;
}

export interface MoneyAwaitingPosting {
  receipts: MoneyDraftLine[];
  payments: MoneyDraftLine[];
  /** How many wait in all: more than listed when over `limit`. */
  receiptCount: number;
  paymentCount: number;
}

/** A line as read: the fields of MoneyDraftLine that need no shaping, and the columns of the rest. */
interface Row extends Pick<MoneyDraftLine, 'id' | 'version' | 'date' | 'fiscalYear' | 'party' | 'note' | 'recordedAt'> {
  allocationId: number | null;
  program: string | null;
  amount: string;
  recorderId: number | null;
  recorderName: string | null;
  recorderRole: Role | null;
  total: number;
}

function toLine(row: Row): MoneyDraftLine {
  return {
    id: row.id,
    version: row.version,
    date: row.date,
    fiscalYear: row.fiscalYear,
    party: row.party,
    note: row.note,
    allocation: row.allocationId === null ? null : { id: row.allocationId, program: row.program ?? '' },
    amountCents: toCents(row.amount),
    recordedBy: row.recorderId === null ? null : { id: row.recorderId, name: row.recorderName ?? '', role: row.recorderRole },
    recordedAt: row.recordedAt,
  };
}

/**
 * A locality's draft (not posted, not deleted) receipts and payments, each list the `limit` (default 200) oldest by
 * date, with how many there are in all.
 */
export async function listMoneyAwaitingPosting(executor: Executor, options: { localityId: number; limit?: number }): Promise<MoneyAwaitingPosting> {
  const { localityId } = options;
  const limit = Math.max(1, Math.trunc(options.limit ?? 200));
  const recorder = (alias: string) => sql`
    left join users u on u.id = ${sql.raw(alias)}.created_by
    left join memberships m on m.user_id = u.id and m.locality_id = ${sql.raw(alias)}.locality_id`;
  const recorderColumns = sql`u.id as "recorderId", coalesce(nullif(u.name, ''), u.email) as "recorderName", m.role::text as "recorderRole"`;
  const [receipts, payments] = await Promise.all([
    queryRows<Row>(
      executor,
      sql`select r.id, r.version, r.received_on::text as date, r.fiscal_year::int as "fiscalYear", f.name as party, r.note,
            null::integer as "allocationId", null::text as program, r.amount_cents::text as amount, ${recorderColumns},
            to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') as "recordedAt", count(*) over ()::int as total
          from receipts r
          join funding_sources f on f.id = r.source_id
          ${recorder('r')}
          where r.locality_id = ${localityId} and ${draftMoneySql(sql`r`)}
          order by r.received_on, r.id
          limit ${limit}`,
    ),
    queryRows<Row>(
      executor,
      sql`select e.id, e.version, e.paid_on::text as date, e.fiscal_year::int as "fiscalYear", coalesce(v.name, ar.name) as party,
            e.description as note, a.id as "allocationId", a.program, e.amount_cents::text as amount, ${recorderColumns},
            to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') as "recordedAt", count(*) over ()::int as total
          from expenditures e
          join allocations a on a.id = e.allocation_id
          left join recipients v on v.id = e.recipient_id
          left join recipients ar on ar.id = a.recipient_id
          ${recorder('e')}
          where e.locality_id = ${localityId} and ${draftMoneySql(sql`e`)} and a.deleted_at is null
          order by e.paid_on, e.id
          limit ${limit}`,
    ),
  ]);
  return {
    receipts: receipts.map(toLine),
    payments: payments.map(toLine),
    receiptCount: receipts[0]?.total ?? 0,
    paymentCount: payments[0]?.total ?? 0,
  };
}
