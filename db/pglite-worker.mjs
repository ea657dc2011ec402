// @ts-check
/**
 * The embedded database's own thread (ADR 0011). PGlite runs PostgreSQL compiled to WebAssembly on the thread that
 * calls it, so this worker owns the one PGlite instance and the server's main thread only sends it messages:
 * a long statement (a 5,000-row insert, the commit of a large import) no longer stops the main thread from
 * answering other requests.
 *
 * db/pglite-client.ts is the other end and the only one that speaks this protocol. Plain JavaScript, because the
 * worker is started by Node itself from this file (in the production server, in the command-line tools and in the
 * tests alike), outside any bundler or TypeScript loader.
 *
 * Requests carry an `id` and get exactly one answer with the same `id`: `{ id, ok: true, result }` or
 * `{ id, ok: false, error }`. A transaction is `begin` (answered once BEGIN ran, with its number), then queries
 * naming that number, then `end` with commit or rollback (answered once COMMIT or ROLLBACK ran). PGlite itself
 * makes every query outside the transaction wait until it ends, as it does in-process. Notifications for
 * channels listened to arrive as `{ notify: channel, payload }`.
 */
import { PGlite } from '@electric-sql/pglite';
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
/** @type {{ dataDir: string | null, loadDataDir: string | null, progress: SharedArrayBuffer, wasmModule: WebAssembly.Module | undefined }} */
const options = workerData;
// Milliseconds since the epoch at which this thread last ran JavaScript, read by the main thread without a message:
// while PostgreSQL runs a long statement the worker cannot answer, and this says since when it has been busy.
const progress = new Float64Array(options.progress);
const alive = () => {
  progress[0] = Date.now();
};

/** PGlite's and PostgreSQL's error fields that are plain values: the rest (functions, options) cannot be cloned. */
const ERROR_FIELDS = [
  'name', 'message', 'code', 'severity', 'detail', 'hint', 'position', 'internalPosition', 'internalQuery', 'where',
  'schema', 'table', 'column', 'dataType', 'constraint', 'file', 'line', 'routine', 'errno',
];

/** @param {unknown} error */
function serializeError(error) {
  /** @type {Record<string, unknown>} */
  const out = {};
  if (error && typeof error === 'object') {
    for (const field of ERROR_FIELDS) {
      const value = /** @type {Record<string, unknown>} */ (error)[field];
      if (value === undefined) continue;
      if (['string', 'number', 'boolean'].includes(typeof value)) out[field] = value;
    }
  }
  if (typeof out.message !== 'string') out.message = String(error);
  return out;
}

/**
 * The options of one query. `text` lists the type oids whose values stay as PostgreSQL's text (Drizzle reads dates,
 * timestamps and intervals itself, so it asks PGlite not to parse them).
 * @param {{ rowMode?: 'array' | 'object', text?: number[], blob?: ArrayBuffer }} [wanted]
 */
function queryOptions(wanted) {
  if (!wanted) return undefined;
  /** @type {import('@electric-sql/pglite').QueryOptions} */
  const result = {};
  if (wanted.rowMode) result.rowMode = wanted.rowMode;
  if (wanted.text?.length) {
    result.parsers = Object.fromEntries(wanted.text.map((oid) => [oid, (/** @type {string} */ value) => value]));
  }
  if (wanted.blob) result.blob = new Blob([wanted.blob]);
  return result;
}

/**
 * A result as a plain object; a COPY … TO '/dev/blob' output goes as bytes, transferred.
 * @param {import('@electric-sql/pglite').Results<unknown>} result
 * @returns {Promise<[unknown, ArrayBuffer[]]>}
 */
async function plainResult(result) {
  const { rows, fields, affectedRows, blob } = result;
  if (!blob) return [{ rows, fields, affectedRows }, []];
  const bytes = await blob.arrayBuffer();
  return [{ rows, fields, affectedRows, blob: bytes }, [bytes]];
}

/** @type {PGlite} */
let db;
/** @type {Map<number, { tx: import('@electric-sql/pglite').Transaction, decide: (commit: boolean) => void, done: Promise<unknown> }>} */
const transactions = new Map();
/** @type {Map<string, () => Promise<void>>} */
const listening = new Map();
let nextTransaction = 1;

/** @param {number} id @param {number | undefined} txId */
function executorFor(id, txId) {
  if (txId === undefined) return db;
  const open = transactions.get(txId);
  if (!open) throw new Error(`transaction ${txId} is not open (request ${id})`);
  return open.tx;
}

/**
 * Starts a transaction and answers once BEGIN ran; the transaction then waits for its `end`.
 * @param {number} id
 */
function begin(id) {
  const txId = nextTransaction++;
  /** @type {(commit: boolean) => void} */
  let decide = () => undefined;
  const decided = new Promise((resolve) => {
    decide = resolve;
  });
  let begun = false;
  const done = db.transaction(async (tx) => {
    begun = true;
    transactions.set(txId, { tx, decide, done });
    port.postMessage({ id, ok: true, result: txId });
    const commit = await decided;
    alive();
    if (!commit && !tx.closed) await tx.rollback();
  });
  done.catch((error) => {
    // BEGIN itself failed (the database closed): the transaction never started, so the `begin` gets the error.
    // Once it started, a failure (COMMIT refused) is the answer to its `end`.
    if (!begun) port.postMessage({ id, ok: false, error: serializeError(error) });
  });
}

/** @param {{ id: number, tx: number, commit: boolean }} message */
async function end(message) {
  const open = transactions.get(message.tx);
  if (!open) throw new Error(`transaction ${message.tx} is not open`);
  transactions.delete(message.tx);
  open.decide(message.commit);
  await open.done;
}

/**
 * @param {any} message
 * @returns {Promise<[unknown, ArrayBuffer[]]>}
 */
async function handle(message) {
  switch (message.op) {
    case 'query':
      return plainResult(await executorFor(message.id, message.tx).query(message.text, message.params, queryOptions(message.options)));
    case 'exec': {
      const results = await executorFor(message.id, message.tx).exec(message.text);
      return [results.map(({ rows, fields, affectedRows }) => ({ rows, fields, affectedRows })), []];
    }
    case 'end':
      await end(message);
      return [null, []];
    case 'listen': {
      if (!listening.has(message.channel)) {
        const channel = message.channel;
        listening.set(channel, await db.listen(channel, (payload) => port.postMessage({ notify: channel, payload })));
      }
      return [null, []];
    }
    case 'unlisten': {
      const stop = listening.get(message.channel);
      listening.delete(message.channel);
      if (stop) await stop();
      return [null, []];
    }
    case 'dump': {
      const bytes = await (await db.dumpDataDir(message.compression)).arrayBuffer();
      return [bytes, [bytes]];
    }
    case 'close':
      if (!db.closed) await db.close();
      return [null, []];
    default:
      throw new Error(`unknown request ${String(message.op)}`);
  }
}

port.on('message', (message) => {
  alive();
  if (message.op === 'ping') {
    port.postMessage({ id: message.id, ok: true, result: null });
    return;
  }
  if (message.op === 'begin') {
    begin(message.id);
    return;
  }
  handle(message).then(
    ([result, transfer]) => {
      alive();
      port.postMessage({ id: message.id, ok: true, result }, transfer);
    },
    (error) => {
      alive();
      port.postMessage({ id: message.id, ok: false, error: serializeError(error) });
    },
  );
});

/**
 * PostgreSQL's buffer pool inside the WebAssembly memory, which never shrinks once touched. PGlite's default is
 * 128 MB; a 200,000-line import fills it, and with the server's own heap that took the embedded server past 1 GB
 * (issue 14). Pages outside the pool are read from the data folder through the operating system's file cache, so
 * 64 MB costs little: measured, the 200,000-line command-line import peaked 84 MB lower (920 against 1,004 MB).
 * A database in memory (the tests' copies, a few thousand rows each) has no file cache behind it and needs less:
 * 16 MB, which also starts in half the time of 64 MB (0.9 against 1.5 s of CPU here, paid once per test database).
 */
const SHARED_BUFFERS = options.dataDir === null ? '16MB' : '64MB';

async function open() {
  alive();
  try {
    const startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`];
    // Compiled once by the thread that started this one (db/pglite-client.ts).
    const pgliteWasmModule = options.wasmModule;
    db =
      options.loadDataDir !== null
        ? new PGlite({ loadDataDir: new Blob([fs.readFileSync(options.loadDataDir)]), startParams, pgliteWasmModule })
        : new PGlite({ ...(options.dataDir === null ? {} : { dataDir: options.dataDir }), startParams, pgliteWasmModule });
    await db.waitReady;
    alive();
    port.postMessage({ ready: true });
  } catch (error) {
    port.postMessage({ ready: false, error: serializeError(error) });
  }
}

void open();
