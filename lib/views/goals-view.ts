/**
 * The equity goals page's words: how many goals are met, each goal card's values and thresholds, which goal was
 * just saved, and the values a new goal's form starts from. Pure: tested without a database.
 */
import type { GoalRow } from '@/lib/data/board-goals';
import { describeTarget, formatGoalValue, goalsCountSentence } from '@/lib/data/board-words';
import type { Thresholds } from '@/lib/equity/types';
import type { GoalFormValues } from '@/lib/services/equity/input';

/** "No goals are set for FY2029 yet.", or "3 of 8 goals met, …". */
export function goalsCountText(goals: readonly Pick<GoalRow, 'status'>[], fiscalYear: number): string {
  return goals.length === 0 ? `No goals are set for FY${fiscalYear} yet.` : goalsCountSentence(goals.map((goal) => goal.status));
}

/** "green at 25% or more; amber from 20% up to 25%; red below 20%" */
export function thresholdsText(thresholds: Thresholds): string {
  return `${thresholds.green}; ${thresholds.amber}`;
}

export interface GoalCardWords {
  /** "22.10%", "not enough data" */
  actual: string;
  /** "at least 25.00%" */
  target: string;
  /** The thresholds, then what is missing when the goal cannot be measured: "…; red below 20%. Missing: deaths." */
  note: string;
}

export function goalCardWords(goal: Pick<GoalRow, 'actual' | 'target' | 'unit' | 'thresholds' | 'missing' | 'values'>): GoalCardWords {
  return {
    actual: formatGoalValue(goal.actual, goal.unit),
    target: describeTarget(goal.values.comparator, goal.target, goal.unit),
    note: `${thresholdsText(goal.thresholds)}.${goal.missing.length > 0 ? ` Missing: ${goal.missing.join('; ')}.` : ''}`,
  };
}

/** The goal a save redirected back with (`saved=<id>`), if it is among this year's goals. */
export function savedGoal<G extends { id: number }>(param: string | string[] | undefined, goals: readonly G[]): G | undefined {
  return typeof param === 'string' && /^\d{1,10}$/.test(param) ? goals.find((goal) => goal.id === Number(param)) : undefined;
}

/** The form for another goal starts on the most common kind: a group's share of the allocated money, at least. */
export function newGoalValues(fiscalYear: number): GoalFormValues {
  return {
    fiscalYear: String(fiscalYear),
    measure: 'group_share',
    subject: '',
    frameworkKey: 'health-first',
    basis: 'allocated',
    comparator: 'at_least',
    target: '',
    amberMargin: '0',
    reason: '',
  };
}
