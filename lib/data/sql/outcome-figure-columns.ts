import { programOutcomes } from '@/db/schema';

/** The columns of what an outcome reports (OutcomeFigures, lib/outcomes/measures.ts), for the query builder's selects. */
export const outcomeFigureColumns = {
  measure: programOutcomes.measure,
  customMeasureName: programOutcomes.customMeasureName,
  unit: programOutcomes.unit,
  periodStart: programOutcomes.periodStart,
  periodEnd: programOutcomes.periodEnd,
  units: programOutcomes.units,
  source: programOutcomes.source,
};
