import { parseMoney } from '@/lib/money';
import { normalizeHeader } from './fields';
import { suggestKindMapping, type KindField, type KindFieldTable, type KindMapping } from './kind-fields';
import { findHeader, HEADER_SEARCH_ROWS, isBlankRow, isTotalsLabel, type TableRow } from './locate-table';
import { rowCells, type RowCells } from './row-cells';
import type { ImportRowError } from './types';

/**
 * Where a receipts ledger's or an expenditures report's table is: the first of the top rows that names two or more
 * of the kind's columns (or every column of the user's mapping) is the header; title rows above it, blank rows and
 * totals rows below are listed as skipped with why, never imported (a totals row would double the money).
 */

export interface KindTable<F extends string> {
  headerRow: number;
  headers: string[];
  mapping: KindMapping<F>;
  /** Field → column index. */
  columns: Partial<Record<F, number>>;
  dataRows: TableRow[];
  skipped: { row: number; reason: string }[];
  /** Required fields no column is mapped to. */
  missing: F[];
}

export type KindTableResult<F extends string> =
  | ({ ok: true } & KindTable<F>)
  | { ok: false; reason: string; headers?: string[]; mapping?: KindMapping<F> };

/** What a kind's parser returns: its rows and their problems, with how the table was read; or why it cannot be read. */
export type KindRowsResult<Row, F extends string> =
  | ({ ok: true; rows: Row[]; errors: ImportRowError[] } & Omit<KindTable<F>, 'dataRows' | 'missing' | 'columns'>)
  | { ok: false; reason: string; headers?: string[]; mapping?: KindMapping<F> };

/**
 * The kind's table (locateKindTable), refused when a required field has no column; `excused` says of a required
 * field that the table's other columns stand in for it.
 */
export function locateCompleteTable<F extends string>(
  rows: readonly string[][],
  table: KindFieldTable<F>,
  kindName: string,
  userMapping: Record<string, string | null> | undefined,
  excused: (field: F, columns: Partial<Record<F, number>>) => boolean = () => false,
): KindTableResult<F> {
  const found = locateKindTable(rows, table, kindName, userMapping);
  if (!found.ok) return found;
  const missing = found.missing.filter((field) => !excused(field, found.columns));
  if (missing.length > 0) {
    return { ok: false, reason: missingFieldsError(table, missing, found.headers), headers: found.headers, mapping: found.mapping };
  }
  return found;
}

export function locateKindTable<F extends string>(
  rows: readonly string[][],
  table: KindFieldTable<F>,
  kindName: string,
  userMapping?: Record<string, string | null>,
): KindTableResult<F> {
  const fields = Object.keys(table) as F[];
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  const wanted = Object.entries(userMapping ?? {}).filter(([, field]) => field !== null);
  for (const [header, field] of wanted) {
    if (!fields.includes(field as F)) {
      return { ok: false, reason: `"${field}" (for column "${header}") is not a ${kindName} field; use one of ${fields.join(', ')}` };
    }
  }
  let headerIndex = -1;
  for (let index = 0; index < limit && headerIndex < 0; index += 1) {
    const headers = (rows[index] ?? []).map((cell) => cell.trim());
    const found =
      wanted.length > 0
        ? wanted.every(([header]) => findHeader(headers, header) >= 0)
        : Object.values(suggestKindMapping(headers, table)).filter((field) => field !== null).length >= 2;
    if (found) headerIndex = index;
  }
  if (headerIndex < 0) {
    const names = fields.map((field) => table[field].label).join(', ');
    return {
      ok: false,
      reason:
        wanted.length > 0
          ? `No row in the first ${limit} rows has the mapped columns ${wanted.map(([h]) => `"${h}"`).join(', ')}`
          : `No header row found: none of the first ${limit} rows has two or more column names of a ${kindName} ` +
            `report (${names}); map the columns by hand`,
    };
  }
  const headers = (rows[headerIndex] ?? []).map((cell) => cell.trim());
  const mapping = completeKindMapping(headers, table, userMapping);
  if (!mapping.ok) return { ...mapping, headers };
  const columns: Partial<Record<F, number>> = {};
  for (const [header, field] of Object.entries(mapping.mapping)) {
    if (field !== null && columns[field] === undefined) columns[field] = findHeader(headers, header);
  }

  const skipped: { row: number; reason: string }[] = [];
  for (let index = 0; index < headerIndex; index += 1) {
    skipped.push({ row: index + 1, reason: isBlankRow(rows[index] ?? []) ? 'blank row' : 'above the header row (a title or note)' });
  }
  const mapped = Object.values(columns) as number[];
  const dataRows: TableRow[] = [];
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const cells = rows[index] ?? [];
    const row = index + 1;
    const label = firstTextCell(cells);
    if (isBlankRow(cells)) skipped.push({ row, reason: 'blank row' });
    else if (isTotalsLabel(label, false)) skipped.push({ row, reason: `totals row ("${label}"), not imported` });
    else if (mapped.every((column) => (cells[column] ?? '').trim() === '')) {
      skipped.push({ row, reason: 'no values in the imported columns' });
    } else dataRows.push({ row, cells });
  }
  // A SUM under the amount column, with nothing else on its row, is a totals row too.
  const others = (Object.entries(columns) as [F, number][]).filter(([field]) => field !== 'amount').map(([, c]) => c);
  while (dataRows.length > 0) {
    const last = dataRows[dataRows.length - 1]!;
    if (!others.every((column) => (last.cells[column] ?? '').trim() === '')) break;
    skipped.push({ row: last.row, reason: 'totals row (an amount with nothing else on its row), not imported' });
    dataRows.pop();
  }
  skipped.sort((a, b) => a.row - b.row);

  const missing = (Object.entries(table) as [F, KindField][])
    .filter(([field, spec]) => spec.required && columns[field] === undefined)
    .map(([field]) => field);
  return { ok: true, headerRow: headerIndex + 1, headers, mapping: mapping.mapping, columns, dataRows, skipped, missing };
}

/** The user's mapping (header → field) wins; the other headers are suggested from the kind's synonyms. */
function completeKindMapping<F extends string>(
  headers: readonly string[],
  table: KindFieldTable<F>,
  userMapping: Record<string, string | null> | undefined,
): { ok: true; mapping: KindMapping<F> } | { ok: false; reason: string } {
  const result = new Map<string, F | null>();
  const headerOf = new Map<F, string>();
  for (const [key, field] of Object.entries(userMapping ?? {})) {
    const index = findHeader(headers, key);
    if (index < 0) continue;
    const header = headers[index] ?? key;
    if (field !== null) {
      const other = headerOf.get(field as F);
      if (other !== undefined && other !== header) {
        return { ok: false, reason: `Both "${other}" and "${header}" are mapped to ${table[field as F].label}; a field takes one column` };
      }
      headerOf.set(field as F, header);
    }
    result.set(header, field as F | null);
  }
  const rest = headers.filter((header) => !result.has(header));
  const suggested = suggestKindMapping(rest, table);
  for (const header of rest) {
    const field = suggested[header] ?? null;
    result.set(header, field !== null && !headerOf.has(field) ? field : null);
  }
  return { ok: true, mapping: Object.fromEntries(result) as KindMapping<F> };
}

/** The error for required fields no column holds, in the words of the allocation import. */
export function missingFieldsError<F extends string>(
  table: KindFieldTable<F>,
  missing: readonly F[],
  headers: readonly string[],
): string {
  const names = missing.map((field) => table[field].label).join(', ');
  const columns = headers.filter((text) => text !== '').map((text) => `"${text}"`).join(', ');
  return (
    `No column is mapped to the required field${missing.length > 1 ? 's' : ''} ${names}. ` +
    `The file's columns are ${columns}; choose which one holds each.`
  );
}

/**
 * A kind's data rows read one at a time, each through its rowCells (a field named by its label), into the parser's
 * result: the loop every kind's parser (receipts, payments, expected payments, outcomes) runs. `readRow` gives the
 * row to import, or null when it recorded an error (or called `skip`, with why the file's row is not imported). A
 * row with an error is not imported at all: its errors are listed left to right instead.
 */
export function readKindRows<F extends string, Row>(
  table: KindTable<F>,
  fields: KindFieldTable<F>,
  readRow: (cell: RowCells<F>, row: number, skip: (reason: string) => null) => Row | null,
): KindRowsResult<Row, F> {
  const rows: Row[] = [];
  const errors: ImportRowError[] = [];
  const skipped = [...table.skipped];
  for (const { row, cells } of table.dataRows) {
    const cell = rowCells(row, cells, table.headers, table.columns, (field) => fields[field].label);
    const skip = (reason: string): null => {
      skipped.push({ row, reason });
      return null;
    };
    const value = readRow(cell, row, skip);
    if (value === null || cell.errors.length > 0) errors.push(...cell.sortedErrors());
    else rows.push(value);
  }
  skipped.sort((a, b) => a.row - b.row);
  return { ok: true, rows, errors, headers: table.headers, mapping: table.mapping, headerRow: table.headerRow, skipped };
}

export function normalizedCell(text: string): string {
  return normalizeHeader(text);
}

function firstTextCell(cells: readonly string[]): string {
  for (const cell of cells) {
    const text = cell.trim();
    if (text !== '' && !parseMoney(text).ok) return text;
  }
  return '';
}
