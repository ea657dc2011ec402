/**
 * Equity goals and flags, computed from the database. Import from '@/lib/equity'.
 *
 * Only approved, non-deleted allocations (and payments against them) count. Received, allocated and spent are
 * measured separately and never added together. Every actual is an exact decimal string, or `not_enough_data` with
 * the list of what is missing.
 */
export { computeEquityGoals, evaluateGoal, listGoals, type ComputeEquityGoalsOptions } from './evaluate-goal';
export { computeGoalTrend, fiscalQuarterBounds, hasQuarters, listEquityYears, type GoalTrend, type GoalTrendOptions, type TrendPoint } from './trend';
export {
  computeFlags,
  DEFAULT_FLAG_SETTINGS,
  readFlagSettings,
  type ComputeFlagsOptions,
  type EquityFlag,
  type FlagKind,
  type FlagSettings,
} from './flags';
export { suggestedGoals, type SuggestedGoal } from './default-goals';
export { computeReachByGroup, toPublicReach, type PublicReachGroup, type ReachByGroup, type ReachGroup } from './reach';
export {
  computeAreaBurden,
  computeBurdenAcrossLocalities,
  toPublicArea,
  type AreaBurden,
  type LocalityBurden,
} from './burden';
export { evaluateMeasure, type MeasureValue } from './measures';
export { describeThresholds, describeValue, goalStatus } from './status';
export { isSmallCount, SMALL_COUNT_TEXT, suppressSmallCount } from './suppress';
export {
  EQUITY_MEASURES,
  formatUnits,
  isRecipientSubject,
  MEASURE_LABEL,
  MEASURE_UNIT,
  MEASURES_WITH_BASIS,
  RECIPIENT_SUBJECTS,
  type RecipientSubject,
} from './measure-info';
export { divideRoundHalfUp, fraction, parseDecimalUnits, toFixedDecimal, toTrimmedDecimal, type Fraction } from './decimal';
export type { MeasureScope } from './sql-parts';
export type * from './types';
