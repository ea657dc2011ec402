import type { Executor } from '@/db/client';
import { cachedPublic } from '@/lib/cache/public-cache';
import { listFiscalYears } from '@/lib/data/localities';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { resolveLocality } from '@/lib/open-data/answers';
import { toApiMoney, type ApiMoney } from '@/lib/open-data/money';
import { fyParam, parseQuery } from '@/lib/open-data/params';
import { computeEquityGoals } from './evaluate-goal';
import { computeFlags, type EquityFlag, type FlagFacts, type FlagKind } from './flags';
import { formatUnits, MEASURE_LABEL } from './measure-info';
import { SUPPRESSION_NOTE } from './public-notes';
import { isSmallCount, SMALL_COUNT_TEXT } from './suppress';
import type { ActualUnit, EquityBasis, EquityComparator, EquityMeasure, GoalResult, GoalStatus, InputUnit, Thresholds } from './types';

/** Units that count persons: 1–10 of them are never shown in public. */
const PERSON_UNITS: ReadonlySet<InputUnit> = new Set(['people', 'deaths', 'residents']);
/** Units of figures computed from counts, withheld with them (a share of 3 people reveals the 3). */
const DERIVED_UNITS: ReadonlySet<InputUnit> = new Set(['percent', 'ratio']);

export { SUPPRESSION_NOTE };

export interface PublicEquityInput {
  label: string;
  /** Exact decimal string; "fewer than 11" for a suppressed count; null when unknown or withheld. */
  value: string | null;
  unit: InputUnit;
}

/** A goal as the public API and the public pages show it: JSON-ready, small counts suppressed. */
export interface PublicEquityGoal {
  id: number;
  measure: EquityMeasure;
  measure_label: string;
  subject: string | null;
  framework_key: string;
  basis: EquityBasis;
  comparator: EquityComparator;
  unit: ActualUnit;
  /** Exact decimal in `unit`: "25.00" (percent), "150.00" (dollars), "0.8000" (ratio; 1 = parity). */
  target: string;
  amber_margin: string;
  reason: string;
  actual: string | null;
  status: GoalStatus;
  thresholds: Thresholds;
  missing: string[];
  inputs: Record<string, PublicEquityInput>;
  /** Set when small counts were suppressed and the actual withheld. */
  suppression: string | null;
}

export interface PublicEquityFlag {
  kind: FlagKind;
  severity: 'high' | 'medium';
  title: string;
  detail: string;
  allocation_id: number | null;
  amount: ApiMoney | null;
  /** Percent, exact to two places. */
  share: string | null;
  category_key: string | null;
  recipient_id: number | null;
}

export interface EquityApiAnswer {
  locality: string;
  fiscal_year: number;
  goals: PublicEquityGoal[];
  flags: PublicEquityFlag[];
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The public form of a computed goal. Counts of people 1–10 become "fewer than 11" and what derives from them is withheld. */
export function toPublicGoal(result: GoalResult): PublicEquityGoal {
  const { goal } = result;
  const entries = Object.entries(result.inputs);
  const suppressed = entries.some(
    ([, input]) => PERSON_UNITS.has(input.unit) && input.value !== null && isSmallCount(BigInt(input.value)),
  );
  const inputs: Record<string, PublicEquityInput> = {};
  for (const [key, input] of entries) {
    let value = input.value;
    if (suppressed && value !== null) {
      if (PERSON_UNITS.has(input.unit) && isSmallCount(BigInt(value))) value = SMALL_COUNT_TEXT;
      else if (DERIVED_UNITS.has(input.unit)) value = null;
    }
    inputs[snakeCase(key)] = { label: input.label, value, unit: input.unit };
  }
  return {
    id: goal.id,
    measure: goal.measure,
    measure_label: MEASURE_LABEL[goal.measure],
    subject: goal.subject,
    framework_key: goal.frameworkKey,
    basis: goal.basis,
    comparator: goal.comparator,
    unit: result.actualUnit,
    target: result.target,
    amber_margin: formatUnits(goal.amberMargin, result.actualUnit),
    reason: goal.reason,
    actual: suppressed ? null : result.actual,
    status: result.status,
    thresholds: result.thresholds,
    missing: result.missing,
    inputs,
    suppression: suppressed ? SUPPRESSION_NOTE : null,
  };
}

export function toPublicFlag(flag: EquityFlag): PublicEquityFlag {
  return {
    kind: flag.kind,
    severity: flag.severity,
    title: flag.title,
    detail: flag.detail,
    allocation_id: flag.allocationId ?? null,
    amount: flag.amountCents === undefined ? null : toApiMoney(flag.amountCents),
    share: flag.share ?? null,
    category_key: flag.categoryKey ?? null,
    recipient_id: flag.recipientId ?? null,
  };
}

/** A public flag with the facts its words were written from, for pages that write them in the reader's language. */
export type PublicEquityFlagWithFacts = PublicEquityFlag & { facts?: FlagFacts };

export function toPublicFlagWithFacts(flag: EquityFlag): PublicEquityFlagWithFacts {
  return flag.facts ? { ...toPublicFlag(flag), facts: flag.facts } : toPublicFlag(flag);
}

/**
 * Everything the public equity pages and the API show for a locality and year, JSON-ready, computed once and kept
 * under one cache key. Each flag also carries the facts its words were written from, so that a page can write them
 * in the reader's language (flagText); the API's answer leaves them out (they are not part of the open-data shape).
 */
export function publicEquity(executor: Executor, localityId: number, fiscalYear: number): Promise<PublicEquity> {
  return cachedPublic(`equity:${localityId}:${fiscalYear}`, localityId, async () => {
    const goals = await computeEquityGoals(executor, localityId, fiscalYear);
    const flags = await computeFlags(executor, localityId, fiscalYear);
    return { fiscal_year: fiscalYear, goals: goals.map(toPublicGoal), flags: flags.map(toPublicFlagWithFacts) };
  });
}

export interface PublicEquity {
  fiscal_year: number;
  goals: PublicEquityGoal[];
  flags: PublicEquityFlagWithFacts[];
}

/** A flag as the API gives it: without the facts kept for the pages' words. */
function withoutFacts(flag: PublicEquityFlagWithFacts): PublicEquityFlag {
  const copy = { ...flag };
  delete copy.facts;
  return copy;
}

/**
 * GET /api/v1/localities/{slug}/equity?fy=YYYY: every goal of the year with its measure, target, actual, status,
 * thresholds, what is missing and the inputs behind it; and the flags. Without `fy`, the year the locality's public
 * page opens on. Computed by `publicEquity`, cached and dropped when the locality's data changes.
 */
export async function equityApiAnswer(executor: Executor, slug: string, params: URLSearchParams): Promise<EquityApiAnswer> {
  const q = parseQuery(params, { fy: fyParam });
  const locality = await resolveLocality(executor, slug);
  const fiscalYear =
    q.fy ??
    chooseFiscalYear(
      undefined,
      await cachedPublic(`api:fiscal-years:${locality.id}`, locality.id, () => listFiscalYears(executor, locality.id)),
      locality.fyStartMonth,
    );
  const { goals, flags } = await publicEquity(executor, locality.id, fiscalYear);
  return { locality: locality.slug, fiscal_year: fiscalYear, goals, flags: flags.map(withoutFacts) };
}
