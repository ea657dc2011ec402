/**
 * The fixed English notes of the public equity answer, in a file of their own so that pure word helpers
 * (goal-words.ts) can recognise them without importing the database code of public.ts.
 */
export const SUPPRESSION_NOTE =
  'Some counts of people behind this goal are between 1 and 10. They are shown as “fewer than 11”, and the figures computed from them are withheld, so that nobody can be identified.';
