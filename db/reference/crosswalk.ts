import { EXHIBIT_E } from './exhibit-e';
import { HEALTH_FIRST } from './health-first';
import { NC_STRATEGIES } from './nc-strategies';
import type { CrosswalkDef } from './types';

/**
 * The crosswalk between the three shipped frameworks. Each table lists EVERY category of the source framework; the
 * value is the single best-fitting category of the target framework, or null for "not covered". One target per
 * source keeps re-reported totals exact (nothing is counted twice, nothing is split by guesswork).
 */

type Mapping = Readonly<Record<string, string | null>>;

const HF = HEALTH_FIRST.key;
const EE = EXHIBIT_E.key;
const NC = NC_STRATEGIES.key;

const HEALTH_FIRST_TO_EXHIBIT_E: Mapping = {
  moud: 'core-b',
  treatment: 'use-a',
  'contingency-management': 'use-a',
  // Exhibit E has no polysubstance heading; it folds co-occurring substance use into treatment.
  polysubstance: 'use-a',
  naloxone: 'core-a',
  'syringe-services': 'core-h',
  // Exhibit E does not name overdose prevention centers; "prevent overdose deaths" is the only heading that fits.
  opc: 'use-h',
  'drug-checking': 'use-h',
  'hr-education': 'use-h',
  housing: 'use-b',
  'recovery-support': 'use-b',
  // Exhibit E treats mental illness as a co-occurring condition of treatment.
  'mental-health': 'use-a',
  // Record clearing serves people with convictions, which Exhibit E files under criminal justice-involved persons.
  'legal-relief': 'use-d',
  'crisis-response': 'use-c',
  diversion: 'use-d',
  // Care at release is part of core strategy F (treatment for the incarcerated population, including reentry).
  reentry: 'core-f',
  data: 'core-i',
  administration: 'use-j',
  prevention: 'core-g',
  // Judgement kept on purpose: localities report police equipment and task forces as "First responders" today.
  // Abate's point is to show that spending for what it is, so the realistic mapping stays.
  'law-enforcement': 'use-i',
  // Drug courts appear in Exhibit E under criminal justice-involved persons.
  'coerced-treatment': 'use-d',
  // Jail costs are usually justified as serving criminal justice-involved persons.
  incarceration: 'use-d',
  'non-remediation': null,
  // Unclassified stays unclassified: no framework's report guesses what it bought.
  unclassified: 'unclassified',
};

const HEALTH_FIRST_TO_NC: Mapping = {
  moud: 'addiction-treatment',
  treatment: 'addiction-treatment',
  'contingency-management': 'addiction-treatment',
  polysubstance: 'addiction-treatment',
  naloxone: 'naloxone',
  'syringe-services': 'syringe-services',
  // OPCs are not authorized in North Carolina; where they exist they are run by syringe programs.
  opc: 'syringe-services',
  // North Carolina's syringe programs hand out test strips.
  'drug-checking': 'syringe-services',
  // Overdose education travels with naloxone distribution in the NC strategy.
  'hr-education': 'naloxone',
  housing: 'recovery-housing',
  'recovery-support': 'recovery-support',
  // NC's treatment strategy covers co-occurring mental health conditions; there is no separate heading.
  'mental-health': 'addiction-treatment',
  // Legal help to clear records is part of NC's reentry strategy.
  'legal-relief': 'reentry',
  // The nearest NC heading to a non-police crisis response is the post-overdose response team.
  'crisis-response': 'post-overdose-response',
  diversion: 'diversion',
  reentry: 'reentry',
  // NC asks for data-driven planning; data work is reported under strategic planning.
  data: 'strategic-planning',
  administration: 'strategic-planning',
  prevention: 'early-intervention',
  'law-enforcement': null,
  // NC's diversion strategy includes post-arrest programs, which is where drug courts get reported.
  'coerced-treatment': 'diversion',
  incarceration: null,
  'non-remediation': null,
  // Unclassified stays unclassified: no framework's report guesses what it bought.
  unclassified: 'unclassified',
};

const EXHIBIT_E_TO_HEALTH_FIRST: Mapping = {
  'core-a': 'naloxone',
  'core-b': 'moud',
  'core-c': 'treatment',
  'core-d': 'treatment',
  'core-e': 'recovery-support',
  // Medication in jail is the heart of core strategy F.
  'core-f': 'moud',
  'core-g': 'prevention',
  'core-h': 'syringe-services',
  'core-i': 'data',
  'use-a': 'treatment',
  'use-b': 'recovery-support',
  'use-c': 'crisis-response',
  // D mixes diversion, drug courts, jail treatment and reentry; diversion is its first listed use. Localities that
  // fund drug courts should tag them in the health-first framework directly so they are flagged.
  'use-d': 'diversion',
  'use-e': 'treatment',
  'use-f': 'prevention',
  'use-g': 'prevention',
  // H's first and largest use is naloxone; test strips and syringes are better tagged directly.
  'use-h': 'naloxone',
  // Round-trips with law-enforcement -> use-i: in practice this heading carries police spending.
  'use-i': 'law-enforcement',
  'use-j': 'administration',
  // Training builds capacity without serving people directly; closest to administration.
  'use-k': 'administration',
  'use-l': 'data',
  // Unclassified stays unclassified: no framework's report guesses what it bought.
  unclassified: 'unclassified',
};

const NC_TO_HEALTH_FIRST: Mapping = {
  'strategic-planning': 'administration',
  'addiction-treatment': 'treatment',
  'recovery-support': 'recovery-support',
  'recovery-housing': 'housing',
  employment: 'recovery-support',
  'early-intervention': 'prevention',
  naloxone: 'naloxone',
  'post-overdose-response': 'crisis-response',
  'syringe-services': 'syringe-services',
  diversion: 'diversion',
  'incarcerated-treatment': 'moud',
  reentry: 'reentry',
  // Unclassified stays unclassified: no framework's report guesses what it bought.
  unclassified: 'unclassified',
};

const EXHIBIT_E_TO_NC: Mapping = {
  'core-a': 'naloxone',
  'core-b': 'addiction-treatment',
  'core-c': 'addiction-treatment',
  // Care for newborns is not one of NC's high-impact strategies.
  'core-d': null,
  'core-e': 'recovery-support',
  'core-f': 'incarcerated-treatment',
  'core-g': 'early-intervention',
  'core-h': 'syringe-services',
  'core-i': 'strategic-planning',
  'use-a': 'addiction-treatment',
  'use-b': 'recovery-support',
  // Connections to care after an overdose are NC's post-overdose response teams.
  'use-c': 'post-overdose-response',
  'use-d': 'diversion',
  'use-e': 'addiction-treatment',
  'use-f': null,
  'use-g': 'early-intervention',
  'use-h': 'naloxone',
  // Kept unmapped, consistent with law enforcement having no NC high-impact strategy.
  'use-i': null,
  'use-j': 'strategic-planning',
  'use-k': null,
  'use-l': null,
  // Unclassified stays unclassified: no framework's report guesses what it bought.
  unclassified: 'unclassified',
};

const NC_TO_EXHIBIT_E: Mapping = {
  'strategic-planning': 'use-j',
  'addiction-treatment': 'use-a',
  'recovery-support': 'core-e',
  'recovery-housing': 'use-b',
  employment: 'use-b',
  'early-intervention': 'core-g',
  naloxone: 'core-a',
  'post-overdose-response': 'use-c',
  'syringe-services': 'core-h',
  diversion: 'use-d',
  'incarcerated-treatment': 'core-f',
  reentry: 'core-f',
  // Unclassified stays unclassified: no framework's report guesses what it bought.
  unclassified: 'unclassified',
};

/** Every table, with the frameworks it joins; the tests check each covers all of its source categories. */
export const CROSSWALK_TABLES: ReadonlyArray<{ from: string; to: string; mapping: Mapping }> = [
  { from: HF, to: EE, mapping: HEALTH_FIRST_TO_EXHIBIT_E },
  { from: HF, to: NC, mapping: HEALTH_FIRST_TO_NC },
  { from: EE, to: HF, mapping: EXHIBIT_E_TO_HEALTH_FIRST },
  { from: NC, to: HF, mapping: NC_TO_HEALTH_FIRST },
  { from: EE, to: NC, mapping: EXHIBIT_E_TO_NC },
  { from: NC, to: EE, mapping: NC_TO_EXHIBIT_E },
];

export const CROSSWALK: readonly CrosswalkDef[] = CROSSWALK_TABLES.flatMap(({ from, to, mapping }) =>
  Object.entries(mapping).flatMap(([fromKey, toKey]) =>
    toKey === null ? [] : [{ fromFramework: from, fromKey, toFramework: to, toKey }],
  ),
);

/** The category `fromKey` is reported as in `toFramework`, or null when that framework does not cover it. */
export function crosswalkTarget(fromFramework: string, fromKey: string, toFramework: string): string | null {
  const row = CROSSWALK.find(
    (r) => r.fromFramework === fromFramework && r.fromKey === fromKey && r.toFramework === toFramework,
  );
  return row?.toKey ?? null;
}
