import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { allocations, expenditures, programOutcomes } from '@/db/schema';
import { fiscalYearBounds, fiscalYearOf } from '@/lib/fiscal-year';
import type { OutcomeFigures } from '@/lib/outcomes/measures';
import { queryRows, toCents } from './rows';
import { countedMoneySql } from './sql/posted';

/** One approved outcome of an approved program, with what the program spent in the outcome's own period. */
export interface PublicOutcome extends OutcomeFigures {
  id: number;
  allocationId: number;
  program: string;
  /** Posted payments against the program dated inside the period (first to last day, inclusive). */
  spentInPeriodCents: bigint;
}

/** An approved program with posted spending in the fiscal year: it reports outcomes, or is "not reported". */
export interface ProgramSpending {
  allocationId: number;
  program: string;
  spentInYearCents: bigint;
}

export interface PublicOutcomes {
  outcomes: PublicOutcome[];
  programs: ProgramSpending[];
}

/** A row as the driver returns it: the money and the count as exact decimal text. */
type OutcomeRow = Omit<PublicOutcome, 'units' | 'spentInPeriodCents'> & { units: string; spent: string };

/**
 * What the public sees of a locality's outcomes in one fiscal year: approved outcomes of approved, live programs, and
 * every approved program that spent money that year. An outcome belongs to the fiscal year its period ENDS in — a
 * report for April–June 2026 is a FY2026 figure in a July-start locality, however early it began — so each outcome
 * is counted in exactly one year. Spending is counted as everywhere else (posted, not deleted: sql/posted.ts).
 */
export async function listPublicOutcomes(
  executor: Executor,
  args: { localityId: number; fiscalYear: number; fyStartMonth: number },
): Promise<PublicOutcomes> {
  const { start, end } = fiscalYearBounds(args.fiscalYear, args.fyStartMonth);
  const o = programOutcomes;
  const a = allocations;
  const x = expenditures;
  const rows = await queryRows<OutcomeRow>(
    executor,
    sql`
      select ${o.id} as id, ${o.allocationId} as "allocationId", ${a.program} as program, ${o.measure}::text as measure,
        ${o.customMeasureName} as "customMeasureName", ${o.unit} as unit,
        ${o.periodStart}::text as "periodStart", ${o.periodEnd}::text as "periodEnd", ${o.units}::text as units, ${o.source} as source,
        (select coalesce(sum(${x.amountCents}), 0) from ${x}
          where ${x.allocationId} = ${o.allocationId} and ${x.localityId} = ${args.localityId}
            and ${countedMoneySql(sql`${x}`)} and ${x.paidOn} between ${o.periodStart} and ${o.periodEnd})::text as spent
      from ${o} join ${a} on ${a.id} = ${o.allocationId}
      where ${o.localityId} = ${args.localityId} and ${o.status} = 'approved' and ${o.deletedAt} is null
        and ${a.status} = 'approved' and ${a.deletedAt} is null
        and ${o.periodEnd} between ${start}::date and ${end}::date
      order by ${a.program}, ${o.allocationId}, ${o.periodEnd}, ${o.measure}, ${o.id}`,
  );
  const programs = await queryRows<{ allocationId: number; program: string; spent: string }>(
    executor,
    sql`
      select ${a.id} as "allocationId", ${a.program} as program, sum(${x.amountCents})::text as spent
      from ${a} join ${x} on ${x.allocationId} = ${a.id}
      where ${a.localityId} = ${args.localityId} and ${a.status} = 'approved' and ${a.deletedAt} is null
        and ${x.localityId} = ${args.localityId} and ${countedMoneySql(sql`${x}`)} and ${x.fiscalYear} = ${args.fiscalYear}
      group by ${a.id}, ${a.program}
      having sum(${x.amountCents}) <> 0
      order by ${a.program}, ${a.id}`,
  );
  return {
    outcomes: rows.map((row) => ({ ...row, units: BigInt(row.units), spentInPeriodCents: toCents(row.spent) })),
    programs: programs.map((row) => ({ allocationId: row.allocationId, program: row.program, spentInYearCents: toCents(row.spent) })),
  };
}

/** The fiscal years (oldest first) that have an approved outcome of an approved program: its period's end's year. */
export async function listOutcomeFiscalYears(executor: Executor, args: { localityId: number; fyStartMonth: number }): Promise<number[]> {
  const o = programOutcomes;
  const a = allocations;
  const rows = await queryRows<{ periodEnd: string }>(
    executor,
    sql`
      select distinct ${o.periodEnd}::text as "periodEnd"
      from ${o} join ${a} on ${a.id} = ${o.allocationId}
      where ${o.localityId} = ${args.localityId} and ${o.status} = 'approved' and ${o.deletedAt} is null
        and ${a.status} = 'approved' and ${a.deletedAt} is null`,
  );
  // The fiscal-year rule lives in lib/fiscal-year; a locality has few distinct period ends.
  return [...new Set(rows.map((row) => fiscalYearOf(row.periodEnd, args.fyStartMonth)))].sort((x, y) => x - y);
}
