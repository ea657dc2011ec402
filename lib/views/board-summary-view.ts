/**
 * The board summary's words and rows: the goals met and not met, the decisions taken (as a sentence and as table
 * rows) and which goals have a trend to draw. Pure: tested without a database.
 */
import type { BoardDecision } from '@/lib/data/board-decisions';
import type { GoalTrendView } from '@/lib/data/board-summary';
import { goalTitle, type GoalNameParts, type SubjectLabels } from '@/lib/data/board-words';
import type { GoalStatus } from '@/lib/equity/types';

type BoardGoal = GoalNameParts & { id: number; status: GoalStatus };

export interface BoardGoalItem {
  id: number;
  /** "Harm reduction share of allocated money"; a goal not met says how far: "… (close, amber)". */
  text: string;
}

export interface BoardGoalLists {
  met: BoardGoalItem[];
  /** Missed and close goals; goals without enough data are in neither list. */
  notMet: BoardGoalItem[];
}

export function boardGoalLists(goals: readonly BoardGoal[], labels: SubjectLabels): BoardGoalLists {
  return {
    met: goals.filter((goal) => goal.status === 'met').map((goal) => ({ id: goal.id, text: goalTitle(goal, labels) })),
    notMet: goals
      .filter((goal) => goal.status === 'missed' || goal.status === 'close')
      // The colour is named in words too: the summary is printed, often in black and white.
      .map((goal) => ({ id: goal.id, text: `${goalTitle(goal, labels)} (${goal.status === 'close' ? 'close, amber' : 'missed, red'})` })),
  };
}

/** "3 approvals and 1 return on FY2026 lines, from the audit log." */
export function decisionsCountText(decisions: readonly Pick<BoardDecision, 'decision'>[], fiscalYear: number): string {
  if (decisions.length === 0) return `The board has not decided on any FY${fiscalYear} line yet.`;
  const approvals = decisions.filter((d) => d.decision === 'approve').length;
  const returns = decisions.length - approvals;
  return `${approvals} ${approvals === 1 ? 'approval' : 'approvals'} and ${returns} ${returns === 1 ? 'return' : 'returns'} on FY${fiscalYear} lines, from the audit log.`;
}

export interface BoardDecisionRow {
  [key: string]: string | null;
  at: string;
  program: string;
  /** Null for a line deleted since: its page is gone. */
  href: string | null;
  amount: string;
  decision: string;
  tone: string;
  reason: string | null;
  by: string;
}

export function boardDecisionRows(decisions: readonly BoardDecision[], base: string): BoardDecisionRow[] {
  return decisions.map((d) => ({
    at: d.at,
    program: d.program,
    href: d.currentStatus === 'deleted' ? null : `${base}/allocations/${d.allocationId}`,
    amount: d.amountCents.toString(),
    decision: d.decision === 'approve' ? 'Approved' : 'Returned',
    tone: d.decision === 'approve' ? 'ok' : 'warn',
    reason: d.reason,
    by: d.decidedBy ?? 'unknown',
  }));
}

export interface BoardTrendItem<G extends BoardGoal> {
  goal: G;
  trend: GoalTrendView;
  title: string;
}

/** Each goal with its trend, in the goals' order; a goal without a trend is left out. */
export function boardTrendItems<G extends BoardGoal>(goals: readonly G[], trends: readonly GoalTrendView[], labels: SubjectLabels): BoardTrendItem<G>[] {
  return goals.flatMap((goal) => {
    const trend = trends.find((t) => t.goalId === goal.id);
    return trend ? [{ goal, trend, title: goalTitle(goal, labels) }] : [];
  });
}
