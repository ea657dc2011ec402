/**
 * The staff lists' downloads: the same list view as CSV (the default) or as an XLSX workbook (`format=xlsx`), both
 * streamed batch by batch from the database, read by key (export-by-key.ts).
 */
import { csvResponse, type CsvCell } from './staff-csv';
import { xlsxResponse } from './staff-xlsx';
import type { ExportFormat } from './export-format';

/** `name` is the file's name without extension ("cedar-county-allocations"), also the sheet's title. */
export function listExportResponse<Row>(
  format: ExportFormat,
  name: string,
  header: readonly string[],
  batches: AsyncIterable<Row[]>,
  toCells: (row: Row) => CsvCell[],
): Response {
  if (format === 'xlsx') return xlsxResponse(`${name}.xlsx`, sheetTitle(name), header, batches, toCells);
  return csvResponse(`${name}.csv`, header, batches, toCells);
}

/** Sheet names hold at most 31 characters and none of : \ / ? * [ ]. */
function sheetTitle(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '-').slice(-31);
}
