import { runToEnd, type Steps } from './cooperative';
import { parseMoney } from '@/lib/money';
import { normalizeHeader, suggestMapping, type ImportField } from './fields';

/**
 * Where the table is inside the sheet. Real budget files have a title and a date above the header, blank spacer
 * rows, and a totals row at the bottom; none of those are lines of spending, and importing a totals row would
 * double the money. Every row that is not imported is listed in `skipped` with why.
 */

export type Mapping = Record<string, ImportField | null>;

export interface LocateOptions {
  /** The user's mapping: the header row is the first one that holds all of its (non-null) headers. */
  mapping?: Mapping;
  /** Mappings remembered from earlier imports, which also count as recognised headers. */
  remembered?: Record<string, ImportField>;
}

export interface TableRow {
  /** 1-based, as the user sees it. */
  row: number;
  cells: string[];
}

export interface LocatedTable {
  headerRowIndex: number;
  headers: string[];
  dataRows: TableRow[];
  skipped: { row: number; reason: string }[];
}

/** Header rows are looked for among the first rows only: a title block is a few rows, not hundreds. */
export const HEADER_SEARCH_ROWS = 100;

export function locateHeader(
  rows: readonly string[][],
  options: LocateOptions = {},
): { ok: true; headerRowIndex: number; headers: string[] } | { ok: false; reason: string } {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  const wanted = Object.entries(options.mapping ?? {})
    .filter(([, field]) => field !== null)
    .map(([header]) => header);

  if (wanted.length > 0) {
    let closest: { index: number; missing: string[] } | null = null;
    for (let index = 0; index < limit; index += 1) {
      const headers = trimmed(rows[index] ?? []);
      const missing = wanted.filter((header) => findHeader(headers, header) < 0);
      if (missing.length === 0) return { ok: true, headerRowIndex: index, headers };
      if (missing.length < wanted.length && (closest === null || missing.length < closest.missing.length)) {
        closest = { index, missing };
      }
    }
    const missing = (closest?.missing ?? wanted).map((header) => `"${header}"`).join(', ');
    return {
      ok: false,
      reason: closest
        ? `The mapped column(s) ${missing} are not in the header row (row ${closest.index + 1})`
        : `No row in the first ${limit} rows has the mapped columns ${missing}`,
    };
  }

  for (let index = 0; index < limit; index += 1) {
    const headers = trimmed(rows[index] ?? []);
    const recognised = Object.values(suggestMapping(headers, options.remembered)).filter((field) => field !== null);
    if (recognised.length >= 2) return { ok: true, headerRowIndex: index, headers };
  }
  return {
    ok: false,
    reason:
      `No header row found: none of the first ${limit} rows has two or more column names Abate knows ` +
      '(like Fiscal year, Program, Amount, Category); map the columns by hand',
  };
}

/** The header row, the data rows below it, and every row skipped with its reason. */
export function locateTable(
  rows: readonly string[][],
  options: LocateOptions = {},
): ({ ok: true } & LocatedTable) | { ok: false; reason: string } {
  return runToEnd(locateTableSteps(rows, options));
}

/** locateTable, a row at a time (lib/import/cooperative.ts). */
export function* locateTableSteps(
  rows: readonly string[][],
  options: LocateOptions = {},
): Steps<({ ok: true } & LocatedTable) | { ok: false; reason: string }> {
  const header = locateHeader(rows, options);
  if (!header.ok) return header;
  const { headerRowIndex, headers } = header;
  const mapping = options.mapping ?? suggestMapping(headers, options.remembered);
  const columns = columnIndexes(headers, mapping);
  const mappedColumns = Object.values(columns).filter((index) => index !== undefined);

  const skipped: { row: number; reason: string }[] = [];
  for (let index = 0; index < headerRowIndex; index += 1) {
    const blank = isBlankRow(rows[index] ?? []);
    skipped.push({ row: index + 1, reason: blank ? 'blank row' : 'above the header row (a title or note)' });
  }

  const dataRows: TableRow[] = [];
  for (let index = headerRowIndex + 1; index < rows.length; index += 1) {
    yield;
    const cells = rows[index] ?? [];
    const row = index + 1;
    if (isBlankRow(cells)) {
      skipped.push({ row, reason: 'blank row' });
    } else if (isTotalsLabel(firstTextCell(cells), true)) {
      skipped.push({ row, reason: `totals row ("${firstTextCell(cells)}"), not imported` });
    } else if (mappedColumns.length > 0 && mappedColumns.every((column) => (cells[column] ?? '').trim() === '')) {
      skipped.push({ row, reason: 'no values in the imported columns' });
    } else {
      dataRows.push({ row, cells });
    }
  }

  // Totals at the bottom are often labelled loosely ("Total FY2025 allocations") or not at all (a SUM under the
  // amount column). A row there counts as totals when it lacks what every real line has.
  const has = (cells: string[], field: ImportField) => {
    const column = columns[field];
    return column !== undefined && (cells[column] ?? '').trim() !== '';
  };
  while (dataRows.length > 0) {
    const last = dataRows[dataRows.length - 1]!;
    const label = firstTextCell(last.cells);
    const incomplete = !has(last.cells, 'fiscal_year') || !has(last.cells, 'category');
    const unlabelled = !has(last.cells, 'program') && !has(last.cells, 'fiscal_year') && !has(last.cells, 'category');
    if (isTotalsLabel(label, false) && incomplete) {
      skipped.push({ row: last.row, reason: `totals row ("${label}"), not imported` });
    } else if (unlabelled) {
      const reason = 'totals row (an amount with no program, fiscal year or category), not imported';
      skipped.push({ row: last.row, reason });
    } else {
      break;
    }
    dataRows.pop();
  }

  skipped.sort((a, b) => a.row - b.row);
  return { ok: true, headerRowIndex, headers, dataRows, skipped };
}

/**
 * Column index of each mapped field. A mapping key matches a header exactly (after trimming) or, failing that,
 * after normalizeHeader, so "amount allocated" typed on the command line finds "Amount Allocated ($)"; it does not
 * guess further than that.
 */
export function columnIndexes(headers: readonly string[], mapping: Mapping): Partial<Record<ImportField, number>> {
  const columns: Partial<Record<ImportField, number>> = {};
  for (const [header, field] of Object.entries(mapping)) {
    if (field === null || columns[field] !== undefined) continue;
    const index = findHeader(headers, header);
    if (index >= 0) columns[field] = index;
  }
  return columns;
}

/** Index of `header` among `headers`: exact (trimmed) match first, then normalized; -1 if absent. */
export function findHeader(headers: readonly string[], header: string): number {
  const wanted = header.trim();
  const exact = headers.findIndex((candidate) => candidate.trim() === wanted);
  if (exact >= 0) return exact;
  const normal = normalizeHeader(wanted);
  if (normal === '') return -1;
  return headers.findIndex((candidate) => normalizeHeader(candidate) === normal);
}

const STRICT_TOTALS = /^(?:grand\s*|sub\s*-?\s*)?totals?\s*:?$|^sum\s*:?$/i;
const LOOSE_TOTALS = /^(?:grand\s+|sub\s*-?\s*)?totals?\b|^sum\b/i;

/** "Total", "Totals", "Subtotal", "Grand total", "Sum" exactly; with `strict` off, anything starting with them. */
export function isTotalsLabel(text: string, strict: boolean): boolean {
  return (strict ? STRICT_TOTALS : LOOSE_TOTALS).test(text.trim());
}

/** The first non-empty cell that is not a number or amount: the row's label. */
function firstTextCell(cells: readonly string[]): string {
  for (const cell of cells) {
    const text = cell.trim();
    if (text !== '' && !parseMoney(text).ok) return text;
  }
  return '';
}

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function trimmed(cells: readonly string[]): string[] {
  return cells.map((cell) => cell.trim());
}
