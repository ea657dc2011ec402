import type { Executor } from '@/db/client';
import type { ApiLocalityRow } from '@/lib/data/api-localities';
import { publicReads } from '@/lib/data/public-reads';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { describeMeasure } from '@/lib/outcomes/measures';
import { outcomeRow, outcomesView } from '@/lib/views/outcomes-view';
import { resolveLocality } from './answers';
import { toApiMoney } from './money';
import { fyParam, parseQuery } from './params';
import type { ApiOutcomesAnswer } from './schemas';

/**
 * GET /api/v1/localities/{slug}/outcomes?fy=YYYY: the public outcomes section as data. It goes through the same
 * view as the page (lib/views/outcomes-view.ts), so a count the page withholds (and its cost per unit) is withheld
 * here too.
 */
export async function outcomesAnswer(db: Executor, slug: string, params: URLSearchParams): Promise<ApiOutcomesAnswer> {
  const q = parseQuery(params, { fy: fyParam });
  const locality = await resolveLocality(db, slug);
  const fiscalYear = q.fy ?? chooseFiscalYear(undefined, await publicReads.fiscalYears(db, locality.id), locality.fyStartMonth);
  return outcomesOfYear(db, locality, fiscalYear);
}

/** One locality's outcomes of one fiscal year, as the API writes them (also read by outcomes.csv). */
export async function outcomesOfYear(
  db: Executor,
  locality: Pick<ApiLocalityRow, 'id' | 'slug' | 'fyStartMonth'>,
  fiscalYear: number,
): Promise<ApiOutcomesAnswer> {
  const data = await publicReads.outcomes(db, locality.id, fiscalYear, locality.fyStartMonth);
  const view = outcomesView(data, fiscalYear, locality.fyStartMonth);
  return {
    locality: locality.slug,
    fiscal_year: fiscalYear,
    outcomes: data.outcomes.map((outcome) => {
      const shown = outcomeRow(outcome);
      const { label, unit } = describeMeasure(outcome);
      return {
        id: outcome.id,
        program: { id: outcome.allocationId, name: outcome.program },
        measure: outcome.measure,
        measure_label: label,
        unit,
        period_start: outcome.periodStart,
        period_end: outcome.periodEnd,
        units: shown.unitsValue,
        suppressed: shown.suppressed,
        source: outcome.source,
        spent_in_period: toApiMoney(outcome.spentInPeriodCents),
        cost_per_unit: shown.costPerUnitCents === null ? null : toApiMoney(shown.costPerUnitCents),
      };
    }),
    not_reported: view.notReported.map((program) => ({
      program: { id: program.allocationId, name: program.program },
      spent_in_year: toApiMoney(program.spentInYearCents),
    })),
  };
}
