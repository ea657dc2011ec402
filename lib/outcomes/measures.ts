/**
 * The one place that says what each outcome measure is called, in what unit it is counted, and whether it counts
 * people (people counts of 1 to 10 are suppressed in public, lib/equity/suppress.ts).
 */
import type { outcomeMeasure } from '@/db/schema/outcomes';

export type OutcomeMeasure = (typeof outcomeMeasure.enumValues)[number];

export interface MeasureInfo {
  /** What a resident reads: "Naloxone kits distributed". */
  label: string;
  /** The unit one of them is, singular: cost per unit reads "$12.50 per kit". */
  unit: string;
  /** A count of people: small counts are suppressed in public. */
  countsPeople: boolean;
}

export const MEASURES: Readonly<Record<OutcomeMeasure, MeasureInfo>> = {
  people_served: { label: 'People served', unit: 'person', countsPeople: true },
  people_served_new: { label: 'People served for the first time', unit: 'person', countsPeople: true },
  naloxone_kits: { label: 'Naloxone kits distributed', unit: 'kit', countsPeople: false },
  // Reversals count events, but each is a person whose life was saved: suppressed like people.
  overdose_reversals: { label: 'Overdose reversals reported', unit: 'reversal', countsPeople: true },
  moud_started: { label: 'People started on MOUD', unit: 'person', countsPeople: true },
  moud_retained_90_days: { label: 'People retained in MOUD at 90 days', unit: 'person', countsPeople: true },
  syringes_supplies: { label: 'Syringes and supplies distributed', unit: 'item', countsPeople: false },
  housing_placements: { label: 'Housing placements', unit: 'placement', countsPeople: true },
  outreach_contacts: { label: 'People reached by outreach', unit: 'contact', countsPeople: true },
  other: { label: 'Other measure', unit: 'unit', countsPeople: false },
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
