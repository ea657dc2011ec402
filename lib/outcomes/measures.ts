/**
 * The one place that says what each outcome measure is called, in what unit it is counted, and whether it counts
 * people (people counts of 1 to 10 are suppressed in public, lib/equity/suppress.ts).
 */
import type { outcomeMeasure } from '@/db/schema/outcomes';

export type OutcomeMeasure = (typeof outcomeMeasure.enumValues)[number];

/**
 * Results-based accountability's questions for a program's performance measures (Mark Friedman, "Trying Hard Is Not
 * Good Enough"; raguide.org): how much did we do, how well did we do it, is anyone better off. Every measure Abate
 * records is a count, so none answers "how well" (a rate would). Which question each answers is Abate's reading.
 */
export type RbaQuestion = 'how-much' | 'how-well' | 'better-off';

export const RBA_QUESTIONS: Readonly<Record<RbaQuestion, string>> = {
  'how-much': 'How much did we do?',
  'how-well': 'How well did we do it?',
  'better-off': 'Is anyone better off?',
};

export interface MeasureInfo {
  /** What a resident reads: "Naloxone kits distributed". */
  label: string;
  /** The unit one of them is, singular: cost per unit reads "$12.50 per kit". */
  unit: string;
  /** A count of people: small counts are suppressed in public. */
  countsPeople: boolean;
  /** The results-based accountability question it answers; null when the locality names its own measure. */
  rba: RbaQuestion | null;
}

export const MEASURES: Readonly<Record<OutcomeMeasure, MeasureInfo>> = {
  people_served: { label: 'People served', unit: 'person', countsPeople: true, rba: 'how-much' },
  people_served_new: { label: 'People served for the first time', unit: 'person', countsPeople: true, rba: 'how-much' },
  naloxone_kits: { label: 'Naloxone kits distributed', unit: 'kit', countsPeople: false, rba: 'how-much' },
  // Reversals count events, but each is a person whose life was saved: suppressed like people.
  overdose_reversals: { label: 'Overdose reversals reported', unit: 'reversal', countsPeople: true, rba: 'better-off' },
  moud_started: { label: 'People started on MOUD', unit: 'person', countsPeople: true, rba: 'better-off' },
  moud_retained_90_days: { label: 'People retained in MOUD at 90 days', unit: 'person', countsPeople: true, rba: 'better-off' },
  syringes_supplies: { label: 'Syringes and supplies distributed', unit: 'item', countsPeople: false, rba: 'how-much' },
  housing_placements: { label: 'Housing placements', unit: 'placement', countsPeople: true, rba: 'better-off' },
  outreach_contacts: { label: 'People reached by outreach', unit: 'contact', countsPeople: true, rba: 'how-much' },
  other: { label: 'Other measure', unit: 'unit', countsPeople: false, rba: null },
};

/** What an outcome reports, wherever it is read (public page, staff form, audit snapshot, import row). */
export interface OutcomeFigures {
  measure: OutcomeMeasure;
  customMeasureName: string | null;
  unit: string | null;
  /** YYYY-MM-DD. */
  periodStart: string;
  /** YYYY-MM-DD, on or after the start. */
  periodEnd: string;
  units: bigint;
  source: string;
}

export const MEASURE_KEYS = Object.keys(MEASURES) as OutcomeMeasure[];

export function isOutcomeMeasure(value: string): value is OutcomeMeasure {
  return Object.hasOwn(MEASURES, value);
}

/** The label and unit a reader sees: a free-form measure carries its own. */
export function describeMeasure(outcome: { measure: OutcomeMeasure; customMeasureName: string | null; unit: string | null }): {
  label: string;
  unit: string;
} {
  if (outcome.measure === 'other') return { label: outcome.customMeasureName ?? MEASURES.other.label, unit: outcome.unit ?? MEASURES.other.unit };
  return { label: MEASURES[outcome.measure].label, unit: MEASURES[outcome.measure].unit };
}

/** Which import-sheet or form text names a measure: its key ("naloxone_kits") or its label, in any case. */
export function findMeasure(text: string): OutcomeMeasure | null {
  const wanted = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  for (const key of MEASURE_KEYS) {
    if (key === wanted || MEASURES[key].label.toLowerCase().replace(/[\s-]+/g, '_') === wanted) return key;
  }
  return null;
}
