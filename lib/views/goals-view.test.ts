import { describe, expect, it } from 'vitest';
import type { GoalRow } from '@/lib/data/board-goals';
import { goalCardWords, goalsCountText, newGoalValues, savedGoal, thresholdsText } from './goals-view';

const thresholds = { green: 'green at 25% or more', amber: 'amber from 20% up to 25%; red below 20%' };
const row = { actual: '22.10', target: '25.00', unit: 'percent', thresholds, missing: [], values: { ...newGoalValues(2026), target: '25' } } satisfies Pick<
  GoalRow,
  'actual' | 'target' | 'unit' | 'thresholds' | 'missing' | 'values'
>;

describe('goals view', () => {
  it('counts the goals, or says there are none yet', () => {
    expect(goalsCountText([], 2029)).toBe('No goals are set for FY2029 yet.');
    expect(goalsCountText([{ status: 'met' }, { status: 'missed' }], 2029)).toBe('1 of 2 goals met, 1 missed.');
  });

  it('joins the thresholds', () => {
    expect(thresholdsText(thresholds)).toBe('green at 25% or more; amber from 20% up to 25%; red below 20%');
  });

  it('words a goal card: its actual, its target, its thresholds and what is missing', () => {
    expect(goalCardWords(row)).toEqual({
      actual: '22.10%',
      target: 'at least 25.00%',
      note: 'green at 25% or more; amber from 20% up to 25%; red below 20%.',
    });
    expect(goalCardWords({ ...row, actual: null, missing: ['overdose deaths for FY2027', 'residents'] })).toMatchObject({
      actual: 'not enough data',
      note: 'green at 25% or more; amber from 20% up to 25%; red below 20%. Missing: overdose deaths for FY2027; residents.',
    });
  });

  it('finds the saved goal by a strict id', () => {
    const goals = [{ id: 4 }, { id: 12 }];
    expect(savedGoal('12', goals)).toEqual({ id: 12 });
    expect(savedGoal('13', goals)).toBeUndefined();
    expect(savedGoal(['12'], goals)).toBeUndefined();
    expect(savedGoal('1e1', goals)).toBeUndefined();
    expect(savedGoal(undefined, goals)).toBeUndefined();
  });

  it('starts a new goal on the year shown', () => {
    expect(newGoalValues(2027)).toMatchObject({ fiscalYear: '2027', measure: 'group_share', comparator: 'at_least', target: '', amberMargin: '0' });
  });
});
