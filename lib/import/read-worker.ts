import { parentPort, workerData } from 'node:worker_threads';
import { readSpreadsheet, type ReadSpreadsheetOptions } from './read-file';

/**
 * The worker thread that reads one upload (see read-off-thread.ts): the bytes arrive as workerData, the rows go back
 * in slices, each when the request thread asks for the next ('next'), then one last message. Nothing else runs here.
 */

export interface ReadJob {
  bytes: Uint8Array;
  fileName: string;
  options: ReadSpreadsheetOptions;
}

export type ReadMessage =
  | { type: 'rows'; rows: string[][] }
  | { type: 'done' }
  | { type: 'refused'; reason: string };

/** Rows per message: large enough to cost little, small enough that taking one in never holds the request thread. */
export const ROWS_PER_MESSAGE = 2_000;

async function run(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const job = workerData as ReadJob;
  const result = await readSpreadsheet(job.bytes, job.fileName, job.options);
  if (!result.ok) {
    port.postMessage({ type: 'refused', reason: result.reason } satisfies ReadMessage);
    return;
  }
  // One slice at a time, the next when the request thread asks for it: posted all at once, the slices would be
  // taken in by the request thread in one go (Node delivers every queued message in one turn), 1.7 s for 200,000
  // rows in which it answered nothing.
  const asked = () => new Promise<void>((resolve) => port.once('message', () => resolve()));
  for (let at = 0; at < result.rows.length; at += ROWS_PER_MESSAGE) {
    port.postMessage({ type: 'rows', rows: result.rows.slice(at, at + ROWS_PER_MESSAGE) } satisfies ReadMessage);
    await asked();
  }
  port.postMessage({ type: 'done' } satisfies ReadMessage);
}

void run();
