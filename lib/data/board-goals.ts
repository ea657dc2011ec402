/**
 * The goals page: a locality's goals for a fiscal year with their computed status and the values their edit forms
 * open with, the suggested goals not yet set, and what a goal's subject may be.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { suggestedGoals, type SuggestedGoal } from '@/lib/equity/default-goals';
import { computeEquityGoals } from '@/lib/equity/evaluate-goal';
import { formatUnits, MEASURE_UNIT, RECIPIENT_SUBJECTS } from '@/lib/equity/measure-info';
import { describeThresholds } from '@/lib/equity/status';
import type { EquityGoal, GoalResult } from '@/lib/equity/types';
import { goalFormValues, type GoalFormValues } from '@/lib/services/equity/input';
import { describeTarget, goalTitle, type SubjectLabels } from './board-words';
import { loadSubjectLabels } from './board-review';
import { queryRows } from './rows';

export interface GoalRow {
  id: number;
  version: number;
  title: string;
  /** Exact decimals in the goal's unit. */
  actual: string | null;
  target: string;
  unit: GoalResult['actualUnit'];
  status: GoalResult['status'];
  thresholds: GoalResult['thresholds'];
  missing: string[];
  values: GoalFormValues;
}

export interface SuggestionRow {
  title: string;
  /** "at least 25.00%" */
  target: string;
  thresholds: GoalResult['thresholds'];
  values: GoalFormValues;
}

export interface SubjectOptions {
  groups: string[];
  categories: { key: string; label: string; group: string }[];
  recipients: { key: string; label: string }[];
  raceGroups: { key: string; label: string }[];
}

export interface GoalsPageData {
  goals: GoalRow[];
  suggestions: SuggestionRow[];
  subjects: SubjectOptions;
  labels: Required<SubjectLabels>;
}

function sameGoal(a: Pick<EquityGoal, 'measure' | 'subject' | 'basis'>, b: Pick<SuggestedGoal, 'measure' | 'subject' | 'basis'>): boolean {
  return a.measure === b.measure && (a.subject ?? '').toLowerCase() === (b.subject ?? '').toLowerCase() && a.basis === b.basis;
}

export async function loadGoalsPage(executor: Executor, localityId: number, fiscalYear: number): Promise<GoalsPageData> {
  const results = await computeEquityGoals(executor, localityId, fiscalYear);
  const labels = await loadSubjectLabels(executor, localityId);
  const categories = await queryRows<{ key: string; label: string; group: string }>(
    executor,
    sql`select c.key, c.label, c.group_label as "group" from categories c join frameworks f on f.id = c.framework_id
        where f.key = 'health-first' order by c.sort_order, c.id`,
  );
  const groups = [...new Set(categories.map((category) => category.group))];
  const goals = results.map(
    (result): GoalRow => ({
      id: result.goal.id,
      version: result.goal.version,
      title: goalTitle(result.goal, labels),
      actual: result.actual,
      target: result.target,
      unit: result.actualUnit,
      status: result.status,
      thresholds: result.thresholds,
      missing: result.missing,
      values: goalFormValues(result.goal),
    }),
  );
  const suggestions = suggestedGoals(fiscalYear)
    .filter((suggestion) => !results.some((result) => sameGoal(result.goal, suggestion)))
    .map((suggestion) => {
      const unit = MEASURE_UNIT[suggestion.measure];
      return {
        title: goalTitle(suggestion, labels),
        target: describeTarget(suggestion.comparator, formatUnits(suggestion.target, unit), unit),
        thresholds: describeThresholds(suggestion.measure, suggestion.comparator, suggestion.target, suggestion.amberMargin),
        values: goalFormValues(suggestion),
      };
    });
  return {
    goals,
    suggestions,
    subjects: {
      groups,
      categories,
      recipients: Object.entries(RECIPIENT_SUBJECTS).map(([key, label]) => ({ key, label })),
      raceGroups: Object.entries(labels.raceGroups).map(([key, label]) => ({ key, label })),
    },
    labels,
  };
}
