import ExcelJS from 'exceljs';
import { excelDateToIsoDate, excelNumberText, excelSerialToIsoDate, isDateFormat } from './excel-values';
import type { RowsResult } from './read-csv';

/**
 * XLSX bytes → rows of cell text, from the first visible worksheet (a hidden first sheet is usually a lookup list
 * the workbook's formulas use, not the table the person sees when they open the file). Only call this after
 * checkZipArchive has passed: exceljs inflates the whole archive into memory.
 */
export async function readXlsxRows(
  bytes: Uint8Array,
  limits: { maxColumns: number; maxRows: number },
): Promise<RowsResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    const reason = 'The file is not a readable XLSX workbook; open it in Excel and save it again as .xlsx';
    return { ok: false, reason };
  }
  const sheets = workbook.worksheets;
  const sheet = sheets.find((candidate) => candidate.state === 'visible') ?? sheets[0];
  if (!sheet) return { ok: false, reason: 'The workbook has no worksheets' };
  const date1904 = Boolean(workbook.properties?.date1904);

  const rows: string[][] = [];
  let failure: string | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (failure !== null) return;
    if (rowNumber > limits.maxRows) {
      failure = `The worksheet has more than ${count(limits.maxRows)} rows; split it into smaller files`;
      return;
    }
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const text = cellText(cell, date1904);
      if (text === '') return;
      if (columnNumber > limits.maxColumns) {
        failure = `The worksheet uses ${count(columnNumber)} columns; the limit is ${count(limits.maxColumns)}`;
        return;
      }
      while (cells.length < columnNumber - 1) cells.push('');
      cells[columnNumber - 1] = text;
    });
    // Rows exceljs skipped (no values) are blank rows of the file: keep them so row numbers match Excel's.
    while (rows.length < rowNumber - 1) rows.push(['']);
    rows.push(cells.length > 0 ? cells : ['']);
  });
  if (failure !== null) return { ok: false, reason: failure };
  return { ok: true, rows };
}

/** The text a cell shows, as documented in excel-values.ts; formulas give their cached result. */
export function cellText(cell: ExcelJS.Cell, date1904: boolean): string {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      // The covered cells of a merged range repeat the first cell's value in exceljs; CSV exports leave them empty.
      return '';
    case ExcelJS.ValueType.Formula: {
      const value = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
      // A workbook written by a script may have no cached result: show the formula so the error names it.
      if (value.result === undefined || value.result === null) {
        return `=${'formula' in value ? value.formula : value.sharedFormula}`;
      }
      return valueText(value.result, cell.numFmt, date1904);
    }
    default:
      return valueText(cell.value, cell.numFmt, date1904);
  }
}

function valueText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // exceljs already turns date-formatted numbers into Dates; this catches any it left as serial day numbers.
    return isDateFormat(numFmt) ? excelSerialToIsoDate(value, date1904) : excelNumberText(value, numFmt);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : excelDateToIsoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('');
    }
    if ('text' in value) return valueText(value.text, numFmt, date1904);
    if ('error' in value && typeof value.error === 'string') return value.error;
  }
  return '';
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
