import { describeTarget, formatGoalValue, goalsCountSentence, goalTitle, type SubjectLabels } from '@/lib/data/board-words';
import type { EquityApiAnswer, PublicEquityFlag, PublicEquityGoal } from '@/lib/equity/public';

/**
 * The locality page's one sentence about the year's flags, which are listed in full on the equity page:
 * "No flags for FY2026." or "5 flags for the board to look at first, 2 of them high."
 */
export function flagsSentence(flags: readonly Pick<PublicEquityFlag, 'severity'>[], fiscalYear: number): string {
  if (flags.length === 0) return `No flags for FY${fiscalYear}.`;
  const high = flags.filter((flag) => flag.severity === 'high').length;
  const count = flags.length === 1 ? '1 flag' : `${flags.length} flags`;
  const severity = high === 0 ? '' : high === flags.length ? (high === 1 ? ', high' : ', all high') : `, ${high} of them high`;
  return `${count} for the board to look at first${severity}.`;
}

export interface GoalSummaryRow {
  id: number;
  title: string;
  /** "at least 30.00%" */
  target: string;
  /** "55.48%", "withheld" (a count of fewer than 11 people behind it) or "not enough data". */
  actual: string;
  status: PublicEquityGoal['status'];
}

/** One row a goal for the locality page's short list; the equity page draws them against their targets. */
export function goalSummaryRows(
  goals: readonly Pick<PublicEquityGoal, 'id' | 'measure' | 'subject' | 'basis' | 'comparator' | 'unit' | 'target' | 'actual' | 'status' | 'suppression'>[],
  labels: SubjectLabels,
): GoalSummaryRow[] {
  return goals.map((goal) => ({
    id: goal.id,
    title: goalTitle(goal, labels),
    target: describeTarget(goal.comparator, goal.target, goal.unit),
    actual: goal.actual === null ? (goal.suppression ? 'withheld' : 'not enough data') : formatGoalValue(goal.actual, goal.unit),
    status: goal.status,
  }));
}

/** What the locality page's equity section shows, in words; null for a year without goals or flags. */
export function equitySummaryView(equity: Omit<EquityApiAnswer, 'locality'>, labels: SubjectLabels) {
  const { goals, flags, fiscal_year: fiscalYear } = equity;
  if (goals.length === 0 && flags.length === 0) return null;
  return {
    fiscalYear,
    goalsSentence: goals.length > 0 ? goalsCountSentence(goals.map((goal) => goal.status)) : `No equity goals are set for FY${fiscalYear}.`,
    flagsSentence: flagsSentence(flags, fiscalYear),
    goals: goalSummaryRows(goals, labels),
  };
}
