import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { localities } from '@/db/schema';
import { PUBLIC_ALLOCATION } from '@/lib/data/api-allocations';
import { paymentCostTypeSql } from '@/lib/data/fund';
import { queryMoneyRows } from '@/lib/data/rows';
import { crosswalkTargetSql, reportedCategorySql } from '@/lib/data/sql/crosswalk-target';
import { NotFound } from '@/lib/errors';
import type { FigureSources, ReportCell, ReportLocality } from './types';
import { countedMoneySql } from '@/lib/data/sql/posted';
import type { FundingSourceKind } from '@/db/reference/funding-sources';

/**
 * The ledger as the reports read it. What counts is what the fund counts (lib/data/fund.ts): receipts that are not
 * deleted, and payments not deleted against approved, not deleted lines (PUBLIC_ALLOCATION). So a report's received
 * and spent are the fund's, to the cent, and every report is public exactly as the fund is.
 */

export async function loadReportLocality(db: Executor, localityId: number): Promise<ReportLocality> {
  const [row] = await db
    .select({ id: localities.id, slug: localities.slug, name: localities.name, stateCode: localities.stateCode, fyStartMonth: localities.fyStartMonth })
    .from(localities)
    .where(eq(localities.id, localityId));
  if (!row) throw new NotFound('That locality');
  return row;
}

export interface LedgerReceipt {
  id: number;
  receivedOn: string;
  fiscalYear: number;
  amountCents: bigint;
  sourceName: string;
  sourceKind: FundingSourceKind;
}

/** Counted receipts of the locality through a fiscal year (inclusive), oldest first (date, then id). */
export async function readReceiptsThrough(db: Executor, localityId: number, lastFiscalYear: number): Promise<LedgerReceipt[]> {
  return queryMoneyRows<LedgerReceipt>(
    db,
    sql`select rc.id, rc.received_on::text as "receivedOn", rc.fiscal_year::int as "fiscalYear", rc.amount_cents::text as amount,
          fs.name as "sourceName", fs.kind::text as "sourceKind"
        from receipts rc join funding_sources fs on fs.id = rc.source_id
        where rc.locality_id = ${localityId} and ${countedMoneySql(sql`rc`)} and rc.fiscal_year <= ${lastFiscalYear}
        order by rc.received_on, rc.id`,
  );
}

export interface LedgerPayment {
  id: number;
  allocationId: number;
  paidOn: string;
  fiscalYear: number;
  amountCents: bigint;
  /** The payment's own cost type, else its line's. */
  costType: string | null;
}

/** Counted payments of the locality through a fiscal year (inclusive), oldest first. */
export async function readPaymentsThrough(db: Executor, localityId: number, lastFiscalYear: number): Promise<LedgerPayment[]> {
  return queryMoneyRows<LedgerPayment>(
    db,
    sql`select x.id, x.allocation_id as "allocationId", x.paid_on::text as "paidOn", x.fiscal_year::int as "fiscalYear",
          x.amount_cents::text as amount, ${paymentCostTypeSql(sql.raw('x'), sql.raw('a'))}::text as "costType"
        from expenditures x join allocations a on a.id = x.allocation_id
        where x.locality_id = ${localityId} and ${countedMoneySql(sql`x`)} and ${PUBLIC_ALLOCATION(sql.raw('a'))}
          and x.fiscal_year <= ${lastFiscalYear}
        order by x.paid_on, x.id`,
  );
}

/** One payment's part in one category of a target framework (a payment on a split line has one part per share). */
export interface PaymentPart {
  paymentId: number;
  allocationId: number;
  amountCents: bigint;
  costType: string | null;
  /** Key in the target framework ("framework:key" for money kept in its own category), or null when not covered. */
  categoryKey: string | null;
  categoryLabel: string | null;
  categoryGroup: string | null;
  sortOrder: number;
  /** The line has no category at all. */
  uncategorized: boolean;
}

/**
 * The payments of one fiscal year, each divided among its line's categories by the line's shares (largest
 * remainder per payment, so a payment's parts add up to it to the cent) and carried into a target framework through
 * THE crosswalk (crosswalkTargetSql). A part the framework does not cover has categoryKey null.
 */
export async function readPaymentParts(
  db: Executor,
  options: { localityId: number; fiscalYear: number; frameworkKey: string },
): Promise<PaymentPart[]> {
  const target = sql`(select id from target)`;
  const reported = reportedCategorySql(sql.raw('t'), target);
  return queryMoneyRows<PaymentPart>(
    db,
    sql`
      with target as (select id from frameworks where key = ${options.frameworkKey}),
      payments as (
        select x.id, x.allocation_id, x.amount_cents::numeric as amount, ${paymentCostTypeSql(sql.raw('x'), sql.raw('a'))}::text as cost_type
        from expenditures x join allocations a on a.id = x.allocation_id
        where x.locality_id = ${options.localityId} and x.fiscal_year = ${options.fiscalYear} and ${countedMoneySql(sql`x`)}
          and ${PUBLIC_ALLOCATION(sql.raw('a'))}
      ),
      shares as (
        select p.id, p.allocation_id, p.cost_type, p.amount, s.category_id,
          div(abs(p.amount) * coalesce(s.share_bp, 10000), 10000) as base,
          mod(abs(p.amount) * coalesce(s.share_bp, 10000), 10000) as remainder
        from payments p left join allocation_splits s on s.allocation_id = p.allocation_id
      ),
      ranked as (
        select *, abs(amount) - sum(base) over (partition by id) as leftover,
          row_number() over (partition by id order by remainder desc, category_id) as rank
        from shares
      ),
      parts as (
        select id, allocation_id, cost_type, category_id,
          sign(amount) * (base + case when rank <= leftover then 1 else 0 end) as amount
        from ranked
      ),
      mapped as (
        select p.*, ${crosswalkTargetSql({ categoryId: sql`p.category_id`, allocationId: sql`p.allocation_id`, targetFrameworkId: target })} as target_id
        from parts p
      )
      select m.id as "paymentId", m.allocation_id as "allocationId", m.amount::bigint::text as amount, m.cost_type as "costType",
        case when t.id is null then null else ${reported.key} end as "categoryKey",
        t.label as "categoryLabel",
        case when t.id is null then null else ${reported.group} end as "categoryGroup",
        coalesce(case when t.framework_id = ${target} then t.sort_order end, 1000000)::int as "sortOrder",
        m.category_id is null as uncategorized
      from mapped m left join categories t on t.id = m.target_id
      where m.amount <> 0
      order by m.id, m.category_id`,
  );
}

// ---- Figures ----

export function sources(partial: Partial<FigureSources> = {}): FigureSources {
  const unique = (ids: number[] | undefined) => [...new Set(ids ?? [])].sort((a, b) => a - b);
  return { receipts: unique(partial.receipts), payments: unique(partial.payments), lines: unique(partial.lines), fund: partial.fund ?? false };
}

export function money(cents: bigint, from: Partial<FigureSources> = {}): ReportCell {
  return { kind: 'money', cents, sources: sources(from) };
}

export function text(value: string): ReportCell {
  return { kind: 'text', text: value };
}

export function date(value: string | null): ReportCell {
  return { kind: 'date', date: value };
}

/** The cents of a set of receipts or payments, and their ids: one figure. */
export function sumOf<T extends { id: number; amountCents: bigint }>(items: readonly T[], kind: 'receipts' | 'payments'): ReportCell {
  let cents = 0n;
  for (const item of items) cents += item.amountCents;
  return money(cents, { [kind]: items.map((item) => item.id) });
}

/**
 * A percentage of two cent amounts as an exact decimal string with two places, rounded half away from zero with
 * bigint arithmetic (never a float). Null when the whole is zero.
 */
export function percentOf(part: bigint, whole: bigint): string | null {
  if (whole === 0n) return null;
  const negative = (part < 0n) !== (whole < 0n) && part !== 0n;
  const p = part < 0n ? -part : part;
  const w = whole < 0n ? -whole : whole;
  // Hundredths of a percent: part / whole × 10000, rounded half up on the magnitude.
  const scaled = (p * 10000n * 2n + w) / (w * 2n);
  const whole100 = scaled / 100n;
  const fraction = String(scaled % 100n).padStart(2, '0');
  return `${negative && scaled !== 0n ? '-' : ''}${whole100}.${fraction}`;
}

// ---- Dates (ISO strings, UTC arithmetic so no time zone moves them) ----

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** The same day `months` later, or the last day of that month when it has no such day (31 Aug + 18 months = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, day] = isoDate.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, month, Math.min(day, lastDay))));
}
