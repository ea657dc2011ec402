import type { equityBasis, equityComparator, equityGoals, equityMeasure } from '@/db/schema';

export type EquityMeasure = (typeof equityMeasure.enumValues)[number];
export type EquityComparator = (typeof equityComparator.enumValues)[number];
export type EquityBasis = (typeof equityBasis.enumValues)[number];
export type EquityGoal = typeof equityGoals.$inferSelect;

/** What an actual value is expressed in. Targets use the same unit: basis points for percent and ratio, cents for dollars. */
export type ActualUnit = 'percent' | 'dollars' | 'ratio';

export type GoalStatus = 'met' | 'close' | 'missed' | 'not_enough_data';

/** `people`, `deaths` and `residents` are counts of persons: 1–10 of them are never shown in public. */
export type InputUnit = 'dollars' | 'percent' | 'ratio' | 'lines' | 'people' | 'deaths' | 'residents';

export interface EquityInput {
  /** Plain language, e.g. "Allocated to Harm reduction". */
  label: string;
  /** Exact decimal string ("1234.56", "27.41", "12"); null when the figure is not known. */
  value: string | null;
  unit: InputUnit;
}

export type EquityInputs = Record<string, EquityInput>;

/** What a measure needs to be computed: the parts of a goal that say what to measure. */
export interface MeasureSpec {
  measure: EquityMeasure;
  subject: string | null;
  frameworkKey: string;
  basis: EquityBasis;
}

export interface Thresholds {
  /** e.g. "green at 25% or more" */
  green: string;
  /** e.g. "amber from 20% up to 25%; red below 20%" */
  amber: string;
}

export interface GoalResult {
  goal: EquityGoal;
  /** Exact decimal: "27.41" (percent), "1234.56" (dollars), "0.8500" (ratio; 1 = parity). Null when not enough data. */
  actual: string | null;
  /** The actual rounded into the target's unit (basis points or cents), for charts and comparisons; null with `actual`. */
  actualUnits: bigint | null;
  actualUnit: ActualUnit;
  /** The target as an exact decimal in `actualUnit`. */
  target: string;
  status: GoalStatus;
  thresholds: Thresholds;
  /** What is missing when the status is `not_enough_data`, e.g. "overdose deaths for FY2027". */
  missing: string[];
  inputs: EquityInputs;
}
