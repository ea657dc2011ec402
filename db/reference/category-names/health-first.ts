import { names, type CategoryName } from './types';

/**
 * Names other reports use for categories of Abate's health-first framework. Health-first is Abate's own list, so no
 * report is written in it: these are the common abbreviations and plain names a locality's own spreadsheet uses.
 * A name that also belongs to another framework ("OUD Treatment", "Harm Reduction", "Administrative Costs") is settled
 * by the framework the rest of the file uses; only a real tie asks the user.
 */
export const HEALTH_FIRST_NAMES: readonly CategoryName[] = [
  // Exhibit E and NC Exhibit A spell out MAT and MOUD; budget sheets use the abbreviations.
  ...names('common', 'moud', [
    'MAT',
    'MOUD',
    'Medication-assisted treatment',
    'Medication for opioid use disorder',
    'Medications for opioid use disorder',
  ]),
  // "OUD treatment" without a medication named is treatment in general, as Exhibit E's "Treat opioid use disorder" is
  // (the crosswalk reports each as the other).
  ...names('common', 'treatment', ['OUD treatment', 'Opioid use disorder treatment']),
  // "Narcan" is naloxone's trade name (ncopioidsettlement.org says so in the strategy list).
  ...names('common', 'naloxone', ['Narcan', 'Naloxone', 'Naloxone distribution']),
  ...names('common', 'syringe-services', ['SSP', 'Syringe service program', 'Syringe services program']),
  ...names('common', 'drug-checking', ['Fentanyl test strips', 'Test strips']),
  // Health-first has no single "harm reduction" category (it is a group of five). Like the crosswalk of Exhibit E's
  // approved use H ("Prevent overdose deaths and other harms (harm reduction)"), the name goes to naloxone, the largest
  // use under it, so a line reads the same whichever list it was filed in. Test strips, syringes and overdose
  // prevention centers are better tagged directly.
  ...names('common', 'naloxone', ['Harm reduction']),
  ...names('common', 'administration', ['Administrative costs', 'Administration']),
  ...names('common', 'housing', ['Recovery housing']),
  ...names('common', 'reentry', ['Re-entry']),
];
