/**
 * XLSX downloads of the staff lists, written as a stream with excelts' WorkbookWriter (ADR 0013): each batch of rows
 * the database yields is committed to the sheet and zipped out, so a 200,000-line export never sits in memory whole.
 *
 * Cells: text is written as a string cell, never as a formula, so a value such as `=HYPERLINK(…)` is shown as typed
 * and not run (no `'` prefix is needed, unlike the CSV). Amounts are numbers with a currency format, so a spreadsheet
 * can add them; each is read from the exact decimal string of its cents ("-1234.56"), never computed in floating
 * point, and the double it becomes is the one a person typing that amount would get (exact to the cent below
 * 2^53 cents).
 */
import { WorkbookWriter } from '@cj-tech-master/excelts';
import { centsToDecimalString } from '@/lib/money';
import { staffDownloadHeaders, type CsvCell } from './staff-csv';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MONEY_FORMAT = '"$"#,##0.00;[Red]-"$"#,##0.00';
/** Spreadsheets accept 32,767 characters in a cell; a longer text is cut there rather than making a broken file. */
const MAX_CELL_CHARS = 32_767;

function cellValue(cell: CsvCell): string | number | null {
  if (cell.kind === 'money') return Number(centsToDecimalString(cell.cents));
  if (cell.value === null) return null;
  return typeof cell.value === 'number' ? cell.value : cell.value.slice(0, MAX_CELL_CHARS);
}

/**
 * A writable side whose bytes come out of the readable side, with backpressure (a write waits while the reader is
 * more than a chunk behind), and `fail` to end the download with an error whoever holds the writer.
 */
interface ByteChannel {
  writable: WritableStream<Uint8Array>;
  readable: ReadableStream<Uint8Array>;
  fail: (error: unknown) => void;
  /** The reader went away (the download was cancelled). */
  cancelled: () => boolean;
}

function byteChannel(): ByteChannel {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let wake: (() => void) | null = null;
  let cancelled = false;
  // After `fail`, the zip writer may still flush what it holds: those bytes have nowhere to go and are dropped.
  let failed = false;
  const readable = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    pull() {
      wake?.();
      wake = null;
    },
    cancel() {
      cancelled = true;
      wake?.();
      wake = null;
    },
  });
  const writable = new WritableStream<Uint8Array>({
    async write(chunk) {
      if (cancelled) throw new Error('the download was cancelled');
      if (failed) return;
      controller.enqueue(chunk);
      if ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => (wake = resolve));
    },
    close() {
      if (!failed && !cancelled) controller.close();
    },
  });
  return { writable, readable, fail: (error) => {
      failed = true;
      controller.error(error);
    }, cancelled: () => cancelled };
}

/**
 * A streamed XLSX download: one sheet, the header row bold and frozen, then each batch of rows as the database
 * yields it. The workbook writer pushes zipped bytes into a channel whose readable side is the answer's body, so
 * the database is read only as fast as the client downloads.
 */
export function xlsxResponse<Row>(
  fileName: string,
  sheetName: string,
  header: readonly string[],
  batches: AsyncIterable<Row[]>,
  toCells: (row: Row) => CsvCell[],
): Response {
  const pipe = byteChannel();
  const workbook = new WorkbookWriter({ stream: pipe.writable, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Abate';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  void (async () => {
    try {
      const headerRow = sheet.addRow([...header]);
      headerRow.font = { bold: true };
      headerRow.commit();
      for await (const batch of batches) {
        for (const row of batch) {
          const cells = toCells(row);
          const written = sheet.addRow(cells.map(cellValue));
          cells.forEach((cell, index) => {
            if (cell.kind === 'money') written.getCell(index + 1).numFmt = MONEY_FORMAT;
          });
          written.commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      if (pipe.cancelled()) return;
      console.error('[abate] XLSX export failed', error);
      // The client sees a broken download rather than a file that looks complete.
      pipe.fail(error);
    }
  })();
  return new Response(pipe.readable, { headers: staffDownloadHeaders(fileName, XLSX_CONTENT_TYPE) });
}
