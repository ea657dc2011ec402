import { parseMoney } from '@/lib/money';
import { parseCategoryShares, parseFiscalYear, parseRecipientType, parseStatus } from './cell-values';
import { FIELD_LABELS, IMPORT_FIELDS, REQUIRED_FIELDS, type ImportField } from './fields';
import { importKeyOf, lineKeyOf } from './import-key';
import { columnIndexes, locateTable, type Mapping } from './locate-table';
import type { ImportContext, ImportPreview, ImportRowError, ParsedImportRow } from './types';

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
export function parseImportRows(rows: string[][], mapping: Mapping, context: ImportContext): ImportPreview {
  const table = locateTable(rows, { mapping });
  if (!table.ok) return { rows: [], errors: [{ row: 0, column: '', value: '', reason: table.reason }], skipped: [] };
  const { headers, dataRows, skipped } = table;
  const headerRow = table.headerRowIndex + 1;
  const columns = columnIndexes(headers, mapping);

  const mappingErrors = checkMapping(headers, mapping, columns, headerRow);
  if (mappingErrors.length > 0) return { rows: [], errors: mappingErrors, skipped };

  const parsed: ParsedImportRow[] = [];
  const errors: ImportRowError[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (const { row, cells } of dataRows) {
    const result = parseRow(row, cells, headers, columns, context);
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
  return { rows: parsed, errors, skipped };
}

function checkMapping(
  headers: readonly string[],
  mapping: Mapping,
  columns: Partial<Record<ImportField, number>>,
  headerRow: number,
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
  for (const field of REQUIRED_FIELDS) {
    if (columns[field] === undefined) {
      errors.push({
        row: headerRow,
        column: '',
        value: '',
        reason: `no column is mapped to ${FIELD_LABELS[field]}, which is required`,
      });
    }
  }
  return errors;
}

function parseRow(
  row: number,
  cells: readonly string[],
  headers: readonly string[],
  columns: Partial<Record<ImportField, number>>,
  context: ImportContext,
): { ok: true; value: ParsedImportRow } | { ok: false; errors: ImportRowError[] } {
  const errors: (ImportRowError & { index: number })[] = [];
  const text = (field: ImportField): string => {
    const column = columns[field];
    return column === undefined ? '' : (cells[column] ?? '').trim();
  };
  const fail = (field: ImportField, reason: string): null => {
    const index = columns[field] ?? -1;
    errors.push({ row, column: headers[index] ?? FIELD_LABELS[field], value: text(field), reason, index });
    return null;
  };
  const required = (field: ImportField): string | null =>
    text(field) === '' ? fail(field, `${FIELD_LABELS[field]} is missing`) : text(field);

  const fiscalYearText = required('fiscal_year');
  let fiscalYear: number | null = null;
  if (fiscalYearText !== null) {
    const parsed = parseFiscalYear(fiscalYearText, context.fyStartMonth, context.allowedFiscalYears);
    fiscalYear = parsed.ok ? parsed.value : fail('fiscal_year', parsed.reason);
  }

  const program = required('program');
  const description = text('description');
  const recipient = text('recipient') || null;

  let recipientType: ParsedImportRow['recipientType'] = null;
  if (text('recipient_type') !== '') {
    const parsed = parseRecipientType(text('recipient_type'));
    recipientType = parsed.ok ? parsed.value : fail('recipient_type', parsed.reason);
  }

  const splits = parseSplits(fail, required, context);

  const amountText = required('amount');
  let amountCents: bigint | null = null;
  if (amountText !== null) {
    const parsed = parseMoney(amountText);
    if (!parsed.ok) fail('amount', parsed.reason);
    else if (parsed.cents < 0n) fail('amount', 'allocated amount cannot be negative');
    else amountCents = parsed.cents;
  }

  // Spent may exceed the amount: spending can be paid from earlier years' allocations. Only its form is checked.
  let spentCents: bigint | null = null;
  if (text('spent') !== '') {
    const parsed = parseMoney(text('spent'));
    if (!parsed.ok) fail('spent', parsed.reason);
    else if (parsed.cents < 0n) fail('spent', 'spent amount cannot be negative');
    else spentCents = parsed.cents;
  }

  let sourceId: number | null = null;
  if (text('source') !== '') {
    sourceId = context.resolveSource(text('source')) ?? fail('source', `unknown funding source "${text('source')}"`);
  }

  let status: ParsedImportRow['status'] = null;
  if (text('status') !== '') {
    const parsed = parseStatus(text('status'));
    status = parsed.ok ? parsed.value : fail('status', parsed.reason);
  }

  if (errors.length > 0 || fiscalYear === null || program === null || splits === null || amountCents === null) {
    // Left to right, as the person reads the row.
    errors.sort((a, b) => a.index - b.index);
    return { ok: false, errors: errors.map(({ row, column, value, reason }) => ({ row, column, value, reason })) };
  }
  const identity = { fiscalYear, program, recipient, amountCents, splits };
  return {
    ok: true,
    value: {
      row,
      importKey: importKeyOf(identity),
      lineKey: lineKeyOf(identity),
      fiscalYear,
      program,
      description,
      recipient,
      recipientType,
      splits,
      amountCents,
      spentCents,
      sourceId,
      status,
    },
  };
}

function parseSplits(
  fail: (field: ImportField, reason: string) => null,
  required: (field: ImportField) => string | null,
  context: ImportContext,
): ParsedImportRow['splits'] | null {
  const cell = required('category');
  if (cell === null) return null;
  const shares = parseCategoryShares(cell);
  if (!shares.ok) return fail('category', shares.reason);

  const splits: ParsedImportRow['splits'] = [];
  const labels = new Map<number, string>();
  let failed = false;
  for (const { name, shareBasisPoints } of shares.value) {
    const resolved = context.resolveCategory(name);
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
    splits.push({ categoryId: resolved.categoryId, shareBasisPoints });
  }
  return failed ? null : splits;
}
