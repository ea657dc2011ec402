import { toFixedDecimal } from './decimal';
import type { ActualUnit, EquityMeasure } from './types';

export const EQUITY_MEASURES: readonly EquityMeasure[] = [
  'category_share',
  'group_share',
  'recipient_share',
  'dollars_per_death',
  'dollars_per_resident',
  'reach_parity',
  'spend_down',
  'completeness',
];

/** The unit of each measure's actual value and target (targets are stored as basis points or cents). */
export const MEASURE_UNIT: Readonly<Record<EquityMeasure, ActualUnit>> = {
  category_share: 'percent',
  group_share: 'percent',
  recipient_share: 'percent',
  dollars_per_death: 'dollars',
  dollars_per_resident: 'dollars',
  reach_parity: 'ratio',
  spend_down: 'percent',
  completeness: 'percent',
};

/** Short plain-language names for forms and charts. */
export const MEASURE_LABEL: Readonly<Record<EquityMeasure, string>> = {
  category_share: 'Share of spending in a category',
  group_share: 'Share of spending in a group of categories',
  recipient_share: 'Share of spending to a kind of recipient',
  dollars_per_death: 'Dollars per overdose death',
  dollars_per_resident: 'Dollars per resident',
  reach_parity: 'Reach compared with overdose deaths',
  spend_down: 'Money spent out of money received',
  completeness: 'Lines fully described',
};

/** Measures whose `basis` (allocated or spent) matters. Spend-down is always spent ÷ received. */
export const MEASURES_WITH_BASIS: ReadonlySet<EquityMeasure> = new Set([
  'category_share',
  'group_share',
  'recipient_share',
  'dollars_per_death',
  'dollars_per_resident',
]);

export const RECIPIENT_SUBJECTS = {
  community_based: 'community-based organizations',
  lived_experience: 'organizations led by people with lived experience',
  // Beside the share in criminal-legal categories: who receives the money, whatever its category (a line counts
  // when its recipient, or a recipient its payments name, is police, sheriff, jail, courts or prosecution).
  criminal_legal: 'criminal-legal-system recipients',
} as const;
export type RecipientSubject = keyof typeof RECIPIENT_SUBJECTS;

export function isRecipientSubject(value: string | null): value is RecipientSubject {
  return value !== null && Object.hasOwn(RECIPIENT_SUBJECTS, value);
}

/** Decimal places of a unit's exact string: percent and dollars to hundredths; a ratio in basis points to 4. */
export const UNIT_PLACES: Readonly<Record<ActualUnit, number>> = { percent: 2, dollars: 2, ratio: 4 };

/** Basis points or cents as the exact decimal string the API and pages show: 2741n → "27.41", 8000n ratio → "0.8000". */
export function formatUnits(units: bigint, unit: ActualUnit): string {
  return toFixedDecimal(units, UNIT_PLACES[unit]);
}
