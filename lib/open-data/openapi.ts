import { z } from 'zod';
import { EquityAnswerSchema } from '@/lib/equity/api-schema';
import { ReportAnswerSchema } from '@/lib/reports/api-schema';
import { REPORT_KEYS } from '@/lib/reports';
import { DATA_LICENSE, DOWNLOAD_FILES } from './downloads';
import { DEFAULT_FRAMEWORK, DEFAULT_LIMIT, MAX_LIMIT, RECIPIENT_TYPES } from './params';
import { apiSchemas } from './schemas';

/**
 * The OpenAPI 3.1 document served at /api/v1/openapi.json. Component schemas are generated from the zod schemas
 * the answers are typed and tested with (lib/open-data/schemas.ts), so the document cannot drift from the answers.
 */

const DESCRIPTION = `Public, read-only data about opioid-settlement money: what each locality received, allocated and
spent, and what for. No key and no sign-in are needed.

**Only approved lines are public.** Allocations appear once approved; drafts, lines under review, returned lines
and deleted lines never appear in any answer or download, and neither do payments made against them. Receipts
and payments appear once staff post them; drafts never do.

**Money is exact.** Every amount is an object with \`cents\` (an integer number of cents, written as a string) and
\`decimal\` (the same amount in dollars, e.g. \`"1234.56"\`). Amounts are never JSON numbers: most JSON parsers
read numbers as 64-bit floats, which hold integers exactly only up to 2^53 and cannot hold most cent values
(0.10, 0.20 …) at all, so totals computed from them drift. Parse \`cents\` as a big integer or \`decimal\` as a
decimal type.

**Four figures are never summed.** Received (payments in), allocated (approved budget), obligated (contracted) and
spent (payments out) are separate figures. Unspent = received − spent.

**Fiscal years.** FY2026 is the fiscal year that ends in 2026; each locality has its own start month
(\`fy_start_month\`).

**Pages.** Lists answer \`{ "data": [...], "next_cursor": "..." | null }\` in id order. Pass \`next_cursor\` back as
\`cursor\` (with the same filters) for the next page; \`limit\` is ${DEFAULT_LIMIT} by default and at most ${MAX_LIMIT}. Cursors are
opaque.

**Errors** are JSON \`{ "error": { "code", "message", "field" } }\`: 400 \`invalid\` for a bad or unknown query
parameter, 404 \`not_found\` for an unknown locality.

**Caching.** Answers carry \`Cache-Control: public, max-age=60\` and an \`ETag\`; send \`If-None-Match\` to get
304 Not Modified when nothing changed.

**Downloads.** \`/data/{scope}/…\` serves the same data as CSV files with a Frictionless Data Package
(\`datapackage.json\`) whose Table Schemas are the data dictionary. Text cells that begin with =, +, -, @, a tab
or a carriage return get a leading apostrophe so that spreadsheets never run them as formulas.`;

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const errors = (...codes: ('400' | '404')[]) =>
  Object.fromEntries([
    ...codes.map((code) => [code, { $ref: `#/components/responses/${code === '400' ? 'Invalid' : 'NotFound'}` }]),
    ['500', { $ref: '#/components/responses/Internal' }],
  ]);

function json(schema: Json, description: string): Json {
  return { description, content: { 'application/json': { schema } } };
}

function get(operationId: string, summary: string, description: string, parameters: Json[], ok: Json, errs: Json): Json {
  return { get: { operationId, summary, description, tags: [operationId.startsWith('download') ? 'downloads' : 'api'], parameters, responses: { '200': ok, ...errs } } };
}

/** Component schemas from the zod registry, with the per-schema `$schema`/`$id` that OpenAPI does not need removed. */
function componentSchemas(): Record<string, Json> {
  const generated = z.toJSONSchema(apiSchemas, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  return Object.fromEntries(
    Object.entries(generated.schemas).map(([name, schema]) => {
      const rest = { ...schema };
      delete rest.$schema;
      delete rest.$id;
      return [name, rest];
    }),
  );
}

const LINE_PARAMS = ['cursor', 'limit', 'fy', 'framework', 'category', 'recipient_type'].map(param);

// The equity answer is defined beside the equity measures; it is documented here with the rest of /api/v1.
apiSchemas.add(EquityAnswerSchema, { id: 'EquityAnswer' });
apiSchemas.add(ReportAnswerSchema, { id: 'ReportAnswer' });

let cached: Json | null = null;

export function openApiDocument(): Json {
  cached ??= buildDocument();
  return cached;
}

function buildDocument(): Json {
  const localityPath = '/api/v1/localities/{slug}';
  const downloads = Object.fromEntries(
    DOWNLOAD_FILES.map((file) => {
      const isCsv = file.endsWith('.csv');
      const name = file.replace(/\.(csv|json)$/, '');
      return [
        `/data/{scope}/${file}`,
        get(
          `download${name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}${isCsv ? 'Csv' : ''}`,
          isCsv ? `Download ${name} as CSV` : 'Frictionless Data Package descriptor',
          isCsv
            ? 'Streamed CSV (UTF-8, CRLF, header row). Its columns are described in datapackage.json.'
            : `Data Package listing the CSV files beside it, with a Table Schema for each (the data dictionary) and the licence (${DATA_LICENSE.name}).`,
          [param('scope')],
          isCsv
            ? { description: 'The CSV file.', content: { 'text/csv': { schema: { type: 'string' } } } }
            : json({ type: 'object', description: 'A Tabular Data Package (Frictionless Data v1).' }, 'The descriptor.'),
          errors('404'),
        ),
      ];
    }),
  );

  return {
    openapi: '3.1.0',
    info: {
      title: 'Abate open data API',
      version: '1.0.0',
      description: DESCRIPTION,
      license: { name: DATA_LICENSE.title, identifier: DATA_LICENSE.name },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'api', description: 'JSON answers.' },
      { name: 'downloads', description: 'CSV files and their Data Package.' },
      { name: 'feeds', description: 'Atom feeds, to follow a locality in a feed reader.' },
    ],
    paths: {
      '/api/v1/localities': get(
        'listLocalities',
        'List localities',
        'Every locality: counties, cities, and the states they belong to.',
        [param('cursor'), param('limit')],
        json(ref('LocalityPage'), 'A page of localities.'),
        errors('400'),
      ),
      [localityPath]: get(
        'getLocality',
        'One locality',
        'A locality with the fiscal years that have data.',
        [param('slug')],
        json(ref('LocalityDetail'), 'The locality.'),
        errors('400', '404'),
      ),
      [`${localityPath}/allocations`]: get(
        'listAllocations',
        'List approved allocations',
        'Approved allocations of the locality with their recipient, funding source, amount, spending to date and ' +
          'categories. `fy` is the fiscal year of the allocation. `category` keeps lines with any part in the category ' +
          '(in `framework`, mapped through the crosswalk); each line shows its parts in that framework under `categories`.',
        [param('slug'), ...LINE_PARAMS],
        json(ref('AllocationPage'), 'A page of allocations.'),
        errors('400', '404'),
      ),
      [`${localityPath}/expenditures`]: get(
        'listExpenditures',
        'List payments',
        'Payments made against approved allocations. `fy` is the fiscal year the payment was made in; `category` and ' +
          "`recipient_type` look at the payment's allocation.",
        [param('slug'), ...LINE_PARAMS],
        json(ref('ExpenditurePage'), 'A page of payments.'),
        errors('400', '404'),
      ),
      [`${localityPath}/receipts`]: get(
        'listReceipts',
        'List money received',
        'Payments the locality received from settlements and grants.',
        [param('slug'), param('cursor'), param('limit'), param('fy')],
        json(ref('ReceiptPage'), 'A page of receipts.'),
        errors('400', '404'),
      ),
      [`${localityPath}/summary`]: get(
        'getSummary',
        'Totals for a fiscal year',
        'Received, allocated, spent and unspent for one fiscal year (separate figures, never summed), and allocated ' +
          'and spent by category of a framework and by group. The categories add up to the totals to the cent in ' +
          'every framework: a part the framework does not cover is reported as `unmapped`, a line without a category ' +
          'as `uncategorized`. Without `fy`, the year the public page opens on (the current one, or the latest with data).',
        [param('slug'), param('fy'), param('framework')],
        json(ref('Summary'), 'The summary.'),
        errors('400', '404'),
      ),
      [`${localityPath}/fund`]: get(
        'getFund',
        'The settlement fund for a fiscal year, and money expected vs received',
        'The fund for one fiscal year: beginning balance, received (settlements, grants, interest and other revenue ' +
          'apart), spent (with audit and administration as parts of it) and ending balance, where ending = beginning + ' +
          "received − spent to the cent and each year begins with the previous year's ending. Balances are derived " +
          'from the ledger, never stored; the only entered balance is the opening one. Also every settlement × payment ' +
          'year with what was expected (the latest estimate), what arrived, the difference and the status (overdue: ' +
          'still missing 60 days after the expected date). Without `fy`, the current fiscal year.',
        [param('slug'), param('fy')],
        json(ref('FundAnswer'), 'The fund and the reconciliation.'),
        errors('400', '404'),
      ),
      [`${localityPath}/reports/{report}`]: {
        get: {
          operationId: 'getReport',
          summary: 'A state report for a fiscal year',
          description:
            'A state report built from approved data: `nc-annual-financial-report` (North Carolina MOA Exhibit E), ' +
            '`nc-annual-impact-report` (North Carolina annual impact report, from approved program outcomes), ' +
            '`ma-municipal-report` (Massachusetts DPH municipal report), `pa-annual-report` (Pennsylvania Opioid Trust). ' +
            'Every money figure carries the ids of the receipts, payments and lines it sums. Without `fy`, the last ' +
            'fiscal year that has ended. `format=xlsx` answers the same report as an XLSX workbook.',
          tags: ['api'],
          parameters: [
            param('slug'),
            { name: 'report', in: 'path', required: true, description: 'The report key.', schema: { type: 'string', enum: [...REPORT_KEYS] } },
            param('fy'),
            { name: 'format', in: 'query', required: false, description: '`json` (default) or `xlsx`.', schema: { type: 'string', enum: ['json', 'xlsx'], default: 'json' } },
          ],
          responses: {
            '200': {
              description: 'The report.',
              content: {
                'application/json': { schema: ref('ReportAnswer') },
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', contentMediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
              },
            },
            ...errors('400', '404'),
          },
        },
      },
      [`${localityPath}/outcomes`]: get(
        'getOutcomes',
        'What the programs report they did, with cost per unit',
        'Approved outcomes of approved programs for one fiscal year (an outcome counts in the year its period ends ' +
          "in): the measure, how many, the period, the source, what the program spent in that period (posted payments " +
          'dated inside it) and the cost per unit, exact to the cent. Counts of 1 to 10 people are withheld with their ' +
          'cost per unit. Also the approved programs that spent money that year and report nothing. Without `fy`, the ' +
          'year the public page opens on.',
        [param('slug'), param('fy')],
        json(ref('OutcomesAnswer'), 'The outcomes and the programs that report none.'),
        errors('400', '404'),
      ),
      [`${localityPath}/equity`]: get(
        'getEquity',
        'Equity goals and flags for a fiscal year',
        'The goals the locality set for the year, each with its target, the actual computed from approved lines ' +
          '(exact decimals), its status and what is missing when it cannot be computed, and the flags raised on the ' +
          'spending. Counts under 11 are suppressed. Without `fy`, the year the public page opens on.',
        [param('slug'), param('fy')],
        json(ref('EquityAnswer'), 'The goals and flags.'),
        errors('400', '404'),
      ),
      '/api/v1/categories': get(
        'listCategories',
        'List categories of a framework',
        'What the money can be for, in one framework, with each category\'s match in the other frameworks.',
        [param('framework'), param('cursor'), param('limit')],
        json(ref('CategoryPage'), 'A page of categories.'),
        errors('400'),
      ),
      '/api/v1/openapi.json': get(
        'getOpenApi',
        'This document',
        'The OpenAPI 3.1 description of this API.',
        [],
        json({ type: 'object' }, 'The OpenAPI document.'),
        {},
      ),
      ...downloads,
      '/l/{slug}/feed.xml': {
        get: {
          operationId: 'getLocalityFeed',
          summary: 'Atom feed of a locality',
          description:
            "The locality's newest 50 public events, newest first: the board's decisions (approvals and returns), " +
            'approved lines, and posted receipts and payments. Each entry links to the public page that shows it, and ' +
            'its `id` never changes. Cached like the API answers (ETag, one minute).',
          tags: ['feeds'],
          parameters: [param('slug')],
          responses: {
            '200': { description: 'An Atom 1.0 feed (RFC 4287).', content: { 'application/atom+xml': { schema: { type: 'string' } } } },
            ...errors('404'),
          },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      parameters: {
        slug: { name: 'slug', in: 'path', required: true, description: 'Locality slug, e.g. `cedarholm-county`.', schema: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } },
        scope: { name: 'scope', in: 'path', required: true, description: 'A locality slug, or `all` for every locality.', schema: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } },
        cursor: { name: 'cursor', in: 'query', required: false, description: 'The `next_cursor` of the previous page.', schema: { type: 'string' } },
        limit: { name: 'limit', in: 'query', required: false, description: 'Rows per page.', schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } },
        fy: { name: 'fy', in: 'query', required: false, description: 'Fiscal year, e.g. 2026 (the year it ends in).', schema: { type: 'integer', minimum: 2000, maximum: 2100 } },
        framework: { name: 'framework', in: 'query', required: false, description: 'Category framework key: `health-first`, `exhibit-e`, `nc-high-impact`, or a locality\'s own.', schema: { type: 'string', default: DEFAULT_FRAMEWORK } },
        category: { name: 'category', in: 'query', required: false, description: 'Category key in `framework` (see /api/v1/categories), or `unmapped` / `uncategorized`.', schema: { type: 'string' } },
        recipient_type: { name: 'recipient_type', in: 'query', required: false, description: 'Kind of recipient.', schema: { type: 'string', enum: [...RECIPIENT_TYPES] } },
      },
      responses: {
        Invalid: json(ref('Error'), 'A query parameter is malformed, unknown or given twice; `field` names it.'),
        NotFound: json(ref('Error'), 'No such locality (or download).'),
        Internal: json(ref('Error'), 'Something failed on the server; the message carries no detail.'),
      },
    },
  };
}
