/**
 * Everything the board summary shows for one locality and fiscal year, JSON-ready for the chart components: totals
 * (never summed together), goals with status, flags, decisions taken, each goal's trend, reach parity, burden by area
 * and across localities. Counts of people from 1 to 10 are suppressed as on the public pages — the summary is meant
 * to be printed and handed out at a board meeting, which is public — and so is every figure computed from them.
 */
import type { Executor } from '@/db/client';
import { computeAreaBurden, computeBurdenAcrossLocalities, toPublicArea } from '@/lib/equity/burden';
import { computeEquityGoals, evaluateGoal } from '@/lib/equity/evaluate-goal';
import { computeFlags } from '@/lib/equity/flags';
import { toPublicFlag, toPublicGoal, type PublicEquityFlag, type PublicEquityGoal } from '@/lib/equity/public';
import { computeReachByGroup, toPublicReach } from '@/lib/equity/reach';
import { isSmallCount, SMALL_COUNT_TEXT } from '@/lib/equity/suppress';
import { computeGoalTrend, fiscalQuarterBounds } from '@/lib/equity/trend';
import type { ActualUnit, EquityGoal, GoalStatus } from '@/lib/equity/types';
import { listBoardDecisions, type BoardDecision } from './board-decisions';
import { loadSubjectLabels } from './board-review';
import type { SubjectLabels } from './board-words';
import { getLocalityTotals } from './locality-totals';

export interface TrendPointView {
  /** "FY2026", or "Q2 (to 2025-12-31)" */
  label: string;
  /** Exact decimal in the goal's unit; null when not enough data or withheld. */
  actual: string | null;
  status: GoalStatus;
  /** Why there is no value: what is missing, or that small counts are withheld. */
  note: string | null;
}

export interface GoalTrendView {
  goalId: number;
  unit: ActualUnit;
  years: TrendPointView[];
  quarters: TrendPointView[];
  quarterNote: string;
}

export type PublicReach = ReturnType<typeof toPublicReach>;
export type PublicArea = ReturnType<typeof toPublicArea>;

/** One locality's money against its burden, as text: counts of 1–10 deaths or residents suppressed. */
export interface PublicLocalityBurden {
  slug: string;
  name: string;
  population: string | null;
  overdoseDeaths: string | null;
  /** Cents. */
  allocatedCents: string;
  spentCents: string;
  /** Exact dollars, or null with the reason in `missing`. */
  allocatedPerDeath: string | null;
  spentPerDeath: string | null;
  allocatedPerResident: string | null;
  spentPerResident: string | null;
  missing: string[];
}

export interface BoardSummary {
  fiscalYear: number;
  totals: { receivedCents: string; allocatedCents: string; spentCents: string; unspentCents: string };
  goals: PublicEquityGoal[];
  flags: PublicEquityFlag[];
  decisions: BoardDecision[];
  trends: GoalTrendView[];
  reach: PublicReach;
  areas: PublicArea[];
  localities: PublicLocalityBurden[];
  subjectLabels: Required<SubjectLabels>;
}

export const WITHHELD_NOTE = 'withheld: it rests on counts of fewer than 11 people';

/** Measures whose value rests on counts of people: their trend points are withheld where the counts are small. */
const PERSON_MEASURES = new Set<EquityGoal['measure']>(['reach_parity', 'dollars_per_death', 'dollars_per_resident']);

/** A goal's trend per fiscal year and per quarter, with the points that rest on small counts withheld. */
export async function boardGoalTrend(executor: Executor, goal: EquityGoal, fyStartMonth: number, asOf?: string): Promise<GoalTrendView> {
  const trend = await computeGoalTrend(executor, goal, asOf === undefined ? {} : { asOf });
  const withheld = new Set<number>();
  if (PERSON_MEASURES.has(goal.measure)) {
    for (const point of trend.years) {
      if (point.actual === null) continue;
      const result = await evaluateGoal(executor, { ...goal, fiscalYear: point.fiscalYear });
      if (toPublicGoal(result).suppression !== null) withheld.add(point.fiscalYear);
    }
  }
  const view = (label: string, fiscalYear: number, actual: string | null, status: GoalStatus, missing: string[]): TrendPointView => {
    if (withheld.has(fiscalYear)) return { label, actual: null, status: 'not_enough_data', note: WITHHELD_NOTE };
    return { label, actual, status, note: actual === null ? (missing.length > 0 ? `missing: ${missing.join('; ')}` : null) : null };
  };
  return {
    goalId: goal.id,
    unit: trend.actualUnit,
    years: trend.years.map((point) => view(`FY${point.fiscalYear}`, point.fiscalYear, point.actual, point.status, point.missing)),
    quarters: trend.quarters.map((point) => {
      const through = point.through ?? fiscalQuarterBounds(goal.fiscalYear, fyStartMonth, point.quarter ?? 4).end;
      return view(`Q${point.quarter ?? '?'} (to ${through})`, point.fiscalYear, point.actual, point.status, point.missing);
    }),
    quarterNote: trend.quarterNote,
  };
}

function publicCount(value: number | null): string | null {
  return value === null ? null : isSmallCount(value) ? SMALL_COUNT_TEXT : String(value);
}

export async function loadBoardSummary(
  executor: Executor,
  locality: { id: number; fyStartMonth: number },
  fiscalYear: number,
  options: { asOf?: string } = {},
): Promise<BoardSummary> {
  const totals = await getLocalityTotals(executor, locality.id, fiscalYear);
  const results = await computeEquityGoals(executor, locality.id, fiscalYear);
  const flags = await computeFlags(executor, locality.id, fiscalYear, options.asOf === undefined ? {} : { asOf: options.asOf });
  const decisions = await listBoardDecisions(executor, locality.id, fiscalYear);
  const trends: GoalTrendView[] = [];
  for (const result of results) trends.push(await boardGoalTrend(executor, result.goal, locality.fyStartMonth, options.asOf));
  const reach = toPublicReach(await computeReachByGroup(executor, locality.id, fiscalYear));
  const areas = (await computeAreaBurden(executor, locality.id, fiscalYear)).map(toPublicArea);
  const across = await computeBurdenAcrossLocalities(executor, fiscalYear);
  const subjectLabels = await loadSubjectLabels(executor, locality.id);
  return {
    fiscalYear,
    totals: {
      receivedCents: totals.receivedCents.toString(),
      allocatedCents: totals.allocatedCents.toString(),
      spentCents: totals.spentCents.toString(),
      unspentCents: totals.unspentCents.toString(),
    },
    goals: results.map(toPublicGoal),
    flags: flags.map(toPublicFlag),
    decisions,
    trends,
    reach,
    areas,
    localities: across.map((row) => {
      const smallDeaths = row.overdoseDeaths !== null && isSmallCount(row.overdoseDeaths);
      const smallPopulation = row.population !== null && isSmallCount(row.population);
      return {
        slug: row.slug,
        name: row.name,
        population: publicCount(row.population),
        overdoseDeaths: publicCount(row.overdoseDeaths),
        allocatedCents: row.allocatedCents.toString(),
        spentCents: row.spentCents.toString(),
        allocatedPerDeath: smallDeaths ? null : row.allocatedPerDeath,
        spentPerDeath: smallDeaths ? null : row.spentPerDeath,
        allocatedPerResident: smallPopulation ? null : row.allocatedPerResident,
        spentPerResident: smallPopulation ? null : row.spentPerResident,
        missing: [...row.missing, ...(smallDeaths || smallPopulation ? [WITHHELD_NOTE] : [])],
      };
    }),
    subjectLabels,
  };
}

