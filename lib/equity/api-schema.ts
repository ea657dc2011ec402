import { z } from 'zod';
import { equityBasis, equityComparator, equityMeasure } from '@/db/schema';
import { MoneySchema } from '@/lib/open-data/schemas';
import type { EquityApiAnswer } from './public';

/**
 * The answer of GET /api/v1/localities/{slug}/equity as a zod schema, for the OpenAPI document
 * (`apiSchemas.add(EquityAnswerSchema, { id: 'EquityAnswer' })` in lib/open-data/openapi.ts) and for the tests that
 * check every answer against it.
 */

const exactDecimal = z.string().regex(/^-?\d+\.\d+$/);
const unit = z.enum(['percent', 'dollars', 'ratio']);

const EquityInputSchema = z.object({
  label: z.string().describe('What the figure is, in plain language.'),
  value: z
    .string()
    .nullable()
    .describe(
      'Exact decimal string ("1234.56", "27.41", "12"); "fewer than 11" for a count of 1 to 10 people, which is never shown; ' +
        'null when the figure is not known, or withheld because it is computed from such a count.',
    ),
  unit: z.enum(['dollars', 'percent', 'ratio', 'lines', 'people', 'deaths', 'residents']),
});

export const EquityGoalSchema = z.object({
  id: z.number().int(),
  measure: z.enum(equityMeasure.enumValues),
  measure_label: z.string(),
  subject: z
    .string()
    .nullable()
    .describe('Category key, group label, recipient kind (community_based | lived_experience | criminal_legal) or race/ethnicity group key.'),
  framework_key: z.string(),
  basis: z.enum(equityBasis.enumValues).describe('Whether money allocated or money spent is measured; the two are never added.'),
  comparator: z.enum(equityComparator.enumValues),
  unit: unit.describe('percent (27.41 means 27.41%), dollars, or ratio (1.0000 means people are served in proportion to deaths).'),
  target: exactDecimal.describe('The target in `unit`, exact.'),
  amber_margin: exactDecimal.describe('How far from the target still counts as close (amber), in `unit`.'),
  reason: z.string().describe('Why the locality set this goal, in plain language.'),
  actual: exactDecimal
    .nullable()
    .describe('The actual value in `unit`, rounded half up; null when there is not enough data or it is withheld for privacy.'),
  status: z.enum(['met', 'close', 'missed', 'not_enough_data']).describe('Decided on the exact value, not the rounded one.'),
  thresholds: z.object({ green: z.string(), amber: z.string() }).describe('The bands, in words.'),
  missing: z.array(z.string()).describe('What would have to be entered to compute the goal, e.g. "overdose deaths for FY2027".'),
  inputs: z.record(z.string(), EquityInputSchema).describe('The numerators and denominators behind the actual.'),
  suppression: z.string().nullable(),
});

export const EquityFlagSchema = z.object({
  kind: z.enum([
    'criminal_legal_recipient',
    'discouraged_use',
    'idle_money',
    'dominant_recipient',
    'oversized_line',
    'unclassified',
    'missing_description',
  ]),
  severity: z.enum(['high', 'medium']),
  title: z.string(),
  detail: z.string(),
  allocation_id: z.number().int().nullable(),
  amount: MoneySchema.nullable(),
  share: exactDecimal.nullable().describe('The amount as a percent of the relevant total.'),
  category_key: z.string().nullable(),
  recipient_id: z.number().int().nullable(),
});

export const EquityAnswerSchema = z
  .object({
    locality: z.string(),
    fiscal_year: z.number().int().min(2000).max(2100),
    goals: z.array(EquityGoalSchema),
    flags: z.array(EquityFlagSchema),
  })
  .describe(
    "A locality's equity goals for a fiscal year, each computed from approved lines only, and the flags an oversight board sees first.",
  );

// The answer's TypeScript type and this schema must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof EquityAnswerSchema>, EquityApiAnswer> = true;
void sameShape;
