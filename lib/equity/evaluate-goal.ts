import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { equityGoals } from '@/db/schema';
import { roundFraction } from './decimal';
import { evaluateMeasure } from './measures';
import { formatUnits, MEASURE_UNIT } from './measure-info';
import type { MeasureScope } from './sql-parts';
import { describeThresholds, goalStatus } from './status';
import type { EquityGoal, GoalResult } from './types';

export interface ComputeEquityGoalsOptions {
  /**
   * Count this allocation as if the board had approved it (it must belong to the locality), so the review page can
   * show how each goal's actual would move.
   */
  includeAllocationId?: number;
}

/** One goal against the data: its actual (exact), status, thresholds in words, and the inputs behind it. */
export async function evaluateGoal(executor: Executor, goal: EquityGoal, scope: MeasureScope = {}): Promise<GoalResult> {
  const measured = await evaluateMeasure(executor, goal.localityId, goal.fiscalYear, goal, scope);
  const unit = MEASURE_UNIT[goal.measure];
  const actualUnits = measured.value === null ? null : roundFraction(measured.value);
  return {
    goal,
    actual: actualUnits === null ? null : formatUnits(actualUnits, unit),
    actualUnits,
    actualUnit: unit,
    target: formatUnits(goal.target, unit),
    status: goalStatus(goal.comparator, goal.target, goal.amberMargin, measured.value),
    thresholds: describeThresholds(goal.measure, goal.comparator, goal.target, goal.amberMargin),
    missing: measured.missing,
    inputs: measured.inputs,
  };
}

export async function listGoals(executor: Executor, localityId: number, fiscalYear: number): Promise<EquityGoal[]> {
  return executor
    .select()
    .from(equityGoals)
    .where(and(eq(equityGoals.localityId, localityId), eq(equityGoals.fiscalYear, fiscalYear), isNull(equityGoals.deletedAt)))
    .orderBy(asc(equityGoals.id));
}

/** Every goal (not deleted) a locality set for a fiscal year, computed from the database. */
export async function computeEquityGoals(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
  options: ComputeEquityGoalsOptions = {},
): Promise<GoalResult[]> {
  const goals = await listGoals(executor, localityId, fiscalYear);
  const scope: MeasureScope = options.includeAllocationId !== undefined ? { includeAllocationId: options.includeAllocationId } : {};
  const results: GoalResult[] = [];
  // One query at a time: a transaction (and the embedded database) runs one statement at a time anyway.
  for (const goal of goals) results.push(await evaluateGoal(executor, goal, scope));
  return results;
}
