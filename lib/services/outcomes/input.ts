/**
 * Input of the outcome verbs: what a program reports it did (measure, period, how many, from where), as typed in the
 * staff form or read from an import sheet. Counts are whole numbers parsed from text without floats.
 */
import { z } from 'zod';
import { outcomeMeasure } from '@/db/schema';
import { MEASURES } from '@/lib/outcomes/measures';
import { idField, isoDateField, textField } from '../input-fields';

/** A billion billion is beyond any program's count and inside PostgreSQL's bigint. */
const MAX_UNITS = 10n ** 15n;

/** A count as typed ("1,204", "0") → bigint; never a decimal or a negative. */
export const unitsField = z.preprocess(
  (value) => (value === undefined || value === null ? '' : typeof value === 'number' || typeof value === 'bigint' ? String(value) : value),
  z.string({ error: 'Enter how many, as a whole number.' }).transform((text, ctx): bigint => {
    const trimmed = text.trim().replace(/,/g, '');
    if (trimmed === '') {
      ctx.addIssue({ code: 'custom', message: 'Enter how many, as a whole number (0 if none).' });
      return z.NEVER;
    }
    if (!/^\d{1,16}$/.test(trimmed) || BigInt(trimmed) > MAX_UNITS) {
      ctx.addIssue({ code: 'custom', message: 'Enter a whole number of 0 or more, without decimals.' });
      return z.NEVER;
    }
    return BigInt(trimmed);
  }),
);

const measureNames = Object.values(MEASURES)
  .map((m) => m.label.toLowerCase())
  .join(', ');

export const outcomeAllocationField = idField('Choose the program (allocation) this outcome is for.');

export const outcomeFieldsSchema = z
  .object({
    allocationId: outcomeAllocationField,
    measure: z.enum(outcomeMeasure.enumValues, { error: `Choose what was counted: ${measureNames}.` }),
    customMeasureName: textField({ max: 200, tooLong: 'Keep the measure’s name under 200 characters.' }),
    unit: textField({ max: 50, tooLong: 'Keep the unit under 50 characters.' }),
    periodStart: isoDateField('Enter the first day of the period the count covers.'),
    periodEnd: isoDateField('Enter the last day of the period the count covers.'),
    units: unitsField,
    source: textField({
      max: 500,
      required: 'Say where the number comes from (a program report, a dashboard), so readers can check it.',
      tooLong: 'Keep the source under 500 characters.',
    }),
  })
  .superRefine((fields, ctx) => {
    if (fields.measure === 'other') {
      if (fields.customMeasureName === '') ctx.addIssue({ code: 'custom', path: ['customMeasureName'], message: 'Name what was counted.' });
      if (fields.unit === '') ctx.addIssue({ code: 'custom', path: ['unit'], message: 'Say in what unit it was counted (sessions, meals, rides).' });
    } else {
      const why = `Leave this empty: “${MEASURES[fields.measure].label}” has its own name and unit. Choose “Other measure” to name your own.`;
      if (fields.customMeasureName !== '') ctx.addIssue({ code: 'custom', path: ['customMeasureName'], message: why });
      if (fields.unit !== '') ctx.addIssue({ code: 'custom', path: ['unit'], message: why });
    }
    // ISO dates compare as text.
    if (fields.periodStart !== '' && fields.periodEnd !== '' && fields.periodEnd < fields.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'The period cannot end before it starts.' });
    }
  })
  .transform((fields) => ({
    ...fields,
    customMeasureName: fields.measure === 'other' ? fields.customMeasureName : null,
    unit: fields.measure === 'other' ? fields.unit : null,
  }));

export type OutcomeFields = z.infer<typeof outcomeFieldsSchema>;
