/**
 * XLSX downloads of the staff lists, written with excelts' streaming WorkbookWriter (ADR 0013): each batch of rows
 * the database yields is committed to the sheet and zipped out as the client takes it.
 *
 * Cells: text is written as a string cell, never as a formula, so a value such as `=HYPERLINK(…)` is shown as typed
 * and not run (no `'` prefix is needed, unlike the CSV). Amounts are numbers with a currency format, so a spreadsheet
 * can add them; each is read from the exact decimal string of its cents ("-1234.56"), never computed in floating
 * point, and the double it becomes is the one a person typing that amount would get (exact to the cent below
 * 2^53 cents).
 */
import type { WorkbookWriter } from '@cj-tech-master/excelts';
import { centsToDecimalString } from '@/lib/money';
import { staffDownloadHeaders, type CsvCell } from './staff-csv';
import { BatchedWorkbookWriter } from './xlsx-batched-writer';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MONEY_FORMAT = '"$"#,##0.00;[Red]-"$"#,##0.00';
/** Spreadsheets accept 32,767 characters in a cell; a longer text is cut there rather than making a broken file. */
const MAX_CELL_CHARS = 32_767;

function cellValue(cell: CsvCell): string | number | null {
  if (cell.kind === 'money') return Number(centsToDecimalString(cell.cents));
  if (cell.value === null) return null;
  return typeof cell.value === 'number' ? cell.value : cell.value.slice(0, MAX_CELL_CHARS);
}

/** Bytes handed to the client in pieces of this size: the zip writer emits about a hundred bytes at a time. */
const CHUNK_BYTES = 64 * 1024;
/** How far the client may fall behind before the writer waits for it. */
const QUEUED_BYTES = 1024 * 1024;

/**
 * A writable side (the zip writer's output) whose bytes come out of the readable side (the answer's body) in
 * 64 KiB pieces (the zip writer hands on a hundred bytes at a time: 200,000 pieces for 200,000 lines). Writes never
 * wait, since the zip writer does not wait for them anyway; the wait is `drain()`, which the row loop awaits after
 * each batch until the client has taken all but 1 MiB. `fail` ends the download with an error whoever holds the
 * writer.
 *
 * What excelts' zip writer holds is bounded by `zipCaughtUp`, below, and it deflates in 1 MiB pieces
 * (xlsx-batched-writer.ts): a 200,000-line sheet streams out as it is read, in constant memory.
 */
interface ByteChannel {
  writable: WritableStream<Uint8Array>;
  readable: ReadableStream<Uint8Array>;
  drain: () => Promise<void>;
  fail: (error: unknown) => void;
  /** The reader went away (the download was cancelled). */
  cancelled: () => boolean;
}

function byteChannel(): ByteChannel {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let waiting: (() => void) | null = null;
  let cancelled = false;
  // After `fail`, the zip writer may still flush what it holds: those bytes have nowhere to go and are dropped.
  let failed = false;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const wake = () => {
    waiting?.();
    waiting = null;
  };
  const flush = () => {
    if (pendingBytes === 0 || failed || cancelled) return;
    const piece = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    controller.enqueue(piece);
  };
  const readable = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull: wake,
      cancel() {
        cancelled = true;
        wake();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: QUEUED_BYTES }),
  );
  const writable = new WritableStream<Uint8Array>({
    write(chunk) {
      if (cancelled) throw new Error('the download was cancelled');
      if (failed) return;
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= CHUNK_BYTES) flush();
    },
    close() {
      flush();
      if (!failed && !cancelled) controller.close();
    },
  });
  return {
    writable,
    readable,
    drain: () =>
      cancelled || failed || (controller.desiredSize ?? 1) > 0 ? Promise.resolve() : new Promise<void>((resolve) => (waiting = resolve)),
    fail: (error) => {
      failed = true;
      controller.error(error);
      wake();
    },
    cancelled: () => cancelled,
  };
}

type ZipEntryInternals = { zip?: { activeFile?: { _pushChain?: Promise<unknown> } } };

/**
 * How many batches of rows may be handed to the zip writer before the loop waits for it to catch up. Its zlib calls
 * each need a turn of the event loop, and a turn is long while the server answers many readers; waiting less often
 * lets the chain run while the next batches are read. Eight batches (16,000 rows, about 7 MB of XML at most) bound
 * what is held.
 */
const BATCHES_AHEAD_OF_ZIP = 8;

/**
 * Waits until the zip writer has deflated what the sheet has been given. excelts deflates each piece of the sheet's
 * XML on a promise chain of zlib calls that it does not expose and that only moves when the event loop turns, so a
 * loop that adds rows faster than that chain runs holds every row in memory and sends nothing until the end
 * (measured: no byte out before the last of 200,000 rows, 260 MB held). Awaiting the chain is the backpressure the
 * library lacks; it is a private field, so without it this falls back to one turn of the event loop, and
 * staff-export.test.ts fails if the download stops streaming.
 */
async function zipCaughtUp(workbook: WorkbookWriter): Promise<void> {
  const zip = (workbook as unknown as ZipEntryInternals).zip;
  let awaited: Promise<unknown> | undefined;
  // The sheet's buffer hands its XML to the zip after the writes that filled it have settled, and a piece handed on
  // while the chain ran extends it: wait until a turn of the event loop adds nothing more.
  do {
    await new Promise<void>((resolve) => setImmediate(resolve));
    awaited = zip?.activeFile?._pushChain;
    if (awaited) await awaited;
  } while (awaited && zip?.activeFile?._pushChain !== awaited);
}

/**
 * A streamed XLSX download: one sheet, the header row bold and frozen, then each batch of rows as the database
 * yields it. The workbook writer pushes zipped bytes into a channel whose readable side is the answer's body, and
 * the next batch waits until the client has nearly caught up, so the database is read only as fast as the client
 * downloads.
 */
export function xlsxResponse<Row>(
  fileName: string,
  sheetName: string,
  header: readonly string[],
  batches: AsyncIterable<Row[]>,
  toCells: (row: Row) => CsvCell[],
): Response {
  const pipe = byteChannel();
  const workbook = new BatchedWorkbookWriter({ stream: pipe.writable, useSharedStrings: false, useStyles: true, trueStreaming: false });
  workbook.creator = 'Abate';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  void (async () => {
    try {
      const headerRow = sheet.addRow([...header]);
      headerRow.font = { bold: true };
      headerRow.commit();
      let batchesAhead = 0;
      for await (const batch of batches) {
        for (const row of batch) {
          const cells = toCells(row);
          const written = sheet.addRow(cells.map(cellValue));
          cells.forEach((cell, index) => {
            if (cell.kind === 'money') written.getCell(index + 1).numFmt = MONEY_FORMAT;
          });
          written.commit();
        }
        if (pipe.cancelled()) return;
        batchesAhead += 1;
        if (batchesAhead >= BATCHES_AHEAD_OF_ZIP) {
          await zipCaughtUp(workbook);
          batchesAhead = 0;
        }
        await pipe.drain();
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
