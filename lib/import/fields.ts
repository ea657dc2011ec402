/**
 * The columns an import understands, and how a spreadsheet's own headers are matched to them.
 *
 * Budget staff upload the file they already keep, so its headers say "FY" or "Amount allocated ($)", not
 * `fiscal_year` or `amount`. Headers are compared after `normalizeHeader`, which drops case, spaces, punctuation and
 * underscores, so "Amount allocated ($)", "amount_allocated" and "AMOUNT-ALLOCATED" are the same header.
 */

export const IMPORT_FIELDS = [
  'fiscal_year',
  'program',
  'description',
  'recipient',
  'recipient_type',
  'category',
  'amount',
  'spent',
  'cost_type',
  'source',
  'status',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Without these a row cannot become an allocation: the year it belongs to, what it is, and how much. A blank or
 * missing category is "Other / not yet classified", never a guess. The amount may come from the spent column alone
 * (see missingRequiredFields).
 */
export const REQUIRED_FIELDS: readonly ImportField[] = ['fiscal_year', 'program', 'amount'];

/**
 * The required fields no column is mapped to. A report of money spent with no budget column (the Massachusetts
 * municipal form: "Expended" only) needs no amount column: each line's allocated amount is what was spent, and one
 * column is never asked for twice. See STANDS_IN.
 */
export function missingRequiredFields(mapped: ReadonlySet<ImportField | null>): ImportField[] {
  return REQUIRED_FIELDS.filter((field) => !mapped.has(field) && !(STANDS_IN[field] && mapped.has(STANDS_IN[field])));
}

/**
 * The column that stands in for a required one the file does not have: with no budget column the amount is what
 * was spent; with no program column (a spending authorization lists strategies, not programs) the line is named by
 * its strategy.
 */
export const STANDS_IN: Partial<Record<ImportField, ImportField>> = { amount: 'spent', program: 'category' };

/** How each field is named in messages to people. */
export const FIELD_LABELS: Record<ImportField, string> = {
  fiscal_year: 'fiscal year',
  program: 'program',
  description: 'description',
  recipient: 'recipient',
  recipient_type: 'recipient type',
  category: 'category',
  amount: 'amount',
  spent: 'spent',
  cost_type: 'cost type',
  source: 'source',
  status: 'status',
};

/**
 * Headers people actually use, already normalized. Deliberately absent: words that mean different things in
 * different offices ("Name", "Total", "Notes", "Type", "Agency"); a wrong automatic guess that moves money into the
 * wrong column is worse than asking the user to map one column by hand.
 */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  // A period column ("July 1, 2024 through June 30, 2029") is read as the fiscal years it covers.
  fiscal_year: [
    'fiscalyear', 'fy', 'fyear', 'fiscalyr', 'year', 'budgetyear', 'fiscalperiod', 'period', 'authorizationperiod',
    'term', 'fiscalyears', 'fundingperiod', 'performanceperiod',
  ],
  program: [
    'program', 'programs', 'programname', 'programtitle', 'programme', 'project', 'projectname', 'projecttitle',
    'initiative', 'activity', 'lineitem', 'programproject',
  ],
  description: [
    'description', 'programdescription', 'projectdescription', 'plainlanguagedescription', 'details', 'summary',
    'purpose', 'useoffunds',
  ],
  recipient: [
    'recipient', 'recipientname', 'recipientorganization', 'recipientorganisation', 'recipientorg', 'vendor',
    'vendorname', 'payee', 'grantee', 'subrecipient', 'organization', 'organisation', 'provider', 'contractor',
    // The Massachusetts municipal report and North Carolina spending authorizations.
    'departmentvendor', 'vendorpayee', 'fundedentity', 'department', 'vendordepartment', 'fundedagency',
  ],
  recipient_type: [
    'recipienttype', 'typeofrecipient', 'organizationtype', 'organisationtype', 'orgtype', 'vendortype',
    'entitytype', 'sector',
  ],
  category: [
    'category', 'categories', 'strategy', 'strategies', 'approveduse', 'approveduses', 'corestrategy',
    'spendingcategory', 'abatementcategory', 'abatementstrategy', 'exhibite', 'strategyname', 'approvedstrategy',
    'fundedstrategy', 'exhibitastrategy', 'highimpactstrategy',
  ],
  amount: [
    'amount', 'amountusd', 'amountallocated', 'allocated', 'allocation', 'allocatedamount', 'budget', 'budgeted',
    'budgetamount', 'amountbudgeted', 'approvedamount', 'amountapproved', 'appropriation', 'appropriated',
    'awardamount', 'award', 'amountauthorized', 'authorized', 'authorizedamount', 'amountappropriated',
    'appropriatedamount',
  ],
  spent: [
    'spent', 'amountspent', 'spentamount', 'expended', 'amountexpended', 'expenditure', 'expenditures', 'spenttodate',
    'expendedtodate', 'actual', 'actuals', 'actualspending', 'paid', 'amountpaid', 'disbursed', 'disbursements',
  ],
  // The Massachusetts municipal report's line-item category (Salaries, Subcontracts, … Administrative costs). Not
  // "category" alone: that is the strategy everywhere else.
  cost_type: [
    'costtype', 'costcategory', 'typeofcost', 'expensetype', 'expensecategory', 'lineitemcategory', 'lineitemtype',
    'costclassification',
  ],
  source: [
    'source', 'fundingsource', 'sourceoffunds', 'fundsource', 'settlement', 'settlementsource', 'fund', 'funding',
    'revenuesource',
  ],
  status: ['status', 'approvalstatus'],
};

const SYNONYM_INDEX: ReadonlyMap<string, ImportField> = new Map(
  IMPORT_FIELDS.flatMap((field) => SYNONYMS[field].map((name) => [name, field] as const)),
);

/** Lower case, letters and digits only: "Amount allocated ($)" → "amountallocated". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function isImportField(value: unknown): value is ImportField {
  return typeof value === 'string' && (IMPORT_FIELDS as readonly string[]).includes(value);
}

/** The field a header means on its own, from the synonym list; null when it is not one we recognise. */
export function fieldForHeader(header: string): ImportField | null {
  const normalized = normalizeHeader(header);
  if (normalized === '') return null;
  return SYNONYM_INDEX.get(normalized) ?? null;
}

/**
 * A suggested mapping for every header: what the user (or this locality) chose last time wins, then synonyms. A
 * field is given to at most one header, the leftmost, because two "Amount" columns cannot both be the amount: the
 * second is left unmapped for the user to decide.
 */
export function suggestMapping(
  headers: string[],
  remembered?: Record<string, ImportField>,
): Record<string, ImportField | null> {
  // Built as own properties (fromEntries), so a header spelled "__proto__" is an ordinary key, while the result
  // stays a plain object that React can pass from a server component to a client one.
  const mapping: Record<string, ImportField | null> = Object.fromEntries(headers.map((header) => [header, null]));
  const taken = new Set<ImportField>();
  const rememberedByNormal = new Map<string, ImportField>();
  for (const [header, field] of Object.entries(remembered ?? {})) {
    // Remembered mappings come back from storage; a stale or hand-edited one must not smuggle in a bad field.
    if (isImportField(field)) rememberedByNormal.set(normalizeHeader(header), field);
  }

  const pick = (header: string, field: ImportField | null | undefined): boolean => {
    if (!field || taken.has(field) || mapping[header] !== null) return false;
    mapping[header] = field;
    taken.add(field);
    return true;
  };

  // Two passes so a remembered choice for a later column beats a synonym guess for an earlier one.
  for (const header of headers) {
    const exact = Object.hasOwn(remembered ?? {}, header) ? remembered?.[header] : undefined;
    pick(header, isImportField(exact) ? exact : rememberedByNormal.get(normalizeHeader(header)));
  }
  for (const header of headers) pick(header, fieldForHeader(header));
  return mapping;
}

export type ParseMapResult = { ok: true; mapping: Record<string, ImportField> } | { ok: false; reason: string };

/**
 * The `--map` argument of the command-line import: `Header=field,Other Header=field`. A header that itself holds a
 * comma or an equals sign is written in double quotes: `"Amount, allocated"=amount`. Fields are the names in
 * IMPORT_FIELDS (case, spaces and hyphens forgiven: `Fiscal Year` and `fiscal-year` both mean fiscal_year).
 */
export function parseMapArgument(argument: string): ParseMapResult {
  return parseMapPairs(argument, IMPORT_FIELDS, {
    unknownField: (fieldText, header) =>
      `"${fieldText}" (for column "${header}") is not an import field; ` + `use one of ${IMPORT_FIELDS.join(', ')}`,
    mappedTwice(header, field, before, other) {
      if (before !== undefined && before !== field) return `column "${header}" is mapped twice, to ${before} and to ${field}`;
      if (other !== undefined && other !== header) return `both "${other}" and "${header}" are mapped to ${field}; a field takes one column`;
      return null;
    },
  });
}

/**
 * A `--map` argument read pair by pair, for any kind: `Header=field,…`, a header holding a comma or "=" in double
 * quotes, field names forgiving case, spaces and hyphens. Each kind words its own refusals of an unknown field and of
 * a header or field mapped twice (`before`: the field the header had; `other`: the header the field had).
 */
export function parseMapPairs<F extends string>(
  argument: string,
  fields: readonly F[],
  refusals: {
    unknownField(fieldText: string, header: string): string;
    mappedTwice(header: string, field: F, before: F | undefined, other: string | undefined): string | null;
  },
): { ok: true; mapping: Record<string, F> } | { ok: false; reason: string } {
  const pairs = splitOutsideQuotes(argument, ',');
  if (pairs === null) return { ok: false, reason: 'the map has a double quote that is never closed' };
  const mapping = new Map<string, F>();
  const headerFor = new Map<F, string>();
  for (const rawPair of pairs) {
    const pair = rawPair.trim();
    if (pair === '') continue;
    const equals = pair.lastIndexOf('=');
    if (equals < 0) return { ok: false, reason: `"${pair}" has no "=": write Header=field` };
    const header = unquote(pair.slice(0, equals).trim());
    const fieldText = pair.slice(equals + 1).trim();
    if (header === '') return { ok: false, reason: `"${pair}" has no column header before "="` };
    const candidate = fieldText.toLowerCase().replace(/[\s-]+/g, '_');
    const field = fields.find((name) => name === candidate);
    if (!field) return { ok: false, reason: refusals.unknownField(fieldText, header) };
    const twice = refusals.mappedTwice(header, field, mapping.get(header), headerFor.get(field));
    if (twice !== null) return { ok: false, reason: twice };
    mapping.set(header, field);
    headerFor.set(field, header);
  }
  if (mapping.size === 0) return { ok: false, reason: 'the map is empty: write Header=field,…' };
  return { ok: true, mapping: Object.fromEntries(mapping) as Record<string, F> };
}

export function unquote(text: string): string {
  const quoted = text.length >= 2 && text.startsWith('"') && text.endsWith('"');
  return quoted ? text.slice(1, -1).replaceAll('""', '"') : text;
}

/** Split on `separator` except inside double quotes (quotes kept, `""` is an escaped quote); null if unbalanced. */
export function splitOutsideQuotes(text: string, separator: string): string[] | null {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quoted) return null;
  parts.push(current);
  return parts;
}
