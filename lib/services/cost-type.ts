import { z } from 'zod';
import { costType } from '@/db/schema/enums';
import { COST_TYPE_LABELS as LABELS, type CostTypeKey } from './cost-type-labels';

/**
 * The kind of cost a line or a payment pays for: the Massachusetts municipal report's line-item categories, plus
 * audit costs, which North Carolina's annual report asks for apart (MOA section F.3). Optional everywhere: a payment
 * without one takes its line's (lib/data/fund.ts#paymentCostTypeSql).
 */
export const COST_TYPES = costType.enumValues;
export type CostType = (typeof COST_TYPES)[number];

// A compile-time check that the labels name exactly the enum's values, no more and no fewer.
const sameKeys: [CostType, CostTypeKey] extends [CostTypeKey, CostType] ? true : never = true;
void sameKeys;

export const COST_TYPE_LABELS: Record<CostType, string> = LABELS;

export function costTypeLabel(value: string | null | undefined): string {
  return value && value in COST_TYPE_LABELS ? COST_TYPE_LABELS[value as CostType] : '';
}

const normalized = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, ' ').replace(/ costs?$/, '');

/** A cost type from what people write ("Salaries", "program supplies", "Administrative costs", "audit"), or null. */
export function costTypeFromText(text: string): CostType | null {
  const wanted = normalized(text);
  if (wanted === '') return null;
  for (const value of COST_TYPES) {
    if (normalized(value) === wanted || normalized(COST_TYPE_LABELS[value]) === wanted) return value;
  }
  return wanted === 'admin' || wanted === 'administration' ? 'administrative' : null;
}

export const COST_TYPE_CHOICES = COST_TYPES.map((value) => `"${COST_TYPE_LABELS[value]}"`).join(', ');

/** Why a cell or a form value names no cost type: the same words on the form, the import and the API. */
export function unknownCostTypeReason(text: string): string {
  return `"${text.trim()}" is not a cost type. Use one of ${COST_TYPE_CHOICES}, or leave it empty.`;
}

/** The optional cost type of a form or an import row: empty is null; anything else must name one of the types. */
export const costTypeField = z.preprocess(
  (value) => (value === undefined || value === null ? '' : value),
  z.string({ error: `Choose a cost type: ${COST_TYPE_CHOICES}, or none.` }).transform((text, ctx): CostType | null => {
    if (text.trim() === '') return null;
    const found = costTypeFromText(text);
    if (!found) {
      ctx.addIssue({ code: 'custom', message: unknownCostTypeReason(text) });
      return z.NEVER;
    }
    return found;
  }),
);
