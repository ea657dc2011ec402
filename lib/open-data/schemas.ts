import { z } from 'zod';
import { localityKind } from '@/db/schema/enums';
import { LINE_FLAG_CODES } from '@/lib/equity/line-flags';
import { MEASURE_KEYS } from '@/lib/outcomes/measures';
import { MAX_LIMIT, RECIPIENT_TYPES } from './params';
import { CENTS_PATTERN, DECIMAL_PATTERN } from './money';

/**
 * The public API's answers, as zod schemas. They are the single source of the OpenAPI document's component
 * schemas (`z.toJSONSchema`), of the TypeScript types the answers are built with, and of the tests that check every
 * answer against what the document promises.
 */

export const apiSchemas = z.registry<{ id: string }>();

function component<T extends z.ZodType>(id: string, schema: T): T {
  apiSchemas.add(schema, { id });
  return schema;
}

const stance = z.enum(['recommended', 'neutral', 'discouraged']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fiscalYear = z.number().int().min(2000).max(2100);
const OUTCOME_MEASURES = MEASURE_KEYS as [string, ...string[]];

export const MoneySchema = component(
  'Money',
  z
    .object({
      cents: z
        .string()
        .regex(CENTS_PATTERN)
        .describe('Integer number of cents, as a string of digits with an optional leading "-".'),
      decimal: z
        .string()
        .regex(DECIMAL_PATTERN)
        .describe('The same amount in dollars with exactly two decimals, e.g. "1234.56"; no "$", no grouping.'),
    })
    .describe(
      'An exact amount of US dollars. Amounts are never JSON numbers: a JSON number is read as a 64-bit float by ' +
        'most parsers, which cannot hold every integer past 2^53 and cannot hold most decimal fractions at all, so ' +
        'sums of many amounts would drift. `cents` is the exact integer; parse it as a big integer (BigInt, ' +
        "Python's int, Decimal). `decimal` is the same value for display and for spreadsheets.",
    ),
);

export const ErrorSchema = component(
  'Error',
  z
    .object({
      error: z.object({
        code: z.enum(['invalid', 'not_found', 'internal']),
        message: z.string().describe('What went wrong, written for a person.'),
        field: z.string().optional().describe('The query parameter or path part that was wrong.'),
      }),
    })
    .describe('Every 4xx and 5xx answer has this shape. It never carries a stack trace or a database message.'),
);

export const LocalitySchema = component(
  'Locality',
  z.object({
    slug: z.string().describe('Stable identifier used in URLs.'),
    name: z.string(),
    kind: z.enum(localityKind.enumValues),
    state_code: z.string().length(2).describe('Two-letter US state code ("ZZ" for the fictional demo state).'),
    population: z.number().int().nullable(),
    fy_start_month: z
      .number()
      .int()
      .min(1)
      .max(12)
      .describe('Month the fiscal year starts (1 = January). FY2026 is the fiscal year that ends in 2026.'),
    parent: z.string().nullable().describe('Slug of the locality this one belongs to (a county within a state).'),
    children: z.array(z.string()).describe('Slugs of the localities that belong to this one.'),
    is_demo: z.boolean().describe('True for the fictional demonstration data.'),
    links: z.object({
      self: z.string(),
      allocations: z.string(),
      expenditures: z.string(),
      receipts: z.string(),
      summary: z.string(),
      datapackage: z.string().describe('Frictionless Data Package with CSV downloads of this locality.'),
    }),
  }),
);

export const LocalityDetailSchema = component(
  'LocalityDetail',
  LocalitySchema.extend({
    fiscal_years: z
      .array(fiscalYear)
      .describe('Fiscal years with money received or approved allocations, newest first.'),
  }),
);

export const RecipientSchema = component(
  'Recipient',
  z.object({
    name: z.string(),
    type: z.enum(RECIPIENT_TYPES),
    lived_experience_led: z.boolean().describe('Led by people with lived experience or by the communities most affected.'),
  }),
);

export const FundingSourceSchema = component(
  'FundingSource',
  z.object({ key: z.string(), name: z.string(), kind: z.enum(['settlement', 'grant', 'interest', 'other']) }),
);

export const SplitSchema = component(
  'Split',
  z
    .object({
      framework: z.string(),
      key: z.string(),
      label: z.string(),
      group: z.string(),
      stance: stance,
      share_bp: z.number().int().min(1).max(10000).describe('Share in basis points: 10000 = 100%.'),
      amount: MoneySchema,
    })
    .describe('A part of an allocation as the locality tagged it. Parts add up to the allocation to the cent.'),
);

export const CategoryPartSchema = component(
  'CategoryPart',
  z
    .object({
      key: z
        .string()
        .describe(
          'Category key in the framework, or "unmapped" (the framework has no match) or "uncategorized". Money paid to a ' +
            'criminal-legal-system recipient is never reported under a "non-police" category (community crisis response, ' +
            'voluntary diversion, community prevention): it keeps the category it was filed in, keyed "framework:key" ' +
            '(e.g. "exhibit-e:use-c"), with a null stance.',
        ),
      label: z.string(),
      group: z.string(),
      stance: stance.nullable(),
      share_bp: z.number().int().min(1).max(10000),
      amount: MoneySchema,
    })
    .describe('A part of an allocation in the requested framework, mapped through the crosswalk.'),
);

export const AllocationSchema = component(
  'Allocation',
  z
    .object({
      id: z.number().int(),
      locality: z.string().describe('Locality slug.'),
      fiscal_year: fiscalYear.describe(
        'The fiscal year the amount counts in: the only year of the line, or the first of a multi-year authorization.',
      ),
      last_fiscal_year: fiscalYear
        .nullable()
        .describe(
          'The last fiscal year of a multi-year authorization (e.g. July 1, 2024 through June 30, 2029 is 2025–2029); ' +
            'null for a line of one year. The amount is counted once, in fiscal_year.',
        ),
      program: z.string(),
      description: z.string().describe('Plain-language description of what the money pays for.'),
      recipient: RecipientSchema.nullable(),
      source: FundingSourceSchema.nullable(),
      amount: MoneySchema.describe('Amount allocated (approved budget).'),
      spent_to_date: MoneySchema.describe('Sum of every payment made against this allocation, in any fiscal year.'),
      approved_at: z.string().nullable().describe('When the allocation was approved (UTC, ISO 8601), when recorded.'),
      splits: z.array(SplitSchema),
      categories: z.object({ framework: z.string(), parts: z.array(CategoryPartSchema) }),
      flags: z
        .array(z.enum(LINE_FLAG_CODES))
        .describe(
          'Stable codes of what needs scrutiny in this line: "criminal-legal-recipient" (its recipient, or a recipient ' +
            'a payment names, is police, sheriff, jail, corrections, courts or prosecution — whatever the category), ' +
            '"discouraged-use" (money in a use the health-first framework discourages), "unclassified" (filed as ' +
            '"Other / not yet classified"), "missing-description" (no plain-language description).',
        ),
      criminal_legal_recipients: z
        .array(z.string())
        .describe('Names of the criminal-legal-system recipients of this line (its recipient and those its payments name).'),
    })
    .describe('An approved allocation: money budgeted for a program in one fiscal year.'),
);

export const ExpenditureSchema = component(
  'Expenditure',
  z
    .object({
      id: z.number().int(),
      allocation_id: z.number().int(),
      locality: z.string(),
      fiscal_year: fiscalYear.describe('Fiscal year the payment was made in.'),
      paid_on: isoDate,
      amount: MoneySchema,
      description: z.string(),
      overspend_reason: z
        .string()
        .nullable()
        .describe(
          'Why the payment went beyond what remained of its allocation (recorded only with such a reason); null when it did not.',
        ),
      program: z.string().describe("Program of the payment's allocation."),
      recipient: RecipientSchema.nullable(),
    })
    .describe('A payment made against an approved allocation. Negative amounts are refunds or corrections.'),
);

export const ReceiptSchema = component(
  'Receipt',
  z
    .object({
      id: z.number().int(),
      locality: z.string(),
      fiscal_year: fiscalYear,
      received_on: isoDate,
      amount: MoneySchema,
      note: z.string(),
      source: FundingSourceSchema,
    })
    .describe('Money received from a settlement or grant.'),
);

export const CategorySchema = component(
  'Category',
  z.object({
    framework: z.string(),
    key: z.string(),
    label: z.string(),
    group: z.string(),
    stance: stance.describe('Whether the evidence recommends this use of the money.'),
    description: z.string(),
    why: z.string().nullable(),
    crosswalk: z
      .array(z.object({ framework: z.string(), key: z.string() }))
      .describe('The matching category in each other framework, where there is one.'),
  }),
);

const amountsPair = { allocated: MoneySchema, spent: MoneySchema };

export const SummarySchema = component(
  'Summary',
  z
    .object({
      locality: z.string(),
      fiscal_year: fiscalYear,
      framework: z.object({ key: z.string(), name: z.string() }),
      totals: z
        .object({
          received: MoneySchema.describe('Payments in during the fiscal year.'),
          allocated: MoneySchema.describe('Approved allocations of the fiscal year.'),
          spent: MoneySchema.describe('Payments out during the fiscal year, against approved allocations.'),
          unspent: MoneySchema.describe('received − spent for the fiscal year.'),
        })
        .describe('Four separate figures: they are never added together.'),
      by_category: z
        .array(
          z.object({
            key: z.string(),
            label: z.string(),
            group: z.string(),
            stance: stance.nullable(),
            ...amountsPair,
          }),
        )
        .describe('Allocated and spent by category of the framework; they add up to the totals to the cent.'),
      by_group: z.array(z.object({ group: z.string(), ...amountsPair })),
    })
    .describe('What a locality received, allocated and spent in one fiscal year, by category and by group.'),
);

const RECONCILIATION_STATUSES = [
  'received-in-full',
  'partly-received',
  'overdue',
  'not-yet-due',
  'more-than-expected',
  'not-expected',
] as const;

export const ReconciliationRowSchema = component(
  'ReconciliationRow',
  z
    .object({
      source: z.object({ key: z.string(), name: z.string() }).describe('The settlement.'),
      payment_year: fiscalYear.describe("The settlement's payment year (its annual installment), not a fiscal year."),
      expected: MoneySchema.nullable().describe('The current estimate (its latest revision); null when nothing is expected.'),
      received: MoneySchema.describe('Receipts of this settlement and payment year that are not deleted.'),
      difference: MoneySchema.nullable().describe('received − expected; null when nothing is expected.'),
      expected_on: isoDate.nullable().describe('When the payment is due; null when not announced.'),
      status: z
        .enum(RECONCILIATION_STATUSES)
        .describe('overdue: not received in full more than 60 days after `expected_on`.'),
      estimate: z
        .object({ estimated_on: isoDate, source: z.string() })
        .nullable()
        .describe('The date and source of the estimate `expected` comes from.'),
    })
    .describe('What one settlement should have paid for one payment year, against what arrived.'),
);

export const FundYearSchema = component(
  'FundYear',
  z
    .object({
      fiscal_year: fiscalYear,
      beginning: MoneySchema.describe("The fund's balance on the first day of the fiscal year: the previous year's ending."),
      received: MoneySchema.describe('Everything received in the year: settlements + grants + interest + other.'),
      received_settlements: MoneySchema.describe('Part of received: settlement payments.'),
      received_grants: MoneySchema.describe('Part of received: grants.'),
      interest: MoneySchema.describe('Part of received: interest the fund earned.'),
      received_other: MoneySchema.describe('Part of received: other revenue.'),
      spent: MoneySchema.describe('Payments in the year against approved allocations.'),
      audit: MoneySchema.describe('Part of spent whose cost type is audit.'),
      administration: MoneySchema.describe('Part of spent whose cost type is administrative.'),
      ending: MoneySchema.describe('beginning + received − spent, to the cent.'),
    })
    .describe('One fiscal year of the settlement fund. Balances are derived from the ledger, never stored.'),
);

export const FundAnswerSchema = component(
  'FundAnswer',
  z
    .object({
      locality: z.string(),
      fiscal_year: fiscalYear,
      opening: z
        .object({ fiscal_year: fiscalYear, amount: MoneySchema })
        .nullable()
        .describe('The balance the locality entered for the start of its first fiscal year in Abate; null when none.'),
      fund: FundYearSchema.nullable().describe('The fiscal year asked for; null when it is before the fund begins.'),
      fiscal_years: z.array(fiscalYear).describe('Every fiscal year of the fund, oldest first.'),
      reconciliation: z
        .array(ReconciliationRowSchema)
        .describe('Every settlement × payment year with an expectation or a receipt (interest, grants and other revenue are not reconciled).'),
    })
    .describe("A locality's settlement fund for one fiscal year, and what each settlement has paid against what was expected."),
);

const programRef = z.object({ id: z.number().int().describe('The allocation id (see /allocations).'), name: z.string() });

export const OutcomeSchema = component(
  'Outcome',
  z
    .object({
      id: z.number().int(),
      program: programRef,
      measure: z.enum(OUTCOME_MEASURES).describe('What was counted; `other` names its own in `measure_label` and `unit`.'),
      measure_label: z.string().describe('The measure as a reader sees it, e.g. "Naloxone kits distributed".'),
      unit: z.string().describe('One of what was counted, singular, e.g. "kit".'),
      period_start: isoDate,
      period_end: isoDate.describe('The outcome counts in the fiscal year this date falls in.'),
      units: z
        .string()
        .regex(/^\d+$/)
        .nullable()
        .describe('How many, as an integer string; null when it is a count of 1 to 10 people, which is never published.'),
      suppressed: z.boolean().describe('True when `units` is withheld (a count of 1 to 10 people); `cost_per_unit` is then withheld too.'),
      source: z.string().describe('Where the number comes from.'),
      spent_in_period: MoneySchema.describe("Posted payments against the program dated inside the outcome's period."),
      cost_per_unit: MoneySchema.nullable().describe(
        'spent_in_period ÷ units, in cents rounded half away from zero; null when units is 0 or withheld (not reported).',
      ),
    })
    .describe('One outcome a program reported and the oversight board approved.'),
);

export const OutcomesAnswerSchema = component(
  'OutcomesAnswer',
  z
    .object({
      locality: z.string(),
      fiscal_year: fiscalYear,
      outcomes: z.array(OutcomeSchema).describe('Approved outcomes of approved programs whose period ends in the fiscal year.'),
      not_reported: z
        .array(z.object({ program: programRef, spent_in_year: MoneySchema }))
        .describe('Approved programs that spent money in the fiscal year and report no approved outcome.'),
    })
    .describe("What a locality's programs report they did in one fiscal year, next to what they spent."),
);

function page<T extends z.ZodType>(id: string, item: T, what: string) {
  return component(
    id,
    z
      .object({
        data: z.array(item).max(MAX_LIMIT),
        next_cursor: z
          .string()
          .nullable()
          .describe('Pass as `cursor` to get the next page; null on the last page.'),
      })
      .describe(`One page of ${what}, in id order.`),
  );
}

export const LocalityPageSchema = page('LocalityPage', LocalitySchema, 'localities');
export const AllocationPageSchema = page('AllocationPage', AllocationSchema, 'approved allocations');
export const ExpenditurePageSchema = page('ExpenditurePage', ExpenditureSchema, 'payments');
export const ReceiptPageSchema = page('ReceiptPage', ReceiptSchema, 'receipts');
export const CategoryPageSchema = page('CategoryPage', CategorySchema, 'categories');

export type ApiLocality = z.infer<typeof LocalitySchema>;
export type ApiLocalityDetail = z.infer<typeof LocalityDetailSchema>;
export type ApiAllocation = z.infer<typeof AllocationSchema>;
export type ApiExpenditure = z.infer<typeof ExpenditureSchema>;
export type ApiReceipt = z.infer<typeof ReceiptSchema>;
export type ApiCategory = z.infer<typeof CategorySchema>;
export type ApiSummary = z.infer<typeof SummarySchema>;
export type ApiFundAnswer = z.infer<typeof FundAnswerSchema>;
export type ApiOutcomesAnswer = z.infer<typeof OutcomesAnswerSchema>;
export type ApiOutcome = z.infer<typeof OutcomeSchema>;
export type ApiFundYear = z.infer<typeof FundYearSchema>;
export type ApiReconciliationRow = z.infer<typeof ReconciliationRowSchema>;
export type ApiRecipient = z.infer<typeof RecipientSchema>;
export interface ApiPage<T> {
  data: T[];
  next_cursor: string | null;
}
