import { runToEnd, type Steps } from './cooperative';
import { costTypeFromText, unknownCostTypeReason } from '@/lib/services/cost-type';
import { parseCategoryShares, parseFiscalPeriod, parseRecipientType, parseStatus } from './cell-values';
import { FIELD_LABELS, IMPORT_FIELDS, missingRequiredFields, type ImportField } from './fields';
import { importKeyOf, lineKeyOf } from './import-key';
import { columnIndexes, locateTableSteps, type Mapping } from './locate-table';
import { readNonNegativeAmount } from './money-cells';
import { rowCells } from './row-cells';
import type { CategoryMatch, ImportContext, ImportPreview, ImportRowError, ParsedImportRow } from './types';

export type { ImportContext, ImportPreview, ImportRowError, ParsedImportRow, RecipientType } from './types';

/**
 * Raw rows + a mapping → the lines to import, and every problem with the row, column, value and reason, so that a
 * budget officer can fix the spreadsheet they keep and upload it again. A row with any error is not imported at
 * all: half a line (an amount without its category) would be worse than none. Pure: the context answers the
 * lookups, nothing here touches the database.
 *
 * Errors about the file as a whole (the mapping, the header) use the header's row number, or row 0 when no header
 * row was found, and column ''.
 */
export interface ParseRowsOptions {
  /**
   * The fiscal year of every row when no column holds one: a report for one year names it in its title
   * ("FY2024 Municipal Opioid Abatement Report"), not on each line.
   */
  fiscalYear?: TitleFiscalYear;
}

export interface TitleFiscalYear {
  first: number;
  last: number;
  /** Where it was read, for the preview: 'row 1 ("FY2024 Opioid Abatement Report")'. */
  from: string;
}

export function parseImportRows(
  rows: string[][],
  mapping: Mapping,
  context: ImportContext,
  options: ParseRowsOptions = {},
): ImportPreview {
  return runToEnd(parseImportRowsSteps(rows, mapping, context, options));
}

/** parseImportRows, a row at a time (lib/import/cooperative.ts): the server's imports run it with runCooperatively. */
export function* parseImportRowsSteps(
  rows: string[][],
  mapping: Mapping,
  context: ImportContext,
  options: ParseRowsOptions = {},
): Steps<ImportPreview> {
  const table = yield* locateTableSteps(rows, { mapping });
  if (!table.ok) {
    const errors = [{ row: 0, column: '', value: '', reason: table.reason }];
    return { rows: [], errors, skipped: [], categoryMatches: [], preferredFramework: null };
  }
  const { headers, dataRows, skipped } = table;
  const headerRow = table.headerRowIndex + 1;
  const columns = columnIndexes(headers, mapping);

  const mappingErrors = checkMapping(headers, mapping, columns, headerRow, options.fiscalYear !== undefined);
  if (mappingErrors.length > 0) {
    return { rows: [], errors: mappingErrors, skipped, categoryMatches: [], preferredFramework: null };
  }

  // A short name two frameworks share ("Connections to Care") is read the way the rest of the file is written.
  const names = yield* categoryNames(dataRows, columns.category);
  const preferredFramework = context.preferredFrameworkOf?.(names) ?? null;
  const categories: CategoryReader = { context, preferredFramework, matches: new Map() };

  const parsed: ParsedImportRow[] = [];
  const errors: ImportRowError[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (const { row, cells } of dataRows) {
    yield;
    const result = parseRow(row, cells, headers, columns, categories, options.fiscalYear);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const first = firstRowOfKey.get(result.value.importKey);
    if (first !== undefined) {
      const column = columns.program ?? 0;
      errors.push({
        row,
        column: headers[column] ?? '',
        value: result.value.program,
        reason: `duplicate of row ${first}: same fiscal year, program, recipient, amount and categories`,
      });
      continue;
    }
    firstRowOfKey.set(result.value.importKey, row);
    parsed.push(result.value);
  }
  return { rows: parsed, errors, skipped, categoryMatches: [...categories.matches.values()], preferredFramework };
}

interface CategoryReader {
  context: ImportContext;
  preferredFramework: string | null;
  /** Keyed by the name as written, folded: "Harm Reduction" and "harm reduction" are one entry. */
  matches: Map<string, CategoryMatch>;
}

/** Every category name the file writes, one per row part, for finding the file's framework. */
function* categoryNames(rows: readonly { cells: readonly string[] }[], column: number | undefined): Steps<string[]> {
  if (column === undefined) return [];
  const names: string[] = [];
  for (const { cells } of rows) {
    yield;
    const cell = (cells[column] ?? '').trim();
    if (cell === '') continue;
    const shares = parseCategoryShares(cell);
    if (shares.ok) names.push(...shares.value.map((share) => share.name));
  }
  return names;
}

function checkMapping(
  headers: readonly string[],
  mapping: Mapping,
  columns: Partial<Record<ImportField, number>>,
  headerRow: number,
  yearFromTitle: boolean,
): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const headerFor = new Map<ImportField, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field === null) continue;
    const other = headerFor.get(field);
    if (other !== undefined) {
      errors.push({
        row: headerRow,
        column: header,
        value: header,
        reason: `both "${other}" and "${header}" are mapped to ${FIELD_LABELS[field]}; a field takes one column`,
      });
    }
    headerFor.set(field, header);
  }
  for (const field of IMPORT_FIELDS) {
    const column = columns[field];
    if (column === undefined) continue;
    const header = headers[column] ?? '';
    if (headers.filter((candidate) => candidate.trim() === header.trim()).length > 1) {
      errors.push({
        row: headerRow,
        column: header,
        value: header,
        reason:
          `the file has more than one column named "${header}"; ` +
          `rename one so it is clear which is the ${FIELD_LABELS[field]}`,
      });
    }
  }
  const mapped = new Set(Object.keys(columns) as ImportField[]);
  if (yearFromTitle) mapped.add('fiscal_year');
  for (const field of missingRequiredFields(mapped)) {
    errors.push({
      row: headerRow,
      column: '',
      value: '',
      reason: `no column is mapped to ${FIELD_LABELS[field]}, which is required`,
    });
  }
  return errors;
}

function parseRow(
  row: number,
  cells: readonly string[],
  headers: readonly string[],
  columns: Partial<Record<ImportField, number>>,
  categories: CategoryReader,
  titleYear: TitleFiscalYear | undefined,
): { ok: true; value: ParsedImportRow } | { ok: false; errors: ImportRowError[] } {
  const { context } = categories;
  const cell = rowCells(row, cells, headers, columns, (field) => FIELD_LABELS[field]);
  const { text, fail, required } = cell;

  const useTitle = columns.fiscal_year === undefined && titleYear !== undefined;
  const fiscalYearText = useTitle ? null : required('fiscal_year');
  let fiscalYear: number | null = useTitle ? titleYear.first : null;
  let lastFiscalYear: number | null = useTitle && titleYear.last !== titleYear.first ? titleYear.last : null;
  if (fiscalYearText !== null) {
    const parsed = parseFiscalPeriod(fiscalYearText, context.fyStartMonth, context.allowedFiscalYears);
    if (!parsed.ok) fail('fiscal_year', parsed.reason);
    else {
      fiscalYear = parsed.value.first;
      lastFiscalYear = parsed.value.last === parsed.value.first ? null : parsed.value.last;
    }
  }

  // A spending authorization names strategies, not programs: the strategy as written names the line.
  const programFromCategory = columns.program === undefined && columns.category !== undefined;
  const program = programFromCategory
    ? text('category') || fail('category', 'the category names this line (the file has no program column) but is blank')
    : required('program');
  const description = text('description');
  const recipient = text('recipient') || null;

  let recipientType: ParsedImportRow['recipientType'] = null;
  if (text('recipient_type') !== '') {
    const parsed = parseRecipientType(text('recipient_type'));
    recipientType = parsed.ok ? parsed.value : fail('recipient_type', parsed.reason);
  }

  const splits = parseSplits(fail, text('category'), categories);

  // With no budget column, what was spent is the amount (the Massachusetts form); the spent column is then required.
  const amountFromSpent = columns.amount === undefined && columns.spent !== undefined;
  let amountCents = readNonNegativeAmount(cell, 'amount', amountFromSpent ? null : required('amount'), 'allocated amount cannot be negative');

  // Spent may exceed the amount: spending can be paid from earlier years' allocations. Only its form is checked.
  const spentText = amountFromSpent ? required('spent') : text('spent') || null;
  const spentCents = readNonNegativeAmount(cell, 'spent', spentText, 'spent amount cannot be negative');
  if (amountFromSpent) amountCents = spentCents;

  const costType = text('cost_type') === '' ? null : (costTypeFromText(text('cost_type')) ?? fail('cost_type', unknownCostTypeReason(text('cost_type'))));

  let sourceId: number | null = null;
  if (text('source') !== '') {
    sourceId = context.resolveSource(text('source')) ?? fail('source', `unknown funding source "${text('source')}"`);
  }

  let status: ParsedImportRow['status'] = null;
  if (text('status') !== '') {
    const parsed = parseStatus(text('status'));
    status = parsed.ok ? parsed.value : fail('status', parsed.reason);
  }

  if (cell.errors.length > 0 || fiscalYear === null || program === null || splits === null || amountCents === null) {
    return { ok: false, errors: cell.sortedErrors() };
  }
  const identity = { fiscalYear, lastFiscalYear, program, recipient, amountCents, splits };
  return {
    ok: true,
    value: {
      row,
      importKey: importKeyOf(identity),
      lineKey: lineKeyOf(identity),
      fiscalYear,
      lastFiscalYear,
      program,
      description,
      recipient,
      recipientType,
      splits,
      amountCents,
      amountFromSpent,
      spentCents,
      costType,
      sourceId,
      status,
    },
  };
}

function parseSplits(
  fail: (field: ImportField, reason: string) => null,
  cell: string,
  categories: CategoryReader,
): ParsedImportRow['splits'] | null {
  const { context, preferredFramework } = categories;
  const preferred = preferredFramework ?? undefined;
  if (cell === '') {
    // No category is an honest "not yet classified", never a guessed one.
    const unclassified = context.unclassifiedCategory?.(preferred);
    if (!unclassified) return fail('category', 'category is missing');
    if (!unclassified.ok) return fail('category', unclassified.reason);
    noteMatch(categories, '', unclassified);
    return [{ categoryId: unclassified.categoryId, shareBasisPoints: 10_000 }];
  }
  const shares = parseCategoryShares(cell);
  if (!shares.ok) return fail('category', shares.reason);

  const splits: ParsedImportRow['splits'] = [];
  const labels = new Map<number, string>();
  let failed = false;
  for (const { name, shareBasisPoints } of shares.value) {
    const resolved = context.resolveCategory(name, preferred);
    if (!resolved.ok) {
      failed = true;
      fail('category', resolved.reason);
      continue;
    }
    // One allocation holds a category once (the database's key); "moud" and its full name are the same category.
    if (labels.has(resolved.categoryId)) {
      failed = true;
      fail('category', `category "${resolved.label}" is listed more than once`);
      continue;
    }
    labels.set(resolved.categoryId, resolved.label);
    noteMatch(categories, name, resolved);
    splits.push({ categoryId: resolved.categoryId, shareBasisPoints });
  }
  return failed ? null : splits;
}

function noteMatch(categories: CategoryReader, written: string, resolved: { categoryId: number; label: string }): void {
  const key = `${written.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()}\u0000${resolved.categoryId}`;
  const seen = categories.matches.get(key);
  if (seen) seen.rows += 1;
  else categories.matches.set(key, { written: written.trim(), categoryId: resolved.categoryId, label: resolved.label, rows: 1 });
}

// "FY2024", "FY 24", "Fiscal Year 2024", "Fiscal Year 2023-24" in a title.
const TITLE_YEAR = /\b(?:FY\s*'?(\d{4}|\d{2})|fiscal\s+year\s+(\d{4}(?:\s*[-–/]\s*\d{2,4})?))(?![\d])/gi;

/**
 * The one fiscal year the rows above the header (or else the file's name) name, when they name exactly one; see
 * ParseRowsOptions.fiscalYear. Two different years there is no answer: the user maps a column instead.
 */
export function fiscalYearFromTitle(
  titleRows: readonly string[][],
  fileName: string,
  context: Pick<ImportContext, 'fyStartMonth' | 'allowedFiscalYears'>,
): TitleFiscalYear | undefined {
  const look = (texts: { text: string; from: string }[]): TitleFiscalYear | undefined => {
    const found = new Map<number, string>();
    for (const { text, from } of texts) {
      for (const match of text.matchAll(TITLE_YEAR)) {
        const written = match[1] !== undefined ? `FY${match[1]}` : (match[2] ?? '');
        const parsed = parseFiscalPeriod(written, context.fyStartMonth, context.allowedFiscalYears);
        if (parsed.ok && parsed.value.first === parsed.value.last && !found.has(parsed.value.first)) {
          found.set(parsed.value.first, from);
        }
      }
    }
    const [only] = found.size === 1 ? [...found] : [];
    return only ? { first: only[0], last: only[0], from: only[1] } : undefined;
  };
  const rows = titleRows.flatMap((cells, index) =>
    cells.filter((cell) => cell.trim() !== '').map((cell) => ({ text: cell, from: `row ${index + 1} ("${cell.trim()}")` })),
  );
  return look(rows) ?? look([{ text: fileName.replace(/[_.]+/g, ' '), from: `the file name "${fileName}"` }]);
}
