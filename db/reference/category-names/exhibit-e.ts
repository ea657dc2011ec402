import type { CategoryName } from './types';
import { names } from './types';

/**
 * Names real reports use for the national settlements' Exhibit E: the Massachusetts municipal report's strategies
 * (which are Schedule B approved uses), the short names of every Schedule A and B item, and the letters people cite
 * them by.
 */

const MASSACHUSETTS_FY2024: readonly CategoryName[] = [
  // The Massachusetts municipal report (FY2024) lists spending per strategy. Its seven strategies are Exhibit E's
  // Schedule B approved uses A–E, G and H, in the State-Subdivision Agreement's words.
  ...names('ma-fy2024', 'use-a', [
    'Opioid Use Disorder Treatment',
    'OUD Treatment',
    'Opioid Use Disorder Treatment - Support and promote treatment of persons with Opioid Use Disorder (OUD)',
  ]),
  ...names('ma-fy2024', 'use-b', ['Support People in Treatment and Recovery']),
  ...names('ma-fy2024', 'use-c', [
    'Connections to Care',
    'Connections to Care for people who have, or are at risk of developing, OUD',
  ]),
  ...names('ma-fy2024', 'use-d', [
    'Address the Needs of Criminal Justice-Involved Persons',
    'Address the Needs of Criminal-Justice-Involved Persons',
  ]),
  ...names('ma-fy2024', 'use-e', [
    'Support Pregnant or Parenting Women and Their Families',
    'Support Pregnant or Parenting Women and Their Families, Including Babies with Neonatal Abstinence Syndrome',
  ]),
  ...names('ma-fy2024', 'use-g', [
    'Prevent Misuse of Opioids',
    'Prevent Misuse of Opioids and Implement Prevention Education',
  ]),
  ...names('ma-fy2024', 'use-h', ['Harm Reduction']),
  // The report's "Administrative Costs" row: running the program. Exhibit E has no administration heading of its
  // own; planning, coordination and management of the settlement programs is approved use J.
  ...names('ma-fy2024', 'use-j', ['Administrative Costs']),
  // The report's "Other" row is not a strategy: it resolves to "Other / not yet classified" (UNCLASSIFIED_NAMES).
];

const SHORT_NAMES: readonly CategoryName[] = [
  // Schedule A, core strategies.
  ...names('exhibit-e', 'core-a', ['Naloxone', 'Naloxone or other FDA-approved drug to reverse opioid overdoses']),
  ...names('exhibit-e', 'core-b', [
    'MAT distribution',
    'Medication-assisted treatment distribution',
    'Medication-assisted treatment (MAT) distribution',
  ]),
  ...names('exhibit-e', 'core-c', ['Pregnant & postpartum women', 'Pregnant and postpartum women']),
  ...names('exhibit-e', 'core-d', ['Neonatal abstinence syndrome', 'NAS', 'Expanding treatment for NAS']),
  ...names('exhibit-e', 'core-e', [
    'Warm hand-off programs and recovery services',
    'Warm hand-off',
    'Warm handoff',
    'Warm hand-offs',
  ]),
  ...names('exhibit-e', 'core-f', ['Treatment for incarcerated population', 'Treatment for incarcerated populations']),
  ...names('exhibit-e', 'core-g', ['Prevention programs']),
  ...names('exhibit-e', 'core-h', ['Syringe service programs', 'Expanding syringe service programs']),
  ...names('exhibit-e', 'core-i', [
    'Evidence-based data collection and research',
    'Data collection and research',
  ]),
  // Schedule B, approved uses.
  ...names('exhibit-e', 'use-a', ['Treat opioid use disorder', 'Treat OUD']),
  ...names('exhibit-e', 'use-b', ['Support people in treatment and recovery']),
  ...names('exhibit-e', 'use-c', ['Connections to care', 'Connect people who need help to the help they need']),
  ...names('exhibit-e', 'use-d', ['Criminal justice-involved persons', 'Address the needs of criminal justice-involved persons']),
  ...names('exhibit-e', 'use-e', [
    'Pregnant or parenting women and their families',
    'Address the needs of pregnant or parenting women and their families',
  ]),
  ...names('exhibit-e', 'use-f', [
    'Prevent over-prescribing',
    'Prevent over-prescribing and ensure appropriate prescribing and dispensing of opioids',
  ]),
  ...names('exhibit-e', 'use-g', ['Prevent misuse of opioids']),
  ...names('exhibit-e', 'use-h', ['Prevent overdose deaths and other harms', 'Harm reduction']),
  ...names('exhibit-e', 'use-i', ['First responders']),
  ...names('exhibit-e', 'use-j', ['Leadership, planning and coordination']),
  ...names('exhibit-e', 'use-k', ['Training']),
  ...names('exhibit-e', 'use-l', ['Research']),
];

/**
 * The letters as reports cite them. Matching ignores punctuation, so "Schedule B, C" also covers "Schedule B C",
 * "Schedule B-C" and "Schedule B.C", and "B-C" covers "B.C" and "B C". A name after the letters ("Schedule B, C:
 * Connections to care") is checked against the letters by the resolver.
 */
function letterNames(schedule: 'A' | 'B', letters: string, keyPrefix: 'core' | 'use', title: string): CategoryName[] {
  return letters.split('').flatMap((letter) =>
    [
      `Schedule ${schedule}, ${letter}`,
      `Sched. ${schedule}-${letter}`,
      `${schedule}-${letter}`,
      `Exhibit E ${schedule}-${letter}`,
      `${title} ${letter}`,
      `Schedule ${schedule} ${title} ${letter}`,
    ].map((name) => ({ name, key: `${keyPrefix}-${letter.toLowerCase()}`, kind: 'list-number' as const, source: 'exhibit-e' as const })),
  );
}

export const EXHIBIT_E_NAMES: readonly CategoryName[] = [
  ...MASSACHUSETTS_FY2024,
  ...SHORT_NAMES,
  ...letterNames('A', 'ABCDEFGHI', 'core', 'Core Strategy'),
  ...letterNames('B', 'ABCDEFGHIJKL', 'use', 'Approved Use'),
];
