/**
 * The cost types' names as people read them, with no database import, so a form in the browser can list them.
 * lib/services/cost-type.ts checks that these are exactly the database enum's values.
 */
export const COST_TYPE_LABELS = {
  salaries: 'Salaries',
  subcontracts: 'Subcontracts',
  program_facilities: 'Program facilities',
  program_support: 'Program support',
  program_supplies: 'Program supplies',
  administrative: 'Administrative costs',
  audit: 'Audit costs',
} as const;

export type CostTypeKey = keyof typeof COST_TYPE_LABELS;

export const COST_TYPE_OPTIONS = Object.entries(COST_TYPE_LABELS).map(([value, label]) => ({ value: value as CostTypeKey, label }));
