/**
 * excelts' streaming WorkbookWriter, with each sheet's XML handed to the zip writer in 1 MiB pieces.
 *
 * Why: the worksheet writer emits one piece per row, and excelts' zip entry deflates each piece with its own zlib
 * write and sync flush, two calls on Node's thread pool whose answers each wait for a turn of the event loop. A
 * 200,000-line export made 400,000 of them: 10 s alone (40% of it idle, waiting on zlib), and 77–102 s on a server
 * answering 50 readers, whose event-loop turns are long. In 1 MiB pieces it is about a hundred calls, and the deflate
 * also compresses better without a flush per row.
 *
 * How: `_openStream` is where excelts joins a sheet's buffer to its zip entry, with one 'data' listener that pushes
 * each piece and one 'finish' listener that ends the entry. Both are internal (not in the typings), so this reads
 * them defensively: when they are not as expected it changes nothing and excelts works as before, only slower;
 * `staff-export.test.ts` checks the file and that it streams. Written with excelts 5.1.17 in view (ADR 0013).
 */
import { WorkbookWriter } from '@cj-tech-master/excelts';

const PIECE_BYTES = 1024 * 1024;

type Listener = (...args: unknown[]) => void;
interface SheetStream {
  listeners(event: string): Listener[];
  removeListener(event: string, listener: Listener): void;
  on(event: string, listener: Listener): void;
  prependOnceListener(event: string, listener: Listener): void;
}

function isSheetStream(value: unknown): value is SheetStream {
  const stream = value as Partial<SheetStream> | null;
  return (
    typeof stream?.listeners === 'function' &&
    typeof stream.removeListener === 'function' &&
    typeof stream.on === 'function' &&
    typeof stream.prependOnceListener === 'function'
  );
}

/** Re-joins the sheet buffer's one 'data' listener (the zip entry's push) through a 1 MiB batch. */
function batchPieces(stream: SheetStream): void {
  const pushers = stream.listeners('data');
  const push = pushers[0];
  if (pushers.length !== 1 || !push) return;
  let parts: Uint8Array[] = [];
  let bytes = 0;
  const flush = () => {
    if (bytes === 0) return;
    const piece = Buffer.concat(parts, bytes);
    parts = [];
    bytes = 0;
    push(piece);
  };
  stream.removeListener('data', push);
  stream.on('data', (chunk) => {
    if (!(chunk instanceof Uint8Array)) {
      flush();
      push(chunk);
      return;
    }
    parts.push(chunk);
    bytes += chunk.byteLength;
    if (bytes >= PIECE_BYTES) flush();
  });
  // Before excelts' own 'finish' listener ends the zip entry.
  stream.prependOnceListener('finish', flush);
}

export class BatchedWorkbookWriter extends WorkbookWriter {
  /** Called by excelts for each part it streams (worksheets and their relationships). */
  _openStream(path: string): unknown {
    const open = (WorkbookWriter.prototype as unknown as { _openStream?: (path: string) => unknown })._openStream;
    const stream: unknown = open?.call(this, path);
    if (isSheetStream(stream)) batchPieces(stream);
    return stream;
  }
}
