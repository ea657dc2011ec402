import type { SubjectLabels } from '@/lib/data/board-words';
import { goalsCountIn, goalTitleIn, goalValueIn, targetIn } from '@/lib/equity/goal-words';
import type { EquityApiAnswer, PublicEquityFlag, PublicEquityGoal } from '@/lib/equity/public';
import type { ViewWords } from '@/lib/i18n/messages';

/**
 * The locality page's one sentence about the year's flags, which are listed in full on the equity page:
 * "No flags for FY2026." or "5 flags for the board to look at first, 2 of them high." In the reader's words.
 */
export function flagsSentence(flags: readonly Pick<PublicEquityFlag, 'severity'>[], fiscalYear: number, words: ViewWords): string {
  const { t } = words;
  if (flags.length === 0) return t('LocalityView.noFlags', { year: String(fiscalYear) });
  const high = flags.filter((flag) => flag.severity === 'high').length;
  if (high === 0) return t('LocalityView.flags', { count: flags.length });
  if (high === flags.length) return t('LocalityView.flagsAllHigh', { count: flags.length });
  return t('LocalityView.flagsSomeHigh', { count: flags.length, high });
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

/** One row a goal for the locality page's short list, in the reader's words; the equity page draws them against their targets. */
export function goalSummaryRows(
  goals: readonly Pick<
    PublicEquityGoal,
    'id' | 'measure' | 'subject' | 'basis' | 'comparator' | 'unit' | 'target' | 'actual' | 'status' | 'suppression' | 'framework_key'
  >[],
  labels: SubjectLabels,
  words: ViewWords,
): GoalSummaryRow[] {
  return goals.map((goal) => ({
    id: goal.id,
    title: goalTitleIn(goal, labels, words),
    target: targetIn(goal.comparator, goal.target, goal.unit, words),
    actual:
      goal.actual === null
        ? words.t(goal.suppression ? 'EquityPanel.withheld' : 'EquityPanel.notEnoughData')
        : goalValueIn(goal.actual, goal.unit, words),
    status: goal.status,
  }));
}

/** What the locality page's equity section shows, in the reader's words; null for a year without goals or flags. */
export function equitySummaryView(equity: Omit<EquityApiAnswer, 'locality'>, labels: SubjectLabels, words: ViewWords) {
  const { goals, flags, fiscal_year: fiscalYear } = equity;
  if (goals.length === 0 && flags.length === 0) return null;
  return {
    fiscalYear,
    goalsSentence:
      goals.length > 0 ? goalsCountIn(goals.map((goal) => goal.status), words) : words.t('LocalityView.noGoals', { year: String(fiscalYear) }),
    flagsSentence: flagsSentence(flags, fiscalYear, words),
    goals: goalSummaryRows(goals, labels, words),
  };
}
