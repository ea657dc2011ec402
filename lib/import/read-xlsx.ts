import { Readable } from 'node:stream';
import { WorkbookReader, type Cell, type Row } from '@cj-tech-master/excelts';
import { excelDateToIsoDate, excelNumberText, excelSerialToIsoDate, isDateFormat } from './excel-values';
import type { ReadLimits, RowsResult } from './read-csv';
import { inflateEntry, ZipLimitError, type ZipEntry } from './zip-guard';

/**
 * XLSX bytes → rows of cell text, from the first visible worksheet (a hidden first sheet is usually a lookup list
 * the workbook's formulas use, not the table the person sees when they open the file), read as a stream: the
 * worksheet is inflated and parsed a chunk at a time and the read stops the moment a row, column or cell limit is
 * passed, so a workbook of a million rows costs what its first 200,001 rows cost. See docs/adr/0013.
 *
 * The XML is read by excelts's streaming WorkbookReader. It reads ZIP entries in file order and must know the
 * workbook, its relationships, styles and shared strings before a worksheet; Excel writes the shared strings AFTER
 * the worksheets, which would make it park the whole worksheet in a temporary file. The bytes are all in memory, so
 * we hand it the entries in the order it needs instead: each entry inflated here (counted against the size its ZIP
 * directory declares, see inflateEntry) and passed on as a stored entry. Only call this after checkZipArchive.
 */

const NOT_READABLE = 'The file is not a readable XLSX workbook; open it in Excel and save it again as .xlsx';

const PART = {
  rels: 'xl/_rels/workbook.xml.rels',
  workbook: 'xl/workbook.xml',
  styles: 'xl/styles.xml',
  sharedStrings: 'xl/sharedStrings.xml',
} as const;

/** The name under which the chosen worksheet is handed to the reader, whatever the file calls it. */
const SHEET_NAME = 'xl/worksheets/sheet1.xml';

export async function readXlsxRows(bytes: Uint8Array, entries: readonly ZipEntry[], limits: ReadLimits): Promise<RowsResult> {
  const byName = new Map(entries.map((entry) => [normalizePath(entry.name), entry]));
  const part = (name: string) => byName.get(name);

  try {
    // Every part read before the worksheet is checked against its declared size first, so a part that lies is
    // refused as such rather than half-parsed. (The worksheet is checked as it is read.)
    for (const name of Object.values(PART)) {
      const entry = part(name);
      if (entry) for await (const chunk of inflateEntry(bytes, entry)) void chunk;
    }

    const layout = await readLayout(bytes, part);
    if (!layout.ok) return layout;
    const sheetEntry = byName.get(layout.sheetPath);
    if (!sheetEntry) return { ok: false, reason: 'The workbook has no worksheets' };

    const sharedStrings = part(PART.sharedStrings);
    const order = [part(PART.rels), part(PART.workbook), part(PART.styles), sharedStrings];
    const source = storedZipStream(
      bytes,
      [...order.filter((entry): entry is ZipEntry => entry !== undefined).map((entry) => ({ entry, as: normalizePath(entry.name) })), { entry: sheetEntry, as: SHEET_NAME }],
    );
    const reader = new WorkbookReader(source.stream, {
      worksheets: 'emit',
      // Without a shared-strings part, waiting for one would park the worksheet: a workbook of inline strings.
      sharedStrings: sharedStrings ? 'cache' : 'ignore',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    return await source.read(async (): Promise<RowsResult> => {
      for await (const sheet of reader) {
        const date1904 = Boolean(reader.model?.properties?.date1904 ?? reader.properties?.model?.date1904);
        return collectRows(sheet as AsyncIterable<Row>, date1904, limits);
      }
      return { ok: false, reason: 'The workbook has no worksheets' };
    });
  } catch (error) {
    if (error instanceof ZipLimitError) return { ok: false, reason: error.reason };
    return { ok: false, reason: NOT_READABLE };
  }
}

async function collectRows(sheet: AsyncIterable<Row>, date1904: boolean, limits: ReadLimits): Promise<RowsResult> {
  const rows: string[][] = [];
  let cellCount = 0;
  for await (const row of sheet) {
    const cells: string[] = [];
    let failure: string | null = null;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (failure !== null) return;
      const text = cellText(cell, date1904);
      if (text === '') return;
      if (columnNumber > limits.maxColumns) {
        failure = `The worksheet uses ${count(columnNumber)} columns; the limit is ${count(limits.maxColumns)}`;
        return;
      }
      cellCount += 1;
      while (cells.length < columnNumber - 1) cells.push('');
      cells[columnNumber - 1] = text;
    });
    if (failure !== null) return { ok: false, reason: failure };
    // A row of styles only (no text) is a blank row, as when the workbook is opened: it neither counts nor is kept.
    if (cells.length === 0) continue;
    if (row.number > limits.maxRows) {
      return { ok: false, reason: `The worksheet has more than ${count(limits.maxRows)} rows; split it into smaller files` };
    }
    if (cellCount > limits.maxCells) {
      return { ok: false, reason: `The worksheet has more than ${count(limits.maxCells)} filled cells; split it into smaller files` };
    }
    // Rows with no text are blank rows of the file: keep them so row numbers match Excel's.
    while (rows.length < row.number - 1) rows.push(['']);
    rows.push(cells);
  }
  return { ok: true, rows };
}

/** The worksheet to read: the first visible one in the workbook's order (the first of all when every one is hidden). */
async function readLayout(
  bytes: Uint8Array,
  part: (name: string) => ZipEntry | undefined,
): Promise<{ ok: true; sheetPath: string } | { ok: false; reason: string }> {
  const workbook = part(PART.workbook);
  const rels = part(PART.rels);
  if (!workbook || !rels) return { ok: false, reason: NOT_READABLE };
  const source = storedZipStream(bytes, [
    { entry: rels, as: PART.rels },
    { entry: workbook, as: PART.workbook },
  ]);
  const reader = new WorkbookReader(source.stream, { worksheets: 'ignore', sharedStrings: 'ignore', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  const read = await source.read(async () => {
    for await (const sheet of reader) void sheet;
    return { ok: true as const };
  });
  if (!read.ok) return read;
  const sheets = reader.model?.sheets;
  if (!sheets) return { ok: false, reason: NOT_READABLE };
  const chosen = sheets.find((sheet) => (sheet.state ?? 'visible') === 'visible') ?? sheets[0];
  if (!chosen) return { ok: false, reason: 'The workbook has no worksheets' };
  const target = reader.workbookRels?.find((rel) => rel.Id === chosen.rId)?.Target;
  if (!target) return { ok: false, reason: NOT_READABLE };
  // Targets are relative to xl/ ("worksheets/sheet1.xml") or absolute in the package ("/xl/worksheets/sheet1.xml").
  return { ok: true, sheetPath: target.startsWith('/') ? normalizePath(target) : normalizePath(`xl/${target}`) };
}

function normalizePath(name: string): string {
  const parts: string[] = [];
  for (const piece of name.replace(/\\/g, '/').split('/')) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') parts.pop();
    else parts.push(piece);
  }
  return parts.join('/');
}

/**
 * A ZIP stream of the given entries in the given order, each as a stored (uncompressed) entry whose sizes are in its
 * local header, its bytes inflated as the reader asks for them, then an empty end-of-directory record (a streaming
 * reader needs no central directory, only to see where the entries end).
 */
function storedZipStream(bytes: Uint8Array, parts: readonly { entry: ZipEntry; as: string }[]): ZipSource {
  let fail: (reason: string) => void = () => undefined;
  const failed = new Promise<{ ok: false; reason: string }>((resolve) => {
    fail = (reason) => resolve({ ok: false, reason });
  });
  async function* generate(): AsyncGenerator<Uint8Array> {
    try {
      for (const { entry, as } of parts) {
        yield storedLocalHeader(as, entry);
        yield* inflateEntry(bytes, entry);
      }
    } catch (error) {
      fail(error instanceof ZipLimitError ? error.reason : NOT_READABLE);
      // Not `return`: ending the stream inside an entry makes the reader's unzip reject a promise nobody awaits
      // ("FILE_ENDED", an unhandled rejection that would end the worker thread). The stream stays open and unread,
      // and is collected with the reader.
      await new Promise<never>(() => undefined);
    }
    const end = new Uint8Array(22);
    new DataView(end.buffer).setUint32(0, 0x06054b50, true);
    yield end;
  }
  const stream = Readable.from(generate(), { objectMode: false });
  return {
    stream,
    async read<T>(work: () => Promise<T>): Promise<T | { ok: false; reason: string }> {
      // A stream that ends inside an entry can leave the reader waiting for bytes that never come: whichever
      // settles first wins, and the abandoned read is left to the garbage collector.
      // The stream is not destroyed after a read that stopped early (a limit passed): like ending it, that makes the
      // reader's unzip reject a promise nobody awaits. Unread, it is collected with the reader.
      const working = work();
      working.catch(() => undefined);
      return await Promise.race([working, failed]);
    },
  };
}

interface ZipSource {
  stream: Readable;
  /** Runs a read of `stream`; if an entry turns out larger than declared (or damaged) first, that refusal instead. */
  read<T>(work: () => Promise<T>): Promise<T | { ok: false; reason: string }>;
}

function storedLocalHeader(name: string, entry: ZipEntry): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const header = new Uint8Array(30 + nameBytes.byteLength);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true); // version needed: 2.0
  view.setUint16(6, 0x0800, true); // flags: UTF-8 name, sizes here (no data descriptor)
  view.setUint16(8, 0, true); // stored
  view.setUint32(14, entry.crc32, true);
  view.setUint32(18, entry.uncompressedSize, true);
  view.setUint32(22, entry.uncompressedSize, true);
  view.setUint16(26, nameBytes.byteLength, true);
  header.set(nameBytes, 30);
  return header;
}

/** The text a cell shows, as documented in excel-values.ts; formulas give their cached result. */
export function cellText(cell: Cell, date1904: boolean): string {
  const numFmt = typeof cell.numFmt === 'string' ? cell.numFmt : cell.numFmt?.formatCode;
  const value: unknown = cell.value;
  if (value !== null && typeof value === 'object' && 'formula' in value) {
    const formula = value as { formula?: unknown; sharedFormula?: unknown; result?: unknown };
    // A workbook written by a script may have no cached result: show the formula so the error names it.
    if (formula.result === undefined || formula.result === null) {
      return `=${String(formula.formula || formula.sharedFormula || '')}`;
    }
    return valueText(formula.result, numFmt, date1904);
  }
  return valueText(value, numFmt, date1904);
}

function valueText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // The reader turns date-formatted numbers into Dates; this catches formula results left as serial day numbers.
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
