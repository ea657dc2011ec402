import type { Executor } from '@/db/client';
import { localityKind } from '@/db/schema/enums';
import type { ApiLocalityRow } from '@/lib/data/api-localities';
import { cachedPublic } from '@/lib/cache/public-cache';
import { listOutcomeFiscalYears } from '@/lib/data/public-outcomes';
import { MEASURE_KEYS } from '@/lib/outcomes/measures';
import { formatPercentFromBasisPoints } from '@/lib/money';
import {
  allocationsPage,
  expendituresPage,
  localitiesPage,
  receiptsPage,
  resolveFramework,
  resolveLocality,
  toLocality,
} from './answers';
import { type CsvColumn, csvStream } from './csv';
import { spanishHeader } from './spanish-headers';
import { publicFund, toApiFundYear, toApiReconciliationRow } from './fund-answer';
import { type CursorList, decodeCursor } from './cursor';
import { notFound } from './errors';
import { MAX_LIMIT, RECIPIENT_TYPES } from './params';
import type { ApiAllocation, ApiExpenditure, ApiFundYear, ApiLocality, ApiOutcome, ApiPage, ApiReceipt, ApiReconciliationRow } from './schemas';
import { outcomesOfYear } from './outcomes-answer';

/**
 * The open-data downloads: one CSV per list, per locality (`/data/{slug}/…`) and for every locality
 * (`/data/all/…`), and a Frictionless Data Package (`datapackage.json`) whose Table Schemas are the data
 * dictionary. The CSVs are read page by page through the same cached pages as the API, so a download and the API
 * show the same lines: approved allocations only, and payments against them.
 */

export const ALL = 'all';

/**
 * The licence of the data. ODC-PDDL puts the data in the public domain (like CC0, but written for databases, so it
 * also waives database rights where they exist); public spending records should carry no conditions on reuse.
 */
export const DATA_LICENSE = {
  name: 'ODC-PDDL-1.0',
  path: 'https://opendatacommons.org/licenses/pddl/1-0/',
  title: 'Open Data Commons Public Domain Dedication and License v1.0',
} as const;

const ESCAPE_NOTE =
  ' Text that begins with =, +, -, @, a tab or a carriage return is written with a leading apostrophe (\') so that ' +
  'spreadsheets do not run it as a formula; remove that apostrophe to get the text as entered.';

type SplitRow = ApiAllocation['splits'][number] & { allocation_id: number; locality: string; fiscal_year: number };

const money = (name: string, description: string) => ({
  name,
  type: 'number' as const,
  description: `${description} US dollars with two decimals ("1234.56", "-5.00" for a refund); exact, no rounding.`,
  required: true,
});

export const LOCALITY_COLUMNS: CsvColumn<ApiLocality>[] = [
  { name: 'slug', type: 'string', required: true, description: 'Identifier of the locality, used in URLs and by the other files.', value: (r) => r.slug },
  { name: 'name', type: 'string', required: true, description: 'Name of the locality.', value: (r) => r.name },
  { name: 'kind', type: 'string', required: true, enum: [...localityKind.enumValues], description: 'County, city, town, region, state, tribe or other.', value: (r) => r.kind },
  { name: 'state_code', type: 'string', required: true, description: 'Two-letter US state code (ZZ: the fictional demo state).', value: (r) => r.state_code },
  { name: 'population', type: 'integer', description: 'Residents, where recorded.', value: (r) => r.population },
  { name: 'fy_start_month', type: 'integer', required: true, description: 'Month its fiscal year starts (1 = January). FY2026 is the fiscal year that ends in 2026.', value: (r) => r.fy_start_month },
  { name: 'parent', type: 'string', description: 'Slug of the locality this one belongs to (a county within a state).', value: (r) => r.parent },
  { name: 'is_demo', type: 'boolean', required: true, description: 'true for fictional demonstration data.', value: (r) => r.is_demo },
];

export const ALLOCATION_COLUMNS: CsvColumn<ApiAllocation>[] = [
  { name: 'id', type: 'integer', required: true, description: 'Identifier of the allocation.', value: (r) => r.id },
  { name: 'locality', type: 'string', required: true, description: 'Slug of the locality (localities.csv).', value: (r) => r.locality },
  { name: 'fiscal_year', type: 'integer', required: true, description: 'Fiscal year the money is allocated for (FY2026 ends in 2026).', value: (r) => r.fiscal_year },
  { name: 'program', type: 'string', required: true, description: 'Name of the program.', value: (r) => r.program },
  { name: 'description', type: 'string', description: 'Plain-language description of what the money pays for.', value: (r) => r.description },
  { name: 'recipient', type: 'string', description: 'Organization or department that receives the money.', value: (r) => r.recipient?.name ?? null },
  { name: 'recipient_type', type: 'string', enum: RECIPIENT_TYPES, description: 'Kind of recipient.', value: (r) => r.recipient?.type ?? null },
  { name: 'recipient_lived_experience_led', type: 'boolean', description: 'true when the recipient is led by people with lived experience or by the communities most affected.', value: (r) => r.recipient?.lived_experience_led ?? null },
  { name: 'funding_source', type: 'string', description: 'Key of the settlement or grant the money comes from.', value: (r) => r.source?.key ?? null },
  { name: 'funding_source_name', type: 'string', description: 'Name of the settlement or grant.', value: (r) => r.source?.name ?? null },
  { ...money('amount', 'Amount allocated (approved).'), value: (r) => r.amount.decimal },
  { ...money('spent_to_date', 'Sum of every payment made against this allocation, in any fiscal year.'), value: (r) => r.spent_to_date.decimal },
  {
    name: 'categories',
    type: 'string',
    description: 'What the money is for, in Abate\'s health-first categories, with each part\'s share; allocation-splits.csv has the same split as data.',
    value: (r) => r.categories.parts.map((p) => `${p.label} (${formatPercentFromBasisPoints(p.share_bp)})`).join('; '),
  },
  { name: 'approved_at', type: 'datetime', description: 'When the allocation was approved (UTC), where recorded.', value: (r) => r.approved_at },
];

export const SPLIT_COLUMNS: CsvColumn<SplitRow>[] = [
  { name: 'allocation_id', type: 'integer', required: true, description: 'The allocation (allocations.csv).', value: (r) => r.allocation_id },
  { name: 'locality', type: 'string', required: true, description: 'Slug of the locality.', value: (r) => r.locality },
  { name: 'fiscal_year', type: 'integer', required: true, description: 'Fiscal year of the allocation.', value: (r) => r.fiscal_year },
  { name: 'framework', type: 'string', required: true, description: 'Category framework the locality tagged the line in.', value: (r) => r.framework },
  { name: 'category', type: 'string', required: true, description: 'Category key within the framework.', value: (r) => r.key },
  { name: 'category_label', type: 'string', required: true, description: 'Category name.', value: (r) => r.label },
  { name: 'category_group', type: 'string', required: true, description: 'Group the category belongs to.', value: (r) => r.group },
  { name: 'share_bp', type: 'integer', required: true, description: 'Share of the allocation in basis points (10000 = 100%); the shares of one allocation add up to 10000.', value: (r) => r.share_bp },
  { ...money('amount', 'This part of the allocation; the parts add up to the allocation to the cent.'), value: (r) => r.amount.decimal },
];

export const EXPENDITURE_COLUMNS: CsvColumn<ApiExpenditure>[] = [
  { name: 'id', type: 'integer', required: true, description: 'Identifier of the payment.', value: (r) => r.id },
  { name: 'allocation_id', type: 'integer', required: true, description: 'The allocation the payment was made against (allocations.csv).', value: (r) => r.allocation_id },
  { name: 'locality', type: 'string', required: true, description: 'Slug of the locality.', value: (r) => r.locality },
  { name: 'fiscal_year', type: 'integer', required: true, description: 'Fiscal year the payment was made in.', value: (r) => r.fiscal_year },
  { name: 'paid_on', type: 'date', required: true, description: 'Date of the payment.', value: (r) => r.paid_on },
  { ...money('amount', 'Amount paid; negative for a refund or correction.'), value: (r) => r.amount.decimal },
  { name: 'description', type: 'string', description: 'What the payment was for.', value: (r) => r.description },
  {
    name: 'overspend_reason',
    type: 'string',
    description: 'Why the payment went beyond what remained of its allocation; empty when it did not.',
    value: (r) => r.overspend_reason,
  },
  { name: 'program', type: 'string', required: true, description: 'Program of the allocation.', value: (r) => r.program },
  { name: 'recipient', type: 'string', description: 'Recipient of the allocation.', value: (r) => r.recipient?.name ?? null },
  { name: 'recipient_type', type: 'string', enum: RECIPIENT_TYPES, description: 'Kind of recipient.', value: (r) => r.recipient?.type ?? null },
];

export const RECEIPT_COLUMNS: CsvColumn<ApiReceipt>[] = [
  { name: 'id', type: 'integer', required: true, description: 'Identifier of the receipt.', value: (r) => r.id },
  { name: 'locality', type: 'string', required: true, description: 'Slug of the locality that received the money.', value: (r) => r.locality },
  { name: 'fiscal_year', type: 'integer', required: true, description: 'Fiscal year the money was received in.', value: (r) => r.fiscal_year },
  { name: 'received_on', type: 'date', required: true, description: 'Date the payment arrived.', value: (r) => r.received_on },
  { name: 'funding_source', type: 'string', required: true, description: 'Key of the settlement or grant.', value: (r) => r.source.key },
  { name: 'funding_source_name', type: 'string', required: true, description: 'Name of the settlement or grant.', value: (r) => r.source.name },
  { name: 'funding_source_kind', type: 'string', required: true, enum: ['settlement', 'grant'], description: 'Settlement or grant.', value: (r) => r.source.kind },
  { ...money('amount', 'Amount received.'), value: (r) => r.amount.decimal },
  { name: 'note', type: 'string', description: 'Note recorded with the payment.', value: (r) => r.note },
];

type FundYearRow = ApiFundYear & { locality: string };
type ReconciliationCsvRow = ApiReconciliationRow & { locality: string };

export const FUND_YEAR_COLUMNS: CsvColumn<FundYearRow>[] = [
  { name: 'locality', type: 'string', required: true, description: 'Slug of the locality (localities.csv).', value: (r) => r.locality },
  { name: 'fiscal_year', type: 'integer', required: true, description: 'Fiscal year (FY2026 ends in 2026).', value: (r) => r.fiscal_year },
  { ...money('beginning', "The fund's balance on the first day of the year: the previous year's ending (the first year: the opening balance the locality entered, else zero)."), value: (r) => r.beginning.decimal },
  { ...money('received', 'Everything received in the year; the four columns after it add up to it.'), value: (r) => r.received.decimal },
  { ...money('received_settlements', 'Part of received: settlement payments.'), value: (r) => r.received_settlements.decimal },
  { ...money('received_grants', 'Part of received: grants.'), value: (r) => r.received_grants.decimal },
  { ...money('interest', 'Part of received: interest the fund earned.'), value: (r) => r.interest.decimal },
  { ...money('received_other', 'Part of received: other revenue.'), value: (r) => r.received_other.decimal },
  { ...money('spent', 'Payments in the year against approved allocations.'), value: (r) => r.spent.decimal },
  { ...money('audit', 'Part of spent whose cost type is audit.'), value: (r) => r.audit.decimal },
  { ...money('administration', 'Part of spent whose cost type is administrative.'), value: (r) => r.administration.decimal },
  { ...money('ending', 'beginning + received − spent, to the cent; the next year begins with it.'), value: (r) => r.ending.decimal },
];

const optionalMoney = (name: string, description: string) => ({ ...money(name, description), required: false });

export const RECONCILIATION_COLUMNS: CsvColumn<ReconciliationCsvRow>[] = [
  { name: 'locality', type: 'string', required: true, description: 'Slug of the locality (localities.csv).', value: (r) => r.locality },
  { name: 'funding_source', type: 'string', required: true, description: 'Key of the settlement.', value: (r) => r.source.key },
  { name: 'funding_source_name', type: 'string', required: true, description: 'Name of the settlement.', value: (r) => r.source.name },
  { name: 'payment_year', type: 'integer', required: true, description: "The settlement's payment year (its annual installment), not a fiscal year.", value: (r) => r.payment_year },
  { ...optionalMoney('expected', 'What the current (latest) estimate says the locality should receive; empty when nothing is expected.'), value: (r) => r.expected?.decimal ?? null },
  { ...money('received', 'What arrived for this settlement and payment year.'), value: (r) => r.received.decimal },
  { ...optionalMoney('difference', 'received − expected; empty when nothing is expected.'), value: (r) => r.difference?.decimal ?? null },
  { name: 'expected_on', type: 'date', description: 'When the payment is due, where announced.', value: (r) => r.expected_on },
  {
    name: 'status',
    type: 'string',
    required: true,
    enum: ['received-in-full', 'partly-received', 'overdue', 'not-yet-due', 'more-than-expected', 'not-expected'],
    description: 'overdue: not received in full more than 60 days after expected_on.',
    value: (r) => r.status,
  },
  { name: 'estimated_on', type: 'date', description: 'Date of the estimate the expected amount comes from.', value: (r) => r.estimate?.estimated_on ?? null },
  { name: 'estimate_source', type: 'string', description: 'Where the estimate comes from (the settlement administrator, a state notice).', value: (r) => r.estimate?.source ?? null },
];

type OutcomeCsvRow = ApiOutcome & { locality: string; fiscal_year: number };

export const OUTCOME_COLUMNS: CsvColumn<OutcomeCsvRow>[] = [
  { name: 'id', type: 'integer', required: true, description: 'Identifier of the outcome.', value: (r) => r.id },
  { name: 'locality', type: 'string', required: true, description: 'Slug of the locality (localities.csv).', value: (r) => r.locality },
  { name: 'fiscal_year', type: 'integer', required: true, description: 'Fiscal year the outcome counts in: the one its period ends in.', value: (r) => r.fiscal_year },
  { name: 'allocation_id', type: 'integer', required: true, description: 'The program: an allocation (allocations.csv).', value: (r) => r.program.id },
  { name: 'program', type: 'string', required: true, description: 'Name of the program.', value: (r) => r.program.name },
  { name: 'measure', type: 'string', required: true, enum: [...MEASURE_KEYS], description: 'What was counted; "other" names its own in measure_label and unit.', value: (r) => r.measure },
  { name: 'measure_label', type: 'string', required: true, description: 'The measure in words.', value: (r) => r.measure_label },
  { name: 'unit', type: 'string', required: true, description: 'One of what was counted, singular.', value: (r) => r.unit },
  { name: 'period_start', type: 'date', required: true, description: 'First day the count covers.', value: (r) => r.period_start },
  { name: 'period_end', type: 'date', required: true, description: 'Last day the count covers.', value: (r) => r.period_end },
  { name: 'units', type: 'integer', description: 'How many; empty when it is a count of 1 to 10 people, which is never published.', value: (r) => r.units },
  { name: 'suppressed', type: 'boolean', required: true, description: 'true when units (and cost_per_unit) are withheld as a small count of people.', value: (r) => r.suppressed },
  { name: 'source', type: 'string', required: true, description: 'Where the number comes from.', value: (r) => r.source },
  { ...money('spent_in_period', 'Posted payments against the program dated inside the period.'), value: (r) => r.spent_in_period.decimal },
  {
    ...money('cost_per_unit', 'spent_in_period ÷ units, rounded half away from zero to the cent; empty when units is 0 or withheld.'),
    required: false,
    value: (r) => r.cost_per_unit?.decimal ?? null,
  },
];

interface Resource {
  name: string;
  title: string;
  description: string;
  columns: readonly CsvColumn<never>[];
  primaryKey: string[];
  foreignKeys: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

type ForeignKey = Resource['foreignKeys'][number];
/** The two references the files make: a row's locality (by slug) and a row's allocation line (by id). */
const OF_LOCALITY: ForeignKey = { fields: ['locality'], reference: { resource: 'localities', fields: ['slug'] } };
const OF_ALLOCATION: ForeignKey = { fields: ['allocation_id'], reference: { resource: 'allocations', fields: ['id'] } };

const RESOURCES: readonly Resource[] = [
  { name: 'localities', title: 'Localities', description: 'The counties, cities and states in this package.', columns: LOCALITY_COLUMNS, primaryKey: ['slug'], foreignKeys: [] },
  {
    name: 'allocations',
    title: 'Allocations',
    description: 'Money budgeted for a program in one fiscal year. Approved lines only: drafts and lines under review are not published.',
    columns: ALLOCATION_COLUMNS,
    primaryKey: ['id'],
    foreignKeys: [OF_LOCALITY],
  },
  {
    name: 'allocation-splits',
    title: 'Allocation categories',
    description: 'How each allocation is split across categories, as the locality tagged it.',
    columns: SPLIT_COLUMNS,
    primaryKey: ['allocation_id', 'framework', 'category'],
    foreignKeys: [OF_ALLOCATION],
  },
  {
    name: 'expenditures',
    title: 'Expenditures',
    description: 'Payments made against approved allocations.',
    columns: EXPENDITURE_COLUMNS,
    primaryKey: ['id'],
    foreignKeys: [OF_ALLOCATION, OF_LOCALITY],
  },
  {
    name: 'receipts',
    title: 'Receipts',
    description: 'Money received from opioid settlements and grants.',
    columns: RECEIPT_COLUMNS,
    primaryKey: ['id'],
    foreignKeys: [OF_LOCALITY],
  },
  {
    name: 'fund-years',
    title: 'Settlement fund by fiscal year',
    description:
      'Beginning balance, money received (by kind), spent (with audit and administration as parts of it) and ending ' +
      'balance, per fiscal year. Balances are derived from the receipts and payments, never stored: ending = ' +
      'beginning + received − spent, and each year begins with the previous ending.',
    columns: FUND_YEAR_COLUMNS,
    primaryKey: ['locality', 'fiscal_year'],
    foreignKeys: [OF_LOCALITY],
  },
  {
    name: 'reconciliation',
    title: 'Settlement payments expected and received',
    description: 'Each settlement and payment year: the current estimate of what the locality should receive, what arrived, and its status.',
    columns: RECONCILIATION_COLUMNS,
    primaryKey: ['locality', 'funding_source', 'payment_year'],
    foreignKeys: [OF_LOCALITY],
  },
  {
    name: 'outcomes',
    title: 'Program outcomes',
    description:
      'What each program reports it did (people served, naloxone kits, …), approved by the oversight board, with what ' +
      'it spent in the period and the cost per unit. Counts of 1 to 10 people are withheld with their cost per unit.',
    columns: OUTCOME_COLUMNS,
    primaryKey: ['id'],
    foreignKeys: [OF_ALLOCATION, OF_LOCALITY],
  },
];

export const DOWNLOAD_FILES = [...RESOURCES.map((r) => `${r.name}.csv`), 'datapackage.json'] as const;

/** The Frictionless Data Package descriptor (Data Package v1, tabular). */
export function dataPackage(locality: ApiLocalityRow | null, created: Date) {
  return {
    profile: 'tabular-data-package',
    name: locality ? `abate-${locality.slug}` : 'abate-all-localities',
    title: locality ? `Opioid-settlement money: ${locality.name}` : 'Opioid-settlement money: every locality',
    description:
      'Opioid-settlement and grant money received, allocated and spent, as published by Abate. Only approved ' +
      'allocations and payments against them are included. Amounts are US dollars with two decimals. Four ' +
      'figures are kept apart and are never to be added together: received, allocated, obligated and spent.' +
      ESCAPE_NOTE,
    licenses: [DATA_LICENSE],
    created: created.toISOString(),
    keywords: ['opioid settlement', 'public spending', 'harm reduction', 'open data'],
    resources: RESOURCES.map((resource) => ({
      profile: 'tabular-data-resource',
      name: resource.name,
      path: `${resource.name}.csv`,
      title: resource.title,
      description: resource.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: resource.columns.map((column) => ({
          name: column.name,
          type: column.type,
          ...(column.type === 'datetime' ? { format: 'default' } : {}),
          description: column.type === 'string' ? `${column.description}${ESCAPE_NOTE}` : column.description,
          ...(column.required || column.enum
            ? {
                constraints: {
                  ...(column.required ? { required: true } : {}),
                  ...(column.enum ? { enum: [...column.enum] } : {}),
                },
              }
            : {}),
        })),
        missingValues: [''],
        primaryKey: resource.primaryKey,
        foreignKeys: resource.foreignKeys,
      },
    })),
  };
}

/** Every row of a paged list, page by page (the pages come from the cache when another reader just read them). */
async function* allPages<T>(list: CursorList, load: (afterId: number) => Promise<ApiPage<T>>): AsyncGenerator<T[]> {
  let afterId = 0;
  for (;;) {
    const page = await load(afterId);
    yield page.data;
    if (page.next_cursor === null) return;
    const next = decodeCursor(list, page.next_cursor);
    if (next === null) throw new Error('a page gave out a cursor that does not decode');
    afterId = next;
  }
}

async function* mapBatches<A, B>(source: AsyncIterable<A[]>, map: (row: A) => B[]): AsyncGenerator<B[]> {
  for await (const batch of source) yield batch.flatMap(map);
}

/** The fund of one locality, or of every locality one at a time (each through the same cache as the API). */
async function* fundsOf(db: Executor, locality: ApiLocalityRow | null) {
  if (locality) {
    yield [{ slug: locality.slug, fund: await publicFund(db, locality) }];
    return;
  }
  for await (const page of allPages('localities', (after) => localitiesPage(db, after, MAX_LIMIT))) {
    const batch = [];
    for (const row of page) batch.push({ slug: row.slug, fund: await publicFund(db, await resolveLocality(db, row.slug)) });
    yield batch;
  }
}

/** The outcomes of one locality, or of every locality one at a time, year by year (each through the public cache). */
async function* outcomesOf(db: Executor, locality: ApiLocalityRow | null): AsyncGenerator<OutcomeCsvRow[]> {
  const localities = locality
    ? [locality]
    : (async function* () {
        for await (const page of allPages('localities', (after) => localitiesPage(db, after, MAX_LIMIT))) {
          for (const row of page) yield await resolveLocality(db, row.slug);
        }
      })();
  for await (const one of localities) {
    for (const fiscalYear of await listOutcomeFiscalYears(db, { localityId: one.id, fyStartMonth: one.fyStartMonth })) {
      const answer = await outcomesOfYear(db, one, fiscalYear);
      yield answer.outcomes.map((outcome) => ({ ...outcome, locality: one.slug, fiscal_year: fiscalYear }));
    }
  }
}

export type Download =
  | { kind: 'csv'; filename: string; body: ReadableStream<Uint8Array> }
  | { kind: 'json'; filename: string; value: unknown };

/** Every column name of every CSV download (each needs a Spanish header: spanish-headers.test.ts). */
export const DOWNLOAD_COLUMN_NAMES: readonly string[] = [...new Set(RESOURCES.flatMap((resource) => resource.columns.map((column) => column.name)))];

export interface DownloadOptions {
  /** A CSV's header row in Spanish (spanish-headers.ts); its data rows are unchanged. The data package stays English. */
  spanishHeaders?: boolean;
}

/**
 * The download `file` of a locality (`scope` is its slug) or of every locality (`scope` = "all"). Throws ApiError
 * (404) for an unknown locality or file.
 */
export async function openDownload(db: Executor, scope: string, file: string, options: DownloadOptions = {}): Promise<Download> {
  if (!(DOWNLOAD_FILES as readonly string[]).includes(file)) {
    throw notFound('file', `No such download; each locality has ${DOWNLOAD_FILES.join(', ')}.`);
  }
  const locality = scope === ALL ? null : await resolveLocality(db, scope);
  const prefix = locality ? locality.slug : 'all-localities';
  const spanish = options.spanishHeaders === true && file.endsWith('.csv');
  const filename = `abate-${prefix}-${spanish ? file.replace(/\.csv$/, '-es.csv') : file}`;
  // Every CSV download is this file's name and its rows streamed under the columns' header (in Spanish when asked).
  const csvFile = <R>(columns: readonly CsvColumn<R>[], batches: AsyncIterable<readonly R[]>): Download => ({
    kind: 'csv',
    filename,
    body: csvStream(columns, batches, spanish ? spanishHeader : undefined),
  });
  const lineQuery = { framework: await resolveFramework(db, undefined) };
  const localityId = locality?.id ?? null;
  const allocationPages = () => allPages('allocations', (after) => allocationsPage(db, locality, lineQuery, after, MAX_LIMIT));

  switch (file) {
    case 'datapackage.json': {
      // Cached like the rest, so `created` stays the moment this data was first packaged after its last change.
      const created = await cachedPublic(`api:datapackage-created:${localityId ?? ALL}`, localityId, async () => new Date());
      return { kind: 'json', filename, value: dataPackage(locality, created) };
    }
    case 'localities.csv': {
      const rows = locality
        ? (async function* () {
            yield [toLocality(locality)];
          })()
        : allPages('localities', (after) => localitiesPage(db, after, MAX_LIMIT));
      return csvFile(LOCALITY_COLUMNS, rows);
    }
    case 'allocations.csv':
      return csvFile(ALLOCATION_COLUMNS, allocationPages());
    case 'allocation-splits.csv':
      return csvFile(
        SPLIT_COLUMNS,
        mapBatches(allocationPages(), (a) => a.splits.map((s) => ({ ...s, allocation_id: a.id, locality: a.locality, fiscal_year: a.fiscal_year }))),
      );
    case 'expenditures.csv':
      return csvFile(EXPENDITURE_COLUMNS, allPages('expenditures', (after) => expendituresPage(db, locality, lineQuery, after, MAX_LIMIT)));
    case 'receipts.csv':
      return csvFile(RECEIPT_COLUMNS, allPages('receipts', (after) => receiptsPage(db, locality, undefined, after, MAX_LIMIT)));
    case 'fund-years.csv':
      return csvFile(
        FUND_YEAR_COLUMNS,
        mapBatches(fundsOf(db, locality), ({ slug, fund }) => fund.fund.years.map((y) => ({ ...toApiFundYear(y), locality: slug }))),
      );
    case 'reconciliation.csv':
      return csvFile(
        RECONCILIATION_COLUMNS,
        mapBatches(fundsOf(db, locality), ({ slug, fund }) => fund.reconciliation.map((row) => ({ ...toApiReconciliationRow(row), locality: slug }))),
      );
    case 'outcomes.csv':
      return csvFile(OUTCOME_COLUMNS, outcomesOf(db, locality));
    default:
      throw notFound('file', 'No such download.');
  }
}
