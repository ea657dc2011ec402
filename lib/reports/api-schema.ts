import { z } from 'zod';
import { MoneySchema } from '@/lib/open-data/schemas';

/**
 * The answer of GET /api/v1/localities/{slug}/reports/{report} as a zod schema, for the OpenAPI document
 * (`apiSchemas.add(ReportAnswerSchema, { id: 'ReportAnswer' })` in lib/open-data/openapi.ts) and for the tests.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ids = z.array(z.number().int().positive());

const CellSchema = z.union([
  z.object({ text: z.string() }),
  z.object({
    money: MoneySchema,
    sums: z
      .object({ receipts: ids, payments: ids, lines: ids, fund: z.boolean() })
      .describe('The ids of the receipts, payments (expenditures) and allocation lines the figure sums; `fund`: a balance derived from the whole fund.'),
  }),
  z.object({ date: isoDate.nullable() }),
  z.object({ percent: z.string().regex(/^-?\d+\.\d{2}$/).nullable().describe('Exact decimal percentage, e.g. "28.66"; null when nothing was available.') }),
]);

export const ReportAnswerSchema = z
  .object({
    report: z.string().describe('The report key.'),
    title: z.string(),
    state: z.string().describe('The state that asks for the report (two-letter code).'),
    locality: z.string(),
    fiscal_year: z.number().int().min(2000).max(2100),
    period: z.object({ start: isoDate, end: isoDate }),
    due_on: isoDate.describe("The report's due date by its state's rule."),
    sections: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        note: z.string().nullable(),
        columns: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['text', 'money', 'date', 'percent']) })),
        rows: z.array(z.object({ key: z.string(), total: z.boolean(), cells: z.record(z.string(), CellSchema) })),
      }),
    ),
  })
  .describe('A state report built from approved data: every money figure exact, with the ids of what it sums.');

export type ApiReportAnswer = z.infer<typeof ReportAnswerSchema>;
