import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { localities } from '@/db/schema';
import { queryRows } from '@/lib/data/rows';
import { NotFound } from '@/lib/errors';
import { fiscalYearBounds, todayIso } from '@/lib/fiscal-year';
import { roundFraction } from './decimal';
import { evaluateMeasure } from './measures';
import { formatUnits, MEASURE_UNIT, MEASURES_WITH_BASIS } from './measure-info';
import type { MeasureScope } from './sql-parts';
import { goalStatus } from './status';
import type { ActualUnit, EquityGoal, GoalStatus } from './types';
import { countedMoneySql } from '@/lib/data/sql/posted';

export interface TrendPoint {
  fiscalYear: number;
  /** Set on quarterly points. */
  quarter?: 1 | 2 | 3 | 4;
  /** Quarterly points count money up to and including this day (YYYY-MM-DD). */
  through?: string;
  actual: string | null;
  actualUnits: bigint | null;
  /** Against the goal's own target and margin, so the chart can colour every point the same way. */
  status: GoalStatus;
  missing: string[];
}

export interface GoalTrend {
  goalId: number;
  actualUnit: ActualUnit;
  /** Every fiscal year the locality has data for (money, receipts, context or people served), oldest first. */
  years: TrendPoint[];
  /** Year to date at the end of each quarter of the goal's fiscal year; empty when quarters mean nothing here. */
  quarters: TrendPoint[];
  /** What the quarterly points are, or why there are none — to show under the chart. */
  quarterNote: string;
}

export interface GoalTrendOptions {
  /** Quarters that start after this day (YYYY-MM-DD) are left out; defaults to today. */
  asOf?: string;
}

/** Quarters are meaningful only where money moves during the year: payments and receipts have dates. */
export function hasQuarters(goal: Pick<EquityGoal, 'measure' | 'basis'>): boolean {
  if (goal.measure === 'spend_down') return true;
  return MEASURES_WITH_BASIS.has(goal.measure) && goal.basis === 'spent';
}

function quarterNote(goal: Pick<EquityGoal, 'measure' | 'basis'>): string {
  if (hasQuarters(goal)) {
    return 'Each quarter shows the year to date: payments (and, for spend-down, receipts) from the start of the fiscal year to the end of that quarter. The fourth quarter equals the whole year.';
  }
  if (goal.measure === 'reach_parity') return 'People served are reported for a whole fiscal year, so this goal is shown per fiscal year only.';
  if (goal.measure === 'completeness') return 'Completeness is about the lines approved for a fiscal year, so it is shown per fiscal year only.';
  return 'Allocations are approved for a whole fiscal year and carry no date within it, so a goal measured on allocated money is shown per fiscal year only.';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** First and last day of quarter q (1–4) of a fiscal year, with the locality's start month. */
export function fiscalQuarterBounds(fiscalYear: number, startMonth: number, quarter: 1 | 2 | 3 | 4): { start: string; end: string } {
  const { start } = fiscalYearBounds(fiscalYear, startMonth);
  const startYear = Number(start.slice(0, 4));
  const first = new Date(Date.UTC(startYear, startMonth - 1 + 3 * (quarter - 1), 1));
  const last = new Date(Date.UTC(startYear, startMonth - 1 + 3 * quarter, 0));
  const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return { start: iso(first), end: iso(last) };
}

/** Fiscal years for which the locality has any data a measure can use, oldest first. */
export async function listEquityYears(executor: Executor, localityId: number): Promise<number[]> {
  const rows = await queryRows<{ fy: number }>(
    executor,
    sql`
      select distinct y.fy::int as fy from (
        select a.fiscal_year as fy from allocations a
          where a.locality_id = ${localityId} and a.status = 'approved' and a.deleted_at is null
        union
        select x.fiscal_year from expenditures x join allocations a on a.id = x.allocation_id
          where x.locality_id = ${localityId} and ${countedMoneySql(sql`x`)} and a.status = 'approved' and a.deleted_at is null
        union
        select r.fiscal_year from receipts r where r.locality_id = ${localityId} and ${countedMoneySql(sql`r`)}
        union
        select c.fiscal_year from locality_context c where c.locality_id = ${localityId}
        union
        select b.fiscal_year from context_breakdowns b where b.locality_id = ${localityId}
        union
        select p.fiscal_year from people_served p join allocations a on a.id = p.allocation_id
          where p.locality_id = ${localityId} and a.status = 'approved' and a.deleted_at is null
      ) y order by 1`,
  );
  return rows.map((row) => row.fy);
}

async function point(executor: Executor, goal: EquityGoal, fiscalYear: number, scope: MeasureScope): Promise<TrendPoint> {
  const measured = await evaluateMeasure(executor, goal.localityId, fiscalYear, goal, scope);
  const actualUnits = measured.value === null ? null : roundFraction(measured.value);
  return {
    fiscalYear,
    actual: actualUnits === null ? null : formatUnits(actualUnits, MEASURE_UNIT[goal.measure]),
    actualUnits,
    status: goalStatus(goal.comparator, goal.target, goal.amberMargin, measured.value),
    missing: measured.missing,
  };
}

/**
 * A goal's actual in every fiscal year with data (measured the same way, against the same target), and — where it
 * means something — year to date at the end of each quarter of the goal's own fiscal year.
 */
export async function computeGoalTrend(executor: Executor, goal: EquityGoal, options: GoalTrendOptions = {}): Promise<GoalTrend> {
  const [locality] = await executor
    .select({ fyStartMonth: localities.fyStartMonth })
    .from(localities)
    .where(eq(localities.id, goal.localityId));
  if (!locality) throw new NotFound('That locality');

  const years = [...new Set([...(await listEquityYears(executor, goal.localityId)), goal.fiscalYear])].sort((a, b) => a - b);
  const yearPoints: TrendPoint[] = [];
  for (const fiscalYear of years) yearPoints.push(await point(executor, goal, fiscalYear, {}));

  const quarters: TrendPoint[] = [];
  if (hasQuarters(goal)) {
    const asOf = options.asOf ?? todayIso();
    for (const quarter of [1, 2, 3, 4] as const) {
      const { start, end } = fiscalQuarterBounds(goal.fiscalYear, locality.fyStartMonth, quarter);
      if (start > asOf) break;
      const measured = await point(executor, goal, goal.fiscalYear, { paidThrough: end, receivedThrough: end });
      quarters.push({ ...measured, quarter, through: end });
    }
  }
  return { goalId: goal.id, actualUnit: MEASURE_UNIT[goal.measure], years: yearPoints, quarters, quarterNote: quarterNote(goal) };
}
