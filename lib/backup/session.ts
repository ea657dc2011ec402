import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { rawClient, type DatabaseHandle } from '@/db/client';

/** One connection inside one transaction: every query of a backup or a restore sees the same snapshot. */
export interface Session {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

export type TransactionMode = 'snapshot' | 'write';

/**
 * Runs `fn` in one transaction on one connection and commits, or rolls back when it throws (or when COMMIT
 * fails, e.g. a deferred constraint trigger refusing the data).
 *
 * 'snapshot' is read-only and sees one point in time: SERIALIZABLE READ ONLY DEFERRABLE on PostgreSQL (waits,
 * if need be, for a snapshot no concurrent transaction can make anomalous, as pg_dump --serializable-deferrable
 * does), REPEATABLE READ on PGlite, which has a single connection anyway. On PGlite the instance is held for the
 * whole transaction: `fn` must not use the same database through another path.
 */
export async function withTransaction<T>(
  handle: DatabaseHandle,
  mode: TransactionMode,
  fn: (session: Session) => Promise<T>,
): Promise<T> {
  if (handle.driver === 'pglite') {
    const client = rawClient(handle) as PGlite;
    return client.transaction(async (tx) => {
      if (mode === 'snapshot') await tx.query('set transaction isolation level repeatable read, read only');
      await setOutputStyle((text, params) => tx.query(text, params));
      return fn({ query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows });
    });
  }
  const pool = rawClient(handle) as pg.Pool;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(mode === 'snapshot' ? 'begin isolation level serializable, read only, deferrable' : 'begin');
    try {
      await setOutputStyle((text, params) => client.query(text, params));
      const result = await fn({
        query: async <R>(text: string, params?: unknown[]) =>
          (await client.query(text, params)).rows as R[],
      });
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

/** Fixed date and interval styles, so the text form of values does not depend on the server's settings. */
async function setOutputStyle(run: (text: string, params?: unknown[]) => Promise<unknown>): Promise<void> {
  await run("set local datestyle = 'ISO, YMD'");
  await run("set local intervalstyle = 'postgres'");
  await run("set local timezone = 'UTC'");
}

/** A SQL identifier, quoted. Names come from the catalog or from a backup file, so they are always quoted. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
