import { isBlankRow } from './locate-table';
import { decodeText, parseCsvText, type ReadLimits } from './read-csv';
import { readXlsxRows } from './read-xlsx';
import { checkZipArchive, formatSize } from './zip-guard';

/**
 * An uploaded spreadsheet → rows of raw cell text. Everything that can make an upload expensive (size, columns,
 * rows, a ZIP that expands without bound) is refused here with a reason a person can act on, before any parser
 * allocates for it.
 */

export interface ReadSpreadsheetOptions {
  /** Largest upload accepted, in bytes. Default 20 MiB: a 200,000-row budget CSV is about 20 MB. */
  maxBytes?: number;
  /** Default 200: budget sheets have a dozen or two columns; thousands means a pivot or a broken export. */
  maxColumns?: number;
  /** Default 200,000: every row of the file counts, title, header and blank rows included. */
  maxRows?: number;
  /**
   * Default 4,000,000 filled cells: 200,000 rows of 20 columns. Rows × columns alone would let a file of 200,000
   * rows of 200 columns (40 million strings, gigabytes of memory) through.
   */
  maxCells?: number;
}

export type ReadSpreadsheetResult = { ok: true; rows: string[][] } | { ok: false; reason: string };

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_COLUMNS = 200;
export const DEFAULT_MAX_ROWS = 200_000;
export const DEFAULT_MAX_CELLS = 4_000_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: .xls from Excel 97–2003, and also any password-protected .xlsx.
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Row 0 is the first line (or worksheet row 1) of the file; trailing blank rows are dropped. */
export async function readSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  options: ReadSpreadsheetOptions = {},
): Promise<ReadSpreadsheetResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const limits: ReadLimits = {
    maxColumns: options.maxColumns ?? DEFAULT_MAX_COLUMNS,
    maxRows: options.maxRows ?? DEFAULT_MAX_ROWS,
    maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
  };

  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      reason: `The file is ${formatSize(bytes.byteLength)}; the limit is ${formatSize(maxBytes, true)}`,
    };
  }
  if (bytes.byteLength === 0) return { ok: false, reason: 'The file is empty' };

  const name = fileName.toLowerCase();
  let result: ReadSpreadsheetResult;
  if (hasPrefix(bytes, CFB_MAGIC)) {
    return {
      ok: false,
      reason:
        'This is an old-format .xls workbook or a password-protected one; ' +
        'save it as .xlsx (without a password) or as CSV',
    };
  } else if (hasPrefix(bytes, ZIP_MAGIC)) {
    // Decided by content, not the name: a workbook renamed to .csv is still a workbook.
    const zip = checkZipArchive(bytes);
    if (!zip.ok) return zip;
    result = await readXlsxRows(bytes, zip.entries, limits);
  } else if (name.endsWith('.xlsx') || name.endsWith('.xlsm')) {
    const reason = 'The file is named .xlsx but is not an XLSX workbook; open it in Excel and save it again';
    return { ok: false, reason };
  } else {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return decoded;
    result = parseCsvText(decoded.text, limits);
  }
  if (!result.ok) return result;

  const rows = result.rows;
  while (rows.length > 0 && isBlankRow(rows[rows.length - 1] ?? [])) rows.pop();
  if (rows.length === 0) return { ok: false, reason: 'The file is empty: it has no rows with any text' };
  return { ok: true, rows };
}

function hasPrefix(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
