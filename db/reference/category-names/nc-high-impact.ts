import type { CategoryName } from './types';
import { names } from './types';

/**
 * Names North Carolina reports use for the Exhibit A ("Option A") high-impact strategies. A label with its number
 * ("7. Naloxone distribution") or without it ("Naloxone distribution") already matches the category's label; the
 * number in front is ignored when the name matches, because county resolutions renumber the strategies they fund
 * (Chatham County's "4. Early Intervention" is strategy 6). These are the other spellings, and the numbers cited on
 * their own ("Strategy 8", "Option A 9").
 */

const EXHIBIT_A: readonly CategoryName[] = [
  ...names('nc-exhibit-a', 'strategic-planning', ['Collaborative strategic planning']),
  ...names('nc-exhibit-a', 'addiction-treatment', ['Evidence-based addiction treatment']),
  ...names('nc-exhibit-a', 'recovery-support', ['Recovery support services']),
  ...names('nc-exhibit-a', 'recovery-housing', ['Recovery housing support']),
  ...names('nc-exhibit-a', 'employment', ['Employment related services', 'Employment-related services']),
  ...names('nc-exhibit-a', 'early-intervention', ['Early intervention', 'Early intervention programs']),
  ...names('nc-exhibit-a', 'naloxone', ['Naloxone distribution']),
  ...names('nc-exhibit-a', 'post-overdose-response', ['Post-overdose response team', 'Post-overdose response teams']),
  ...names('nc-exhibit-a', 'syringe-services', [
    'Syringe service program',
    'Syringe service programs',
    'Syringe services programs',
  ]),
  ...names('nc-exhibit-a', 'diversion', ['Criminal justice diversion programs', 'Criminal justice diversion']),
  ...names('nc-exhibit-a', 'incarcerated-treatment', ['Addiction treatment for incarcerated persons']),
  ...names('nc-exhibit-a', 'reentry', ['Reentry programs', 'Re-entry programs']),
];

const ABBREVIATIONS: readonly CategoryName[] = [
  // Alexander County: "Post-Overdose Response Team (PORT)"; Lincoln County: "Post-Overdose Response Team, or PORT".
  ...names('nc-common', 'post-overdose-response', ['PORT', 'Post-Overdose Response Team (PORT)']),
  ...names('common', 'syringe-services', ['SSP']),
  // NC's syringe programs are its harm-reduction strategy: Exhibit A 9 funds "syringes, naloxone, or other harm
  // reduction supplies". Naloxone on its own is strategy 7.
  ...names('common', 'syringe-services', ['Harm reduction']),
  ...names('common', 'naloxone', ['Narcan', 'Naloxone']),
  // "OUD treatment" is treatment in every list, so the three agree. "MAT" and "MOUD" are left to health-first's
  // medications category: North Carolina reports that as strategy 2 through the crosswalk, and a second NC name
  // would only make every file without other NC names ask which one it meant.
  ...names('common', 'addiction-treatment', ['OUD treatment']),
];

const STRATEGY_KEYS = [
  'strategic-planning',
  'addiction-treatment',
  'recovery-support',
  'recovery-housing',
  'employment',
  'early-intervention',
  'naloxone',
  'post-overdose-response',
  'syringe-services',
  'diversion',
  'incarcerated-treatment',
  'reentry',
] as const;

/** "Strategy 8", "Option A 9", "Exhibit A 7": the numbers as resolutions cite them (punctuation is ignored). */
const NUMBERS: readonly CategoryName[] = STRATEGY_KEYS.flatMap((key, index) =>
  [
    `Strategy ${index + 1}`,
    `Option A ${index + 1}`,
    `Option A Strategy ${index + 1}`,
    `Exhibit A ${index + 1}`,
    `Exhibit A Strategy ${index + 1}`,
  ].map((name) => ({ name, key, kind: 'list-number' as const, source: 'nc-exhibit-a' as const })),
);

export const NC_HIGH_IMPACT_NAMES: readonly CategoryName[] = [...EXHIBIT_A, ...ABBREVIATIONS, ...NUMBERS];
