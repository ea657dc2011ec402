import type { PGlite, QueryOptions, Results } from '@electric-sql/pglite';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The embedded database, run on its own thread (ADR 0011): db/pglite-worker.mjs owns the PGlite instance, and this
 * client sends it each query as a message. It offers the part of PGlite's own API that Drizzle's PGlite driver, its
 * migrator, the change listener and the backup use — `query`, `exec`, `transaction`, `listen`, `dumpDataDir`,
 * `close` — with the same results and the same errors, so those run on it unchanged.
 *
 * A transaction is one `begin` … `end` on the worker. Every other query waits in PGlite until it ends, exactly as
 * in-process: PGlite has one connection.
 */

// Resolved from the working directory, as the migrations are (db/migrate.ts): the production server runs from a
// bundle whose own location says nothing about where the sources are. `npm start`, `next start`, the scripts and
// the tests all run from the project folder.
export const WORKER_FILE = path.resolve(process.cwd(), 'db', 'pglite-worker.mjs');
/** The PostgreSQL build PGlite itself loads (its package's dist/pglite.wasm), resolved the same way. */
const POSTGRES_WASM_FILE = path.resolve(process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'dist', 'pglite.wasm');

/** What db/client.ts, the change listener, the backup and the bench use of an embedded database client. */
export interface EmbeddedClient {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(text: string): Promise<Results[]>;
  transaction<T>(fn: (tx: EmbeddedTransaction) => Promise<T>): Promise<T>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob>;
  close(): Promise<void>;
  readonly closed: boolean;
}

export interface EmbeddedTransaction {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(text: string): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/** A database error raised in the worker, with PostgreSQL's fields (code, constraint, detail…) as PGlite gave them. */
export class EmbeddedDatabaseError extends Error {
  readonly code?: string;
  constructor(fields: Record<string, unknown>) {
    super(typeof fields.message === 'string' ? fields.message : 'database error');
    Object.assign(this, fields);
  }
}

// Says "PGlite is closed", as PGlite itself does, so lib/errors/connection-failure.ts reads it as "unavailable".
function closedError(reason: string): Error {
  return new Error(`PGlite is closed: ${reason}`);
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: Record<string, unknown> };
type WorkerMessage = Reply | { notify: string; payload: string } | { ready: true } | { ready: false; error: Record<string, unknown> };

/** How long a ping waits for the worker before asking whether it is busy with a statement instead. */
const PING_WAIT_MS = 250;
/** A statement running longer than this without the worker coming up for air counts as stuck. */
export const STUCK_AFTER_MS = 120_000;

export interface OpenEmbeddedOptions {
  /** A folder, or null for a database in memory. */
  dataDir: string | null;
  /** A tar of a data folder (PGlite's dumpDataDir) to start an in-memory database from. */
  loadDataDir?: string | null;
}

let compiling: Promise<WebAssembly.Module | undefined> | undefined;

/**
 * PostgreSQL's WebAssembly, compiled once per process and handed to every database thread it starts. A worker thread
 * otherwise compiles its own copy: about 0.5 s of CPU each time (measured: 2.0 → 1.45 s per in-memory database
 * opened), paid by every embedded database a test file, the backup or a command-line tool opens. A compiled module
 * is shared between threads without copying. Should the file not be where the package puts it, the thread loads
 * PGlite's own as before (undefined).
 */
function compiledPostgres(): Promise<WebAssembly.Module | undefined> {
  compiling ??= fs.promises
    .readFile(POSTGRES_WASM_FILE)
    .then((bytes) => WebAssembly.compile(bytes))
    .catch(() => undefined);
  return compiling;
}

export class PgliteWorkerClient implements EmbeddedClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<string, Set<(payload: string) => void>>();
  /** When the worker last ran JavaScript (ms since the epoch); it writes this, we read it. */
  readonly #progress: Float64Array;
  #nextId = 1;
  #closedReason: string | null = null;

  private constructor(worker: Worker, progress: Float64Array) {
    this.#worker = worker;
    this.#progress = progress;
  }

  /** Starts the worker and resolves once PGlite is open in it; rejects with PGlite's own error otherwise. */
  static async open(options: OpenEmbeddedOptions): Promise<PgliteWorkerClient> {
    if (!fs.existsSync(WORKER_FILE)) {
      throw new Error(`${WORKER_FILE} is missing: start Abate from its own folder`);
    }
    const shared = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT);
    const wasmModule = await compiledPostgres();
    const worker = new Worker(WORKER_FILE, {
      workerData: { dataDir: options.dataDir, loadDataDir: options.loadDataDir ?? null, progress: shared, wasmModule },
    });
    const client = new PgliteWorkerClient(worker, new Float64Array(shared));
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if (!('ready' in message)) return;
        cleanup();
        if (message.ready) resolve();
        else reject(new EmbeddedDatabaseError(message.error));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(closedError(`the embedded database's thread stopped while opening (exit code ${code})`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    }).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    client.#listen();
    // Idle, the worker does not keep the process alive (an in-process PGlite does not either); a request in flight does.
    worker.unref();
    return client;
  }

  #listen(): void {
    this.#worker.on('message', (message: WorkerMessage) => {
      if ('notify' in message) {
        for (const callback of this.#listeners.get(message.notify) ?? []) callback(message.payload);
        return;
      }
      if (!('id' in message)) return;
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#settled(message.id);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new EmbeddedDatabaseError(message.error));
    });
    this.#worker.on('error', (error) => this.#stopped(`its thread failed: ${error.message}`));
    this.#worker.on('exit', (code) => this.#stopped(`its thread stopped (exit code ${code})`));
  }

  #stopped(reason: string): void {
    if (this.#closedReason !== null) return;
    this.#closedReason = reason;
    console.error(`[abate] the embedded database is closed: ${reason}`);
    const error = closedError(reason);
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  #settled(id: number): void {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
  }

  #request<T>(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.#closedReason !== null) return Promise.reject(closedError(this.#closedReason));
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        this.#worker.postMessage({ ...message, id }, transfer);
      } catch (error) {
        // A parameter that cannot be sent (a function, a class instance with private state).
        this.#settled(id);
        reject(error as Error);
      }
    });
  }

  get closed(): boolean {
    return this.#closedReason !== null;
  }

  async query<T>(text: string, params: unknown[] = [], options?: QueryOptions, tx?: number): Promise<Results<T>> {
    const sent = await sendableOptions(options);
    const result = await this.#request<Results<T> & { blob?: ArrayBuffer | Blob }>(
      { op: 'query', text, params, options: sent?.options, tx },
      sent?.transfer,
    );
    if (result.blob instanceof ArrayBuffer) result.blob = new Blob([result.blob]);
    return result as Results<T>;
  }

  exec(text: string, tx?: number): Promise<Results[]> {
    return this.#request<Results[]>({ op: 'exec', text, tx });
  }

  async transaction<T>(fn: (tx: EmbeddedTransaction) => Promise<T>): Promise<T> {
    const txId = await this.#request<number>({ op: 'begin' });
    const tx = new WorkerTransaction(this, txId);
    let result: T;
    try {
      result = await fn(tx);
    } catch (error) {
      if (tx.end()) await this.#request({ op: 'end', tx: txId, commit: false }).catch(() => undefined);
      throw error;
    }
    if (tx.end()) await this.#request({ op: 'end', tx: txId, commit: true });
    return result;
  }

  /** Ends a transaction from its own `rollback()`. */
  rollback(txId: number): Promise<void> {
    return this.#request({ op: 'end', tx: txId, commit: false });
  }

  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    let callbacks = this.#listeners.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      this.#listeners.set(channel, callbacks);
      await this.#request({ op: 'listen', channel });
    }
    callbacks.add(callback);
    return async () => {
      const current = this.#listeners.get(channel);
      if (!current?.delete(callback) || current.size > 0) return;
      this.#listeners.delete(channel);
      if (!this.closed) await this.#request({ op: 'unlisten', channel });
    };
  }

  async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'none'): Promise<Blob> {
    return new Blob([await this.#request<ArrayBuffer>({ op: 'dump', compression })]);
  }

  /**
   * Whether the database is there, without waiting for the transaction in progress (PGlite's one connection may be
   * held by an import for a minute): 'ok' when the worker answers within a moment; 'busy' when it is in the middle
   * of a statement it started less than STUCK_AFTER_MS ago. Throws when it is closed or stuck.
   */
  async ping(): Promise<'ok' | 'busy'> {
    const answered = this.#request({ op: 'ping' }).then(() => 'ok' as const);
    answered.catch(() => undefined);
    const first = await Promise.race([answered, sleep(PING_WAIT_MS).then(() => 'late' as const)]);
    if (first === 'ok') return first;
    if (this.#closedReason !== null) throw closedError(this.#closedReason);
    const quietMs = Date.now() - (this.#progress[0] ?? 0);
    if (quietMs < STUCK_AFTER_MS) return 'busy';
    throw new Error(`the embedded database has been running one statement for ${Math.round(quietMs / 1000)} s`);
  }

  async close(): Promise<void> {
    if (this.#closedReason !== null) return;
    try {
      await this.#request({ op: 'close' });
    } finally {
      this.#closedReason ??= 'closed';
      await this.#worker.terminate();
    }
  }
}

class WorkerTransaction implements EmbeddedTransaction {
  readonly #client: PgliteWorkerClient;
  readonly #id: number;
  #closed = false;

  constructor(client: PgliteWorkerClient, id: number) {
    this.#client = client;
    this.#id = id;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Marks the transaction ended; true the first time, so exactly one `end` goes to the worker. */
  end(): boolean {
    if (this.#closed) return false;
    this.#closed = true;
    return true;
  }

  #check(): void {
    // PGlite's own words for a transaction used after its end.
    if (this.#closed) throw new Error('Transaction is closed');
  }

  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    this.#check();
    return this.#client.query<T>(text, params, options, this.#id);
  }

  exec(text: string): Promise<Results[]> {
    this.#check();
    return this.#client.exec(text, this.#id);
  }

  async rollback(): Promise<void> {
    this.#check();
    this.end();
    await this.#client.rollback(this.#id);
  }
}

/**
 * Query options as a message. A parser cannot cross to the worker; Drizzle's only ask PGlite to leave a type's
 * text as it is, so that is what is sent (the type ids), and anything else is refused rather than ignored.
 */
async function sendableOptions(
  options: QueryOptions | undefined,
): Promise<{ options: { rowMode?: 'array' | 'object'; text?: number[]; blob?: ArrayBuffer }; transfer: ArrayBuffer[] } | undefined> {
  if (!options) return undefined;
  const { rowMode, parsers, blob, ...rest } = options;
  const unsupported = Object.entries(rest).filter(([, value]) => value !== undefined).map(([key]) => key);
  if (unsupported.length > 0) throw new Error(`the embedded database's thread does not take the query option ${unsupported.join(', ')}`);
  const text: number[] = [];
  for (const [oid, parser] of Object.entries(parsers ?? {})) {
    const probe = '2026-01-02 03:04:05';
    if (parser(probe, Number(oid)) !== probe) {
      throw new Error(`the embedded database's thread only takes parsers that keep the text (type ${oid})`);
    }
    text.push(Number(oid));
  }
  const bytes = blob ? await blob.arrayBuffer() : undefined;
  return { options: { rowMode, text, blob: bytes }, transfer: bytes ? [bytes] : [] };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The client as Drizzle's PGlite driver types it; it uses only what EmbeddedClient offers. */
export function asPglite(client: PgliteWorkerClient): PGlite {
  return client as unknown as PGlite;
}
