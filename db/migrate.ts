import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import path from 'node:path';
import type pg from 'pg';
import { rawClient, type DatabaseHandle } from './client';
import { StartupError } from './env';

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'drizzle');

// Any constant works; it only has to be the same for every Abate server sharing one PostgreSQL.
export const MIGRATION_LOCK_KEY = 4_711_2026;

/**
 * Applies the generated migrations in drizzle/. Several app servers may start at once: one migrates, the rest wait.
 *
 * On PostgreSQL the migrator runs only when a migration is missing: it begins with CREATE SCHEMA IF NOT EXISTS,
 * which a role that owns nothing may not run even when the schema is there, and the app's own role (docs/deploy.md,
 * least privilege) must be able to start on a database its owner has migrated. A missing migration that this role
 * may not apply is a start-up error that says which URL to set.
 */
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
      const missing = await missingMigrations(client);
      if (missing === 0) return;
      try {
        await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
      } catch (error) {
        throw refusedMigration(error, missing, client) ?? error;
      }
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** How many of drizzle/'s migrations the database has not had, by the rule Drizzle's migrator applies them. */
async function missingMigrations(client: pg.PoolClient): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const table = await client.query<{ present: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as present",
  );
  if (!table.rows[0]?.present) return migrations.length;
  const last = await client.query<{ created_at: string | null }>('select max(created_at)::text as created_at from drizzle.__drizzle_migrations');
  const lastAt = last.rows[0]?.created_at;
  if (lastAt === null || lastAt === undefined) return migrations.length;
  return migrations.filter((migration) => Number(lastAt) < migration.folderMillis).length;
}

/** insufficient_privilege, as a start-up error naming the role and what to do. */
function refusedMigration(error: unknown, missing: number, client: pg.PoolClient): StartupError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if ((current as { code?: unknown }).code === '42501') {
      const role = (client as unknown as { user?: string }).user ?? 'this role';
      return new StartupError(
        `The database lacks ${missing} migration${missing === 1 ? '' : 's'}, and the role ${role} may not apply ` +
          `${missing === 1 ? 'it' : 'them'} (it does not own the database): set ABATE_MIGRATION_DATABASE_URL to a URL of ` +
          'the owner, or run `npm run db:migrate` with it, then start again (docs/deploy.md, least privilege)',
      );
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
