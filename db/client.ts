import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describePostgresUrl, StartupError } from './env';
import { acquireFolderLock, type FolderLock } from './folder-lock';
import { asPglite, PgliteWorkerClient, type EmbeddedClient } from './pglite-client';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What data-access functions take as their first argument: the database or a transaction in progress. */
export type Executor = Database | Transaction;
export type Driver = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** The folder or host:port/database, for messages. */
  where: string;
  /**
   * Resolves when the database is there; for the health check. PostgreSQL: `select 1` on the pool. The embedded
   * database: its thread answers, or is busy with a statement (an import may hold its one connection for a minute,
   * and that is the database working, not gone); see PgliteWorkerClient.ping.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; when absent the embedded database is used. */
  databaseUrl?: string;
  /** Embedded database folder; `null` for an in-memory database (tests). */
  dataDir?: string | null;
  /** In-memory embedded database only: start from this tar of a data folder (PGlite's dumpDataDir; tests). */
  loadDataDir?: string;
  poolMax?: number;
  /** Named in the lock file so a refused process can say who holds the folder. */
  command?: string;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolMax ?? 10);
  return openPglite(options.dataDir ?? null, options.command, options.loadDataDir);
}

/**
 * The embedded database runs on a thread of its own (db/pglite-client.ts, ADR 0011), so that its long statements
 * never hold up the thread that answers requests. This process still owns the folder: the lock names its pid.
 */
async function openPglite(dataDir: string | null, command?: string, loadDataDir?: string): Promise<DatabaseHandle> {
  if (loadDataDir !== undefined && dataDir !== null) throw new Error('loadDataDir is for an in-memory database only');
  let lock: FolderLock | null = null;
  if (dataDir !== null) {
    ensureWritableFolder(dataDir);
    lock = acquireFolderLock(dataDir, command);
  }
  let client: PgliteWorkerClient;
  try {
    client = await PgliteWorkerClient.open({ dataDir, loadDataDir });
  } catch (error) {
    lock?.release();
    throw new StartupError(
      `Could not open the embedded database in ${dataDir ?? 'memory'}: ${describeIoError(error)}`,
    );
  }
  const db = drizzlePglite({ client: asPglite(client), schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    where: dataDir ?? 'memory',
    async ping() {
      await client.ping();
    },
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function ensureWritableFolder(dataDir: string): void {
  try {
    makeFolder(dataDir);
    fs.accessSync(dataDir, fs.constants.W_OK);
    const probe = `${dataDir}/.abate-write-probe`;
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (error) {
    throw new StartupError(`The data folder ${dataDir} is not writable: ${describeIoError(error)}`);
  }
}

/** mkdir -p, except that a refusal reports the file system's own reason (Node's recursive mkdir says ENOENT). */
function makeFolder(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !fs.existsSync(path.dirname(dataDir))) throw error;
    fs.mkdirSync(dataDir);
  }
}

// PGlite's file system throws Emscripten's ErrnoError, which has a WASI errno number instead of a code.
const WASI_ERRNO: Record<number, string> = { 2: 'EACCES', 20: 'EEXIST', 44: 'ENOENT', 51: 'ENOSPC', 54: 'ENOTDIR', 63: 'EPERM', 69: 'EROFS' };

function describeIoError(error: unknown): string {
  const errno = (error as { errno?: unknown } | null)?.errno;
  const wasi = (error as { name?: unknown } | null)?.name === 'ErrnoError' && typeof errno === 'number' ? WASI_ERRNO[errno] : undefined;
  const code = wasi ?? (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EEXIST') return 'a file of that name is in the way';
  if (code === 'EDQUOT') return 'the disk quota is used up';
  if (code) return code;
  return error instanceof Error ? error.message.split('\n')[0] ?? 'unknown error' : 'unknown error';
}

export const APPLICATION_NAME = 'abate';

function describeDriverError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const line = error.message.split('\n')[0] ?? '';
  return code ? `${code} ${line}` : line;
}

async function openPostgres(databaseUrl: string, poolMax: number): Promise<DatabaseHandle> {
  const where = describePostgresUrl(databaseUrl);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolMax,
    // A request waits at most this long for a connection before it is answered "database unavailable".
    connectionTimeoutMillis: 5_000,
    // Finds a connection that a dead network or a failover left half-open, instead of waiting on it forever.
    keepAlive: true,
    // Names our sessions in pg_stat_activity (operators, and the fault tests that end them).
    application_name: APPLICATION_NAME,
  });
  // An idle client losing its connection (database restart) must not crash the process; the pool replaces it on
  // the next request, so the app recovers by itself once PostgreSQL is back.
  pool.on('error', (error) => console.error(`[abate] PostgreSQL connection lost (${where}): ${describeDriverError(error)}`));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StartupError(`Could not connect to PostgreSQL at ${where}: ${reason}`);
  }
  const db = drizzlePostgres({ client: pool, schema }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    where,
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * The raw client behind a handle, for the migrator and tests that need driver-level access. The embedded one is
 * PGlite's API as far as EmbeddedClient goes (the instance itself lives on the database's thread).
 */
export function rawClient(handle: DatabaseHandle): EmbeddedClient | pg.Pool {
  return (handle.db as unknown as { $client: EmbeddedClient | pg.Pool }).$client;
}

export type { EmbeddedClient } from './pglite-client';
