import { describe, expect, it } from 'vitest';
import type { BoardDecision } from '@/lib/data/board-decisions';
import type { GoalTrendView } from '@/lib/data/board-summary';
import type { GoalStatus } from '@/lib/equity/types';
import { boardDecisionRows, boardGoalLists, boardTrendItems, decisionsCountText } from './board-summary-view';

const goal = (id: number, subject: string, status: GoalStatus) => ({ id, measure: 'group_share' as const, subject, basis: 'allocated' as const, status });
const goals = [goal(1, 'harm reduction', 'met'), goal(2, 'treatment', 'close'), goal(3, 'recovery', 'missed'), goal(4, 'prevention', 'not_enough_data')];

const decision = (over: Partial<BoardDecision>): BoardDecision => ({
  id: '10',
  allocationId: 7,
  program: 'Naloxone kits',
  amountCents: 500_00n,
  decision: 'approve',
  reason: 'Fits the plan',
  decidedBy: 'Vi Reviewer',
  at: '2026-03-02 14:05 UTC',
  currentStatus: 'approved',
  ...over,
});

describe('board summary view', () => {
  it('lists the goals met, and the goals missed or close with the colour in words', () => {
    expect(boardGoalLists(goals, {})).toEqual({
      met: [{ id: 1, text: 'Harm reduction share of allocated money' }],
      notMet: [
        { id: 2, text: 'Treatment share of allocated money (close, amber)' },
        { id: 3, text: 'Recovery share of allocated money (missed, red)' },
      ],
    });
  });

  it('counts approvals and returns', () => {
    expect(decisionsCountText([], 2026)).toBe('The board has not decided on any FY2026 line yet.');
    expect(decisionsCountText([{ decision: 'approve' }, { decision: 'return' }], 2026)).toBe('1 approval and 1 return on FY2026 lines, from the audit log.');
    expect(decisionsCountText([{ decision: 'approve' }, { decision: 'approve' }], 2026)).toBe('2 approvals and 0 returns on FY2026 lines, from the audit log.');
  });

  it('shapes a decision row, without a link to a deleted line', () => {
    expect(boardDecisionRows([decision({})], '/staff/l/x')).toEqual([
      {
        at: '2026-03-02 14:05 UTC',
        program: 'Naloxone kits',
        href: '/staff/l/x/allocations/7',
        amount: '50000',
        decision: 'Approved',
        tone: 'ok',
        reason: 'Fits the plan',
        by: 'Vi Reviewer',
      },
    ]);
    const [row] = boardDecisionRows([decision({ decision: 'return', currentStatus: 'deleted', decidedBy: null, reason: null })], '/b');
    expect(row).toMatchObject({ href: null, decision: 'Returned', tone: 'warn', by: 'unknown', reason: null });
  });

  it('pairs each goal with its trend, in the goals order, leaving out goals without one', () => {
    const trend = (goalId: number): GoalTrendView => ({ goalId, unit: 'percent', years: [], quarters: [], quarterNote: '' });
    const items = boardTrendItems(goals, [trend(3), trend(1)], {});
    expect(items.map((item) => [item.goal.id, item.trend.goalId, item.title])).toEqual([
      [1, 1, 'Harm reduction share of allocated money'],
      [3, 3, 'Recovery share of allocated money'],
    ]);
  });
});
