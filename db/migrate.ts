import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import path from 'node:path';
import type pg from 'pg';
import { rawClient, type DatabaseHandle } from './client';

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'drizzle');

// Any constant works; it only has to be the same for every Abate server sharing one PostgreSQL.
export const MIGRATION_LOCK_KEY = 4_711_2026;

/** Applies the generated migrations in drizzle/. Several app servers may start at once: one migrates, the rest wait. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const migrationsFolder = MIGRATIONS_FOLDER;
  if (handle.driver === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const pool = rawClient(handle) as pg.Pool;
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
