import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { todayIso } from '@/lib/fiscal-year';
import { queryRows, toCents } from './rows';
import { countedMoneySql } from '@/lib/data/sql/posted';

/**
 * What each settlement should have paid a locality, year by year, against what it did pay.
 *
 * Expected: the CURRENT expectation of each settlement × payment year, i.e. the latest revision of the estimate (by
 * estimate date, then id). Received: the live (not deleted) receipts of that settlement and payment year. Only
 * settlements are reconciled: grants, interest and other revenue have no schedule.
 *
 * A receipt of a settlement that names no payment year is counted under the year of its fiscal year (the
 * interface has no row without a year). When an expectation exists for that settlement and year the money counts
 * toward it; otherwise the row is 'not-expected', like any receipt with no expectation. Staff see it there and can
 * give the receipt its payment year.
 */

export type ReconciliationStatus =
  | 'received-in-full'
  | 'partly-received'
  | 'overdue'
  | 'not-yet-due'
  | 'more-than-expected'
  | 'not-expected';

export interface ReconciliationRow {
  sourceKey: string;
  sourceName: string;
  paymentYear: number;
  expectedCents: bigint | null;
  receivedCents: bigint;
  /** received − expected; null when nothing is expected. */
  differenceCents: bigint | null;
  expectedOn: string | null;
  status: ReconciliationStatus;
  estimate: { estimatedOn: string; source: string } | null;
}

/** A payment still missing this many days after its expected date is overdue. */
export const OVERDUE_AFTER_DAYS = 60;

export const RECONCILIATION_STATUS_LABELS: Record<ReconciliationStatus, string> = {
  'received-in-full': 'Received in full',
  'partly-received': 'Partly received',
  overdue: 'Overdue',
  'not-yet-due': 'Not yet due',
  'more-than-expected': 'More than expected',
  'not-expected': 'Not expected',
};

/** The ISO date `days` after `isoDate` (calendar days, UTC: no time zone shifts a date). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The status of one settlement × payment year; pure, so every branch is tested without a database. */
export function reconciliationStatus(input: {
  expectedCents: bigint | null;
  receivedCents: bigint;
  expectedOn: string | null;
  asOf: string;
}): ReconciliationStatus {
  const { expectedCents, receivedCents, expectedOn, asOf } = input;
  if (expectedCents === null) return 'not-expected';
  if (receivedCents === expectedCents) return 'received-in-full';
  if (receivedCents > expectedCents) return 'more-than-expected';
  // ISO dates compare as text.
  if (expectedOn !== null && asOf > addDays(expectedOn, OVERDUE_AFTER_DAYS)) return 'overdue';
  return receivedCents > 0n ? 'partly-received' : 'not-yet-due';
}

/** The current expectation of each settlement × payment year: the latest revision, by estimate date then id. */
const CURRENT_EXPECTATIONS = (localityId: number) => sql`
  select distinct on (e.source_id, e.payment_year)
    e.source_id, e.payment_year, e.amount_cents, e.expected_on, e.estimated_on, e.estimate_source
  from expected_payments e
  where e.locality_id = ${localityId}
  order by e.source_id, e.payment_year, e.estimated_on desc, e.id desc`;

interface RawRow {
  sourceKey: string;
  sourceName: string;
  paymentYear: number;
  expectedCents: string | null;
  receivedCents: string | null;
  expectedOn: string | null;
  estimatedOn: string | null;
  estimateSource: string | null;
}

export async function getReconciliation(
  db: Executor,
  options: { localityId: number; asOf?: string },
): Promise<ReconciliationRow[]> {
  const asOf = options.asOf ?? todayIso();
  const rows = await queryRows<RawRow>(
    db,
    sql`with expected as (${CURRENT_EXPECTATIONS(options.localityId)}),
        received as (
          select r.source_id, coalesce(r.payment_year, r.fiscal_year) as payment_year, sum(r.amount_cents) as amount_cents
          from receipts r
          join funding_sources s on s.id = r.source_id and s.kind = 'settlement'
          where r.locality_id = ${options.localityId} and ${countedMoneySql(sql`r`)}
          group by r.source_id, coalesce(r.payment_year, r.fiscal_year)
        )
        select s.key as "sourceKey", s.name as "sourceName",
          coalesce(e.payment_year, r.payment_year)::int as "paymentYear",
          e.amount_cents::text as "expectedCents", r.amount_cents::text as "receivedCents",
          e.expected_on::text as "expectedOn", e.estimated_on::text as "estimatedOn", e.estimate_source as "estimateSource"
        from expected e
        full join received r on r.source_id = e.source_id and r.payment_year = e.payment_year
        join funding_sources s on s.id = coalesce(e.source_id, r.source_id)
        order by s.name, 3`,
  );
  return rows.map((row) => {
    const expectedCents = row.expectedCents === null ? null : BigInt(row.expectedCents);
    const receivedCents = toCents(row.receivedCents);
    return {
      sourceKey: row.sourceKey,
      sourceName: row.sourceName,
      paymentYear: Number(row.paymentYear),
      expectedCents,
      receivedCents,
      differenceCents: expectedCents === null ? null : receivedCents - expectedCents,
      expectedOn: row.expectedOn,
      status: reconciliationStatus({ expectedCents, receivedCents, expectedOn: row.expectedOn, asOf }),
      estimate: row.estimatedOn === null ? null : { estimatedOn: row.estimatedOn, source: row.estimateSource ?? '' },
    };
  });
}

/** Overdue settlement payments, for the staff overview's notice. */
export async function countOverduePayments(db: Executor, options: { localityId: number; asOf?: string }): Promise<number> {
  const rows = await getReconciliation(db, options);
  return rows.filter((row) => row.status === 'overdue').length;
}

export interface ExpectedPaymentRevision {
  id: number;
  sourceKey: string;
  sourceName: string;
  paymentYear: number;
  amountCents: bigint;
  expectedOn: string | null;
  estimatedOn: string;
  estimateSource: string;
  /** Who recorded it: a name, an email, or null for the command line. */
  recordedBy: string | null;
  recordedAt: Date;
  /** The latest revision of its settlement and year: the one the reconciliation uses. */
  current: boolean;
}

/** Every revision of every estimate, newest first within each settlement and year. */
export async function listExpectedPaymentRevisions(db: Executor, options: { localityId: number }): Promise<ExpectedPaymentRevision[]> {
  const rows = await queryRows<{
    id: number;
    sourceKey: string;
    sourceName: string;
    paymentYear: number;
    amountCents: string;
    expectedOn: string | null;
    estimatedOn: string;
    estimateSource: string;
    recordedBy: string | null;
    recordedAt: string | Date;
    rank: number | string;
  }>(
    db,
    sql`select e.id, s.key as "sourceKey", s.name as "sourceName", e.payment_year::int as "paymentYear",
          e.amount_cents::text as "amountCents", e.expected_on::text as "expectedOn", e.estimated_on::text as "estimatedOn",
          e.estimate_source as "estimateSource", coalesce(nullif(u.name, ''), u.email) as "recordedBy",
          e.created_at as "recordedAt",
          row_number() over (partition by e.source_id, e.payment_year order by e.estimated_on desc, e.id desc) as rank
        from expected_payments e
        join funding_sources s on s.id = e.source_id
        left join users u on u.id = e.created_by
        where e.locality_id = ${options.localityId}
        order by s.name, e.payment_year, e.estimated_on desc, e.id desc`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    sourceKey: row.sourceKey,
    sourceName: row.sourceName,
    paymentYear: Number(row.paymentYear),
    amountCents: BigInt(row.amountCents),
    expectedOn: row.expectedOn,
    estimatedOn: row.estimatedOn,
    estimateSource: row.estimateSource,
    recordedBy: row.recordedBy,
    recordedAt: new Date(row.recordedAt),
    current: Number(row.rank) === 1,
  }));
}

export interface SettlementOption {
  id: number;
  name: string;
  firstPaymentYear: number | null;
  lastPaymentYear: number | null;
}

/** The settlements an expected payment may name, with their payment years, for the form. */
export async function listSettlementOptions(db: Executor): Promise<SettlementOption[]> {
  const rows = await queryRows<SettlementOption>(
    db,
    sql`select id, name, first_payment_year::int as "firstPaymentYear", last_payment_year::int as "lastPaymentYear"
        from funding_sources where kind = 'settlement' order by name, id`,
  );
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
