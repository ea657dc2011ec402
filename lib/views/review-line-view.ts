/**
 * The review page's words around the queue: how many lines wait (and in which other years), the notice after a
 * decision, the facts of one submitted line, and each goal now against the same goal if the line is approved.
 * Pure: tested without a database.
 */
import type { GoalImpact, ReviewLine } from '@/lib/data/board-review';
import { describeTarget, DIRECTION_ARROW, formatGoalValue, type Direction } from '@/lib/data/board-words';
import type { StaffAllocationDetail } from '@/lib/data/staff-allocations';
import type { GoalStatus } from '@/lib/equity/types';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import { recipientKindText } from './line-facts-view';

export const DIRECTION_WORDS: Readonly<Record<Direction, string>> = {
  up: 'rises',
  down: 'falls',
  same: 'no change',
  unknown: 'cannot compare',
};

/** "No lines are waiting for the board in FY2026.": the count when there are none, and the empty queue's message. */
export function noLinesWaitingText(fiscalYear: number): string {
  return `No lines are waiting for the board in FY${fiscalYear}.`;
}

/** "2 lines are waiting for the board in FY2026. Also waiting: FY2025 (1), FY2027 (3)." */
export function reviewCountText(count: number, fiscalYear: number, elsewhere: readonly { fiscalYear: number; submitted: number }[]): string {
  const waiting = count === 0 ? noLinesWaitingText(fiscalYear) : `${count === 1 ? '1 line is' : `${count} lines are`} waiting for the board in FY${fiscalYear}.`;
  // Lines of other years would otherwise go unseen: the page shows one fiscal year at a time.
  const also = elsewhere.length > 0 ? ` Also waiting: ${elsewhere.map((w) => `FY${w.fiscalYear} (${w.submitted})`).join(', ')}.` : '';
  return `${waiting}${also}`;
}

/** What the queue says when it shows no row: nothing waits at all, or the search and filter hide every line. */
export function queueEmptyText(count: number, fiscalYear: number): string {
  return count === 0 ? noLinesWaitingText(fiscalYear) : 'No waiting line matches this view.';
}

/** The `decided=` parameter a decision redirects with: an allocation id, or null for anything else. */
export function parseDecidedId(value: string | undefined): number | null {
  return typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : null;
}

export interface DecidedNotice {
  /** "Returned: “Patrol vehicles”, with the reason “Not remediation”." */
  text: string;
  href: string;
}

type DecidedLine = Pick<StaffAllocationDetail, 'id' | 'status' | 'program' | 'decisionReason'>;

/** The notice after a decision, or null when the line is not (or no longer) approved or returned. */
export function decidedNotice(decided: DecidedLine | null, base: string): DecidedNotice | null {
  if (!decided || (decided.status !== 'approved' && decided.status !== 'returned')) return null;
  const reason = decided.decisionReason ? `, with the reason “${decided.decisionReason}”` : '';
  return { text: `${decided.status === 'approved' ? 'Approved' : 'Returned'}: “${decided.program}”${reason}.`, href: `${base}/allocations/${decided.id}` };
}

export interface ReviewLineFacts {
  amountCents: string;
  /** "$48,000.00" */
  amount: string;
  /** Null when no recipient is recorded. */
  recipient: { name: string; kind: string } | null;
  /** "2026-01-02 10:00 UTC by Ed", "time not recorded" */
  submitted: string;
  /** "Naloxone (Harm reduction, Health first) 75%; …", or "None" */
  categories: string;
  /** Null when the line has none. */
  description: string | null;
}

export function reviewLineFacts(line: ReviewLine): ReviewLineFacts {
  return {
    amountCents: line.amountCents.toString(),
    amount: formatCents(line.amountCents),
    recipient: line.recipient ? { name: line.recipient.name, kind: recipientKindText(line.recipient) } : null,
    submitted: `${line.submittedAt ?? 'time not recorded'}${line.submittedBy ? ` by ${line.submittedBy.name}` : ''}`,
    categories:
      line.categories.length === 0
        ? 'None'
        : line.categories.map((c) => `${c.label} (${c.group}, ${c.frameworkName}) ${formatPercentFromBasisPoints(c.shareBasisPoints)}`).join('; '),
    description: line.description || null,
  };
}

export interface ImpactValue {
  /** "22.10%", "not enough data" */
  text: string;
  /** The exact decimal, for the data-value attribute; undefined (no attribute) when there is none. */
  value: string | undefined;
  status: GoalStatus;
}

export interface ImpactRow {
  goalId: number;
  title: string;
  /** "Harm reduction share of allocated money would rise from 22.10% to 24.35% (missed → close)." */
  sentence: string;
  direction: Direction;
  arrow: string;
  /** "rises", "falls", … beside the arrow, which alone would say nothing to a screen reader. */
  directionWord: string;
  /** "at least 25.00%" */
  target: string;
  before: ImpactValue;
  after: ImpactValue;
}

function impactValue(side: GoalImpact['before'], unit: GoalImpact['unit']): ImpactValue {
  return { text: formatGoalValue(side.actual, unit), value: side.actual ?? undefined, status: side.status };
}

/** One row a goal: how it stands now and if the line is approved. */
export function impactRows(goals: readonly GoalImpact[]): ImpactRow[] {
  return goals.map((goal) => ({
    goalId: goal.goalId,
    title: goal.title,
    sentence: goal.sentence,
    direction: goal.direction,
    arrow: DIRECTION_ARROW[goal.direction],
    directionWord: DIRECTION_WORDS[goal.direction],
    target: describeTarget(goal.comparator, goal.target, goal.unit),
    before: impactValue(goal.before, goal.unit),
    after: impactValue(goal.after, goal.unit),
  }));
}
