/**
 * What an allocation form sends, checked: the fields, the recipient (picked or new), and the category splits. Shared
 * by the create and update verbs so both accept and refuse exactly the same things.
 */
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { allocationSplits, categories, frameworks, fundingSources, recipients, recipientType } from '@/db/schema';
import { Invalid } from '@/lib/errors';
import { MAX_AUTHORIZATION_YEARS } from './limits';
import { formatCents, formatPercentFromBasisPoints, sharesFromCents, splitCentsByShares, sumCents } from '@/lib/money';
import {
  checkboxField,
  fiscalYearField,
  idField,
  moneyField,
  optionalIdField,
  optionalLastFiscalYearField,
  percentField,
  textField,
} from '../input-fields';
import { costTypeField } from '../cost-type';

export const RECIPIENT_TYPES = recipientType.enumValues;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

const WHOLE = 10_000;

/** Stored as null when the line covers one fiscal year, so "one year" has one spelling in the database. */
export function storedLastFiscalYear(fields: { fiscalYear: number; lastFiscalYear: number | null }): number | null {
  return fields.lastFiscalYear === null || fields.lastFiscalYear === fields.fiscalYear ? null : fields.lastFiscalYear;
}
export const MAX_SPLITS = 30;

/** How the form divides a line among categories: by percentage (the default), or by dollar amount to the cent. */
export const SPLIT_BY = ['percent', 'amount'] as const;
export type SplitBy = (typeof SPLIT_BY)[number];

const percentSplitSchema = z.object({
  categoryId: idField('Choose a category.'),
  percent: percentField,
});

const amountSplitSchema = z.object({
  categoryId: idField('Choose a category.'),
  amount: moneyField({ required: 'Enter this category’s amount.', allowNegative: false, allowZero: false }),
});

function splitsField<T extends z.ZodType>(split: T) {
  return z
    .array(split, { error: 'Add at least one category.' })
    .min(1, { error: 'Add at least one category.' })
    .max(MAX_SPLITS, { error: `Use at most ${MAX_SPLITS} categories.` });
}

const fieldsShape = {
  fiscalYear: fiscalYearField,
  lastFiscalYear: optionalLastFiscalYearField,
  program: textField({ max: 200, required: 'Enter the program name.', tooLong: 'Keep the program name under 200 characters.' }),
  description: textField({ max: 2000, tooLong: 'Keep the description under 2,000 characters.' }),
  amount: moneyField({ required: 'Enter the amount allocated.', allowNegative: false, allowZero: true }),
  costType: costTypeField,
  sourceId: optionalIdField('Choose a funding source from the list.'),
  recipientMode: z.preprocess(
    (value) => (value === undefined || value === '' ? 'existing' : value),
    z.enum(['existing', 'new', 'none'], { error: 'Choose whether to pick a recipient or add a new one.' }),
  ),
  recipientId: optionalIdField('Choose a recipient from the list.'),
  newRecipientName: textField({ max: 200, tooLong: 'Keep the name under 200 characters.' }),
  newRecipientType: z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.enum(RECIPIENT_TYPES, { error: 'Choose what kind of organization the recipient is.' }).optional(),
  ),
  newRecipientLivedExperience: checkboxField,
};

type RefineContext = z.RefinementCtx;

/** The recipient and the years: the same for either way of splitting. */
function checkRecipientAndYears(value: Record<string, unknown>, ctx: RefineContext): void {
  const recipientId: unknown = value.recipientId;
  if (value.recipientMode === 'existing' && (recipientId === null || recipientId === undefined || recipientId === '')) {
    ctx.addIssue({ code: 'custom', path: ['recipientId'], message: 'Choose a recipient from the list, or add a new one.' });
  }
  if (value.recipientMode === 'new') {
    if (typeof value.newRecipientName !== 'string' || value.newRecipientName === '') {
      ctx.addIssue({ code: 'custom', path: ['newRecipientName'], message: 'Enter the new recipient’s name.' });
    }
    if (value.newRecipientType === undefined) {
      ctx.addIssue({ code: 'custom', path: ['newRecipientType'], message: 'Choose what kind of organization the recipient is.' });
    }
  }
  const { fiscalYear, lastFiscalYear } = value;
  if (typeof fiscalYear === 'number' && typeof lastFiscalYear === 'number') {
    if (lastFiscalYear < fiscalYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['lastFiscalYear'],
        message: `The authorization cannot end (FY${lastFiscalYear}) before it starts (FY${fiscalYear}).`,
      });
    } else if (lastFiscalYear > fiscalYear + MAX_AUTHORIZATION_YEARS) {
      ctx.addIssue({
        code: 'custom',
        path: ['lastFiscalYear'],
        message: `An authorization may cover at most ${MAX_AUTHORIZATION_YEARS + 1} fiscal years.`,
      });
    }
  }
}

/** Each category once. Returns the splits when they are a list, to total them. */
function checkCategoriesOnce(value: Record<string, unknown>, ctx: RefineContext): Record<string, unknown>[] | null {
  if (!Array.isArray(value.splits)) return null;
  const seen = new Set<number>();
  for (const [index, split] of (value.splits as Record<string, unknown>[]).entries()) {
    if (typeof split?.categoryId !== 'number') continue;
    if (seen.has(split.categoryId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['splits', index, 'categoryId'],
        message: 'This category is already listed above; put its whole share on one row.',
      });
    }
    seen.add(split.categoryId);
  }
  return value.splits as Record<string, unknown>[];
}

// The refinements run even when a field failed to parse (`when`), so every problem shows at once; hence the type
// guards. A total is judged only when every part could be read: one bad part already has its own message.
const byPercentSchema = z.object({ ...fieldsShape, splitBy: z.literal('percent'), splits: splitsField(percentSplitSchema) }).superRefine(
  (value, ctx) => {
    if (typeof value !== 'object' || value === null) return;
    checkRecipientAndYears(value, ctx);
    const splits = checkCategoriesOnce(value, ctx);
    if (!splits || splits.length === 0 || !splits.every((split) => typeof split?.percent === 'number')) return;
    const total = splits.reduce((sum, split) => sum + (split.percent as number), 0);
    if (total !== WHOLE) {
      ctx.addIssue({
        code: 'custom',
        path: ['splits'],
        message: `The shares add up to ${formatPercentFromBasisPoints(total)}; they must add up to exactly 100%.`,
      });
    }
  },
  { when: () => true },
);

const byAmountSchema = z.object({ ...fieldsShape, splitBy: z.literal('amount'), splits: splitsField(amountSplitSchema) }).superRefine(
  (value, ctx) => {
    if (typeof value !== 'object' || value === null) return;
    checkRecipientAndYears(value, ctx);
    const splits = checkCategoriesOnce(value, ctx);
    if (typeof value.amount !== 'bigint') return;
    if (value.amount === 0n) {
      ctx.addIssue({ code: 'custom', path: ['splits'], message: 'A line of $0.00 cannot be split by amount; split it by percentage.' });
      return;
    }
    if (!splits || splits.length === 0 || !splits.every((split) => typeof split?.amount === 'bigint')) return;
    const total = sumCents(splits.map((split) => split.amount as bigint));
    if (total !== value.amount) {
      const gap = value.amount - total;
      ctx.addIssue({
        code: 'custom',
        path: ['splits'],
        message:
          `The categories’ amounts add up to ${formatCents(total)}; they must add up to the amount allocated, ` +
          `${formatCents(value.amount)} (${gap > 0n ? `${formatCents(gap)} still to assign` : `${formatCents(-gap)} too much`}).`,
      });
    }
  },
  { when: () => true },
);

export const allocationFieldsSchema = z.preprocess(
  // Forms and callers from before amounts split by percentage, and say nothing: percentage stays the default.
  (input) => (input && typeof input === 'object' && !('splitBy' in input && (input as { splitBy: unknown }).splitBy) ? { ...input, splitBy: 'percent' } : input),
  z.discriminatedUnion('splitBy', [byPercentSchema, byAmountSchema], { error: 'Choose whether to split by percentage or by amount.' }),
);

export type AllocationFields = z.infer<typeof allocationFieldsSchema>;

/** The columns an allocation's form sets, on create and on edit (its splits are written beside them: writeSplits). */
export function allocationColumns(fields: AllocationFields, recipientId: number | null) {
  return {
    fiscalYear: fields.fiscalYear,
    lastFiscalYear: storedLastFiscalYear(fields),
    program: fields.program,
    description: fields.description,
    recipientId,
    sourceId: fields.sourceId,
    amountCents: fields.amount,
    costType: fields.costType,
  };
}

export interface ResolvedRecipient {
  id: number | null;
  /** Set when this save created the recipient, so the audit row says so. */
  created: { id: number; name: string; type: RecipientType; livedExperienceLed: boolean } | null;
}

/**
 * The recipient of an allocation: one of the locality's own (never another locality's, even by id), a new one
 * created in the same transaction, or none yet.
 */
export async function resolveRecipient(tx: Executor, localityId: number, fields: AllocationFields): Promise<ResolvedRecipient> {
  if (fields.recipientMode === 'none') return { id: null, created: null };
  if (fields.recipientMode === 'existing') {
    const [row] = await tx
      .select({ id: recipients.id })
      .from(recipients)
      .where(and(eq(recipients.id, fields.recipientId!), eq(recipients.localityId, localityId)));
    if (!row) throw new Invalid('Please correct the field marked below.', { recipientId: ['Choose a recipient of this locality from the list.'] });
    return { id: row.id, created: null };
  }
  const name = fields.newRecipientName;
  const [existing] = await tx
    .select({ id: recipients.id, name: recipients.name })
    .from(recipients)
    .where(and(eq(recipients.localityId, localityId), sql`lower(${recipients.name}) = lower(${name})`));
  if (existing) {
    throw new Invalid('Please correct the field marked below.', {
      newRecipientName: [`A recipient named “${existing.name}” already exists; choose it from the list instead.`],
    });
  }
  const type = fields.newRecipientType!;
  const [row] = await tx
    .insert(recipients)
    .values({ localityId, name, type, livedExperienceLed: fields.newRecipientLivedExperience })
    .returning({ id: recipients.id });
  if (!row) throw new Error('recipient was not created');
  return { id: row.id, created: { id: row.id, name, type, livedExperienceLed: fields.newRecipientLivedExperience } };
}

/** The funding source must exist; it is optional on an allocation. */
export async function checkSource(tx: Executor, sourceId: number | null): Promise<void> {
  if (sourceId === null) return;
  const [row] = await tx.select({ id: fundingSources.id }).from(fundingSources).where(eq(fundingSources.id, sourceId));
  if (!row) throw new Invalid('Please correct the field marked below.', { sourceId: ['Choose a funding source from the list.'] });
}

/**
 * Categories may come from any framework Abate ships or from the locality's own framework — never from another
 * locality's. The id given is stored as is; public views map it through the crosswalk.
 */
export async function checkCategories(tx: Executor, localityId: number, splits: AllocationFields['splits']): Promise<void> {
  const ids = [...new Set(splits.map((split) => split.categoryId))];
  const rows = await tx
    .select({ id: categories.id })
    .from(categories)
    .innerJoin(frameworks, eq(frameworks.id, categories.frameworkId))
    .where(and(inArray(categories.id, ids), or(isNull(frameworks.localityId), eq(frameworks.localityId, localityId))));
  const known = new Set(rows.map((row) => row.id));
  const fieldErrors: Record<string, string[]> = {};
  for (const [index, split] of splits.entries()) {
    if (!known.has(split.categoryId)) fieldErrors[`splits.${index}.categoryId`] = ['Choose a category from the list.'];
  }
  if (Object.keys(fieldErrors).length > 0) throw new Invalid('Please correct the fields marked below.', fieldErrors);
}

/**
 * Replaces an allocation's splits. The cents of each share come from `splitCentsByShares` (largest remainder), so
 * they add up to the amount exactly; the database checks that at commit.
 */
export async function writeSplits(
  tx: Executor,
  allocationId: number,
  amountCents: bigint,
  splits: AllocationFields['splits'],
): Promise<void> {
  await tx.delete(allocationSplits).where(eq(allocationSplits.allocationId, allocationId));
  const { cents, shares } = splitParts(amountCents, splits);
  await tx.insert(allocationSplits).values(
    splits.map((split, index) => ({
      allocationId,
      categoryId: split.categoryId,
      shareBasisPoints: shares[index]!,
      amountCents: cents[index]!,
    })),
  );
}

/**
 * Each category's cents and share. By percentage, the cents come from `splitCentsByShares` (largest remainder), so
 * they add up to the amount exactly; by amount, the cents are as entered (checked to add up to the amount) and the
 * shares come from them by the same rule, so they add up to exactly 100%.
 */
function splitParts(amountCents: bigint, splits: AllocationFields['splits']): { cents: bigint[]; shares: number[] } {
  if (splits.every((split): split is { categoryId: number; amount: bigint } => 'amount' in split)) {
    const cents = splits.map((split) => split.amount);
    return { cents, shares: sharesFromCents(cents) };
  }
  const shares = splits.map((split) => ('percent' in split ? split.percent : 0));
  return { cents: splitCentsByShares(amountCents, shares), shares };
}
