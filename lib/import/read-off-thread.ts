import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ReadSpreadsheetOptions, ReadSpreadsheetResult } from './read-file';
import type { ReadJob, ReadMessage } from './read-worker';

/**
 * readSpreadsheet on a worker thread of its own, so that reading an upload (inflating, parsing XML or CSV, up to
 * the row and cell limits) never holds the thread that answers requests, and with a memory cap, so that no file can
 * take the server's memory: past the cap the worker is stopped and the upload refused. A worker per file: it starts
 * in a fraction of a second and leaves nothing behind when it ends.
 */

/** The worker's JavaScript heap; a 200,000-row, 20-column file needs about a third of it. */
export const READ_WORKER_HEAP_MB = 512;
/** Reading a file within every limit takes seconds; a file that takes this long is refused rather than waited on. */
export const READ_WORKER_TIMEOUT_MS = 120_000;

const RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: READ_WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64 };

export const READ_OUT_OF_MEMORY =
  `Reading the file needs more than the ${READ_WORKER_HEAP_MB} MB an import may use; split it into smaller files`;
export const READ_TIMED_OUT =
  `Reading the file took more than ${READ_WORKER_TIMEOUT_MS / 60_000} minutes; split it into smaller files`;

export async function readSpreadsheetOffThread(
  bytes: Uint8Array,
  fileName: string,
  options: ReadSpreadsheetOptions = {},
): Promise<ReadSpreadsheetResult> {
  // A copy goes to the worker (the caller may still need its bytes): at most the upload limit, once.
  const job: ReadJob = { bytes: new Uint8Array(bytes), fileName, options };
  const worker = startReadWorker(job);
  return new Promise<ReadSpreadsheetResult>((resolve, reject) => {
    const rows: string[][] = [];
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => resolve({ ok: false, reason: READ_TIMED_OUT })), READ_WORKER_TIMEOUT_MS);
    worker.on('message', (message: ReadMessage) => {
      if (message.type === 'rows') {
        for (const row of message.rows) rows.push(row);
        // The next slice after a turn of the event loop, so requests are answered between slices.
        setImmediate(() => {
          if (!settled) worker.postMessage('next');
        });
      } else if (message.type === 'done') {
        finish(() => resolve({ ok: true, rows }));
      } else {
        finish(() => resolve({ ok: false, reason: message.reason }));
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish(() => resolve({ ok: false, reason: READ_OUT_OF_MEMORY }));
      else finish(() => reject(error));
    });
    worker.on('exit', (code) => {
      // Messages posted just before the end are still on their way: let them land first.
      setImmediate(() => finish(() => reject(new Error(`the spreadsheet reader stopped (exit code ${code}) before it answered`))));
    });
  });
}

/**
 * The worker runs lib/import/read-worker.ts from source through tsx, found from the app's folder as the embedded
 * database's worker is (db/pglite-client.ts). Not `new Worker(new URL('./read-worker.ts', import.meta.url))`: the
 * production build copies that file alone as an asset, without the modules it imports, and the worker could not
 * start there (every upload failed in the built app while the tests, run from source, passed).
 */
export const READ_WORKER_FILE = path.resolve(process.cwd(), 'lib', 'import', 'read-worker.ts');

function startReadWorker(job: ReadJob): Worker {
  const options = { workerData: job, resourceLimits: RESOURCE_LIMITS, stdout: false, stderr: false };
  const code = `require('tsx/cjs/api').register(); require(${JSON.stringify(READ_WORKER_FILE)});`;
  return new Worker(code, { ...options, eval: true });
}
