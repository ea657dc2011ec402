import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { fundOpeningBalances, localities } from '@/db/schema';
import { fiscalYearOf, todayIso } from '@/lib/fiscal-year';
import { PUBLIC_ALLOCATION } from './api-allocations';
import { queryRows, toCents } from './rows';
import { countedMoneySql } from '@/lib/data/sql/posted';

/**
 * The settlement fund, fiscal year by fiscal year: what it held at the start, what came in (settlements, grants,
 * interest and other revenue apart), what went out (and how much of that was audit and administration), and what it
 * held at the end. Balances are derived from the ledger every time, never stored (docs/adr/0010-fund-balances-are-derived.md):
 * ending = beginning + received − spent, to the cent, and each year begins with the previous year's ending. The only
 * stored balance is the opening one a locality enters once, when it starts using Abate mid-stream.
 *
 * What counts is what counts everywhere else (locality_year_totals, docs/adr/0006): receipts that are not deleted,
 * and payments not deleted against lines that are approved and not deleted (PUBLIC_ALLOCATION). So the fund is
 * public exactly as the locality page is, and its received and spent equal that page's totals year by year.
 */

export interface FundOpening {
  fiscalYear: number;
  amountCents: bigint;
}

export interface FundYear {
  fiscalYear: number;
  beginningCents: bigint;
  receivedSettlementCents: bigint;
  receivedGrantCents: bigint;
  receivedInterestCents: bigint;
  receivedOtherCents: bigint;
  /** The four kinds together: every receipt counts in exactly one. */
  receivedCents: bigint;
  spentCents: bigint;
  /** Part of spent: payments whose cost type (the payment's own, else its line's) is audit. */
  auditCents: bigint;
  /** Part of spent: payments whose cost type is administrative. */
  administrationCents: bigint;
  endingCents: bigint;
}

export interface FundYears {
  opening: FundOpening | null;
  /** Oldest first, one per fiscal year with no gaps. Empty when the locality has no opening balance and no money. */
  years: FundYear[];
}

/** A payment's cost type: its own, else its line's. One place for the rule, so reports and the fund agree. */
export const paymentCostTypeSql = (payment: SQL, line: SQL): SQL =>
  sql`coalesce(${payment}.cost_type, ${line}.cost_type)`;

/** Receipts count while they are not deleted (the rule of locality_year_totals and the public receipts list). */

interface FlowRow {
  fiscalYear: number;
  settlement: string;
  grant: string;
  interest: string;
  other: string;
  spent: string;
  audit: string;
  administration: string;
}

interface Flows {
  receivedSettlementCents: bigint;
  receivedGrantCents: bigint;
  receivedInterestCents: bigint;
  receivedOtherCents: bigint;
  spentCents: bigint;
  auditCents: bigint;
  administrationCents: bigint;
}

const NO_FLOWS: Flows = {
  receivedSettlementCents: 0n,
  receivedGrantCents: 0n,
  receivedInterestCents: 0n,
  receivedOtherCents: 0n,
  spentCents: 0n,
  auditCents: 0n,
  administrationCents: 0n,
};

/** A year in which no money moved: it begins and ends with `balanceCents`. */
export function quietFundYear(fiscalYear: number, balanceCents: bigint): FundYear {
  return { fiscalYear, beginningCents: balanceCents, ...NO_FLOWS, receivedCents: 0n, endingCents: balanceCents };
}

/** Money in and out of one locality's fund per fiscal year, from the rows (money cast to text: exact on both drivers). */
async function readFlows(executor: Executor, localityId: number): Promise<Map<number, Flows>> {
  const rc = sql.raw('rc');
  const x = sql.raw('x');
  const a = sql.raw('a');
  const cost = paymentCostTypeSql(x, a);
  const rows = await queryRows<FlowRow>(
    executor,
    sql`
      with flows as (
        select rc.fiscal_year, fs.kind::text as kind, rc.amount_cents as received,
          0::bigint as spent, 0::bigint as audit, 0::bigint as administration
        from receipts rc join funding_sources fs on fs.id = rc.source_id
        where rc.locality_id = ${localityId} and ${countedMoneySql(rc)}
        union all
        select x.fiscal_year, null, 0::bigint, x.amount_cents,
          case when ${cost} = 'audit' then x.amount_cents else 0 end,
          case when ${cost} = 'administrative' then x.amount_cents else 0 end
        from expenditures x join allocations a on a.id = x.allocation_id
        where x.locality_id = ${localityId} and ${countedMoneySql(sql`x`)} and ${PUBLIC_ALLOCATION(a)}
      )
      select fiscal_year::int as "fiscalYear",
        coalesce(sum(received) filter (where kind = 'settlement'), 0)::text as settlement,
        coalesce(sum(received) filter (where kind = 'grant'), 0)::text as "grant",
        coalesce(sum(received) filter (where kind = 'interest'), 0)::text as interest,
        coalesce(sum(received) filter (where kind = 'other'), 0)::text as other,
        sum(spent)::text as spent, sum(audit)::text as audit, sum(administration)::text as administration
      from flows group by fiscal_year order by fiscal_year`,
  );
  return new Map(
    rows.map((row) => [
      row.fiscalYear,
      {
        receivedSettlementCents: toCents(row.settlement),
        receivedGrantCents: toCents(row.grant),
        receivedInterestCents: toCents(row.interest),
        receivedOtherCents: toCents(row.other),
        spentCents: toCents(row.spent),
        auditCents: toCents(row.audit),
        administrationCents: toCents(row.administration),
      },
    ]),
  );
}

/** The first fiscal year with money in or out of the fund (counted as the fund counts it), or null when none. */
export async function firstMoneyYear(executor: Executor, localityId: number): Promise<number | null> {
  const years = [...(await readFlows(executor, localityId)).keys()];
  return years.length === 0 ? null : Math.min(...years);
}

export async function getFundOpening(executor: Executor, localityId: number): Promise<FundOpening | null> {
  const [row] = await executor
    .select({ fiscalYear: fundOpeningBalances.fiscalYear, amountCents: fundOpeningBalances.amountCents })
    .from(fundOpeningBalances)
    .where(eq(fundOpeningBalances.localityId, localityId));
  return row ? { fiscalYear: row.fiscalYear, amountCents: BigInt(row.amountCents) } : null;
}

/**
 * Rolls the balance forward over every year from `first` to `last`. Pure, so the identity can be tested on its own:
 * each ending is beginning + received − spent and the next year begins with it.
 */
export function rollFund(
  opening: FundOpening | null,
  flows: ReadonlyMap<number, Flows>,
  first: number,
  last: number,
): FundYear[] {
  const years: FundYear[] = [];
  let balance = opening?.amountCents ?? 0n;
  for (let fiscalYear = first; fiscalYear <= last; fiscalYear += 1) {
    const f = flows.get(fiscalYear) ?? NO_FLOWS;
    const receivedCents = f.receivedSettlementCents + f.receivedGrantCents + f.receivedInterestCents + f.receivedOtherCents;
    const endingCents = balance + receivedCents - f.spentCents;
    years.push({ fiscalYear, beginningCents: balance, ...f, receivedCents, endingCents });
    balance = endingCents;
  }
  return years;
}

/**
 * The years the fund spans: from the opening balance's year (or, without one, the first year with money) through
 * the last year with money or the current fiscal year, whichever is later. Money recorded before the opening
 * balance's year moves the start back to it, and the opening balance then stands at the start of that earlier year:
 * nothing recorded is left out of a balance (the staff fund page says when this happens).
 */
export function fundSpan(
  opening: FundOpening | null,
  moneyYears: readonly number[],
  currentYear: number,
): { first: number; last: number } | null {
  const starts = [...moneyYears, ...(opening ? [opening.fiscalYear] : [])];
  if (starts.length === 0) return null;
  return { first: Math.min(...starts), last: Math.max(currentYear, ...starts) };
}

async function currentFiscalYearOf(executor: Executor, localityId: number, asOf: string | undefined): Promise<number | null> {
  const [row] = await executor
    .select({ fyStartMonth: localities.fyStartMonth })
    .from(localities)
    .where(eq(localities.id, localityId));
  return row ? fiscalYearOf(asOf ?? todayIso(), row.fyStartMonth) : null;
}

async function readFund(
  executor: Executor,
  options: { localityId: number; asOf?: string; through?: number },
): Promise<FundYears> {
  const [opening, flows, current] = await Promise.all([
    getFundOpening(executor, options.localityId),
    readFlows(executor, options.localityId),
    currentFiscalYearOf(executor, options.localityId, options.asOf),
  ]);
  if (current === null) return { opening: null, years: [] };
  const span = fundSpan(opening, [...flows.keys()], Math.max(current, options.through ?? current));
  return { opening, years: span ? rollFund(opening, flows, span.first, span.last) : [] };
}

/** Every fiscal year of a locality's fund, oldest first. `asOf` (YYYY-MM-DD, default today) decides the current year. */
export function getFundYears(executor: Executor, options: { localityId: number; asOf?: string }): Promise<FundYears> {
  return readFund(executor, options);
}

/**
 * One fiscal year of the fund. A year after the last one with money carries the balance forward with nothing in or
 * out; a year before the fund's first year (or a locality with no fund at all) is null.
 */
export async function getFundYear(
  executor: Executor,
  options: { localityId: number; fiscalYear: number; asOf?: string },
): Promise<FundYear | null> {
  const fund = await readFund(executor, { ...options, through: options.fiscalYear });
  return fund.years.find((year) => year.fiscalYear === options.fiscalYear) ?? null;
}
