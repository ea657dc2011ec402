import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { rawClient, type DatabaseHandle } from '@/db/client';
import { migrateDatabase, MIGRATIONS_FOLDER } from '@/db/migrate';
import { BackupError } from './format';
import type { Session } from './session';

export interface JournalEntry {
  tag: string;
  when: number;
}

export interface MigrationLevel {
  tag: string | null;
  when: number;
  hash: string;
}

/** The migrations this copy of Abate ships, oldest first. */
export function readJournal(folder = MIGRATIONS_FOLDER): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries.map((entry) => ({ tag: entry.tag, when: entry.when }));
}

/** The last migration applied to a database, or null when it was never migrated. */
export async function readMigrationLevel(session: Session, journal: JournalEntry[]): Promise<MigrationLevel | null> {
  const [exists] = await session.query<{ found: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as found`,
  );
  if (!exists?.found) return null;
  const [last] = await session.query<{ hash: string; created_at: string }>(
    'select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
  );
  if (!last) return null;
  const when = Number(last.created_at);
  return { tag: journal.find((entry) => entry.when === when)?.tag ?? null, when, hash: last.hash };
}

export function describeLevel(level: { tag: string | null; when: number }): string {
  return level.tag ?? `an unknown migration of ${new Date(level.when).toISOString()}`;
}

/**
 * Brings a database to exactly the migration `tag` (never past it), so an older backup is loaded into the schema
 * it was taken from; the rest of the migrations then run over the loaded data, as they would have on the source.
 * Uses the app's migrations (drizzle/) through a copy of the journal that stops at `tag`.
 */
export async function migrateUpTo(handle: DatabaseHandle, tag: string): Promise<void> {
  const journal = readJournal();
  const last = journal.at(-1);
  if (last?.tag === tag) {
    await migrateDatabase(handle);
    return;
  }
  const index = journal.findIndex((entry) => entry.tag === tag);
  if (index < 0) throw new BackupError(`This copy of Abate has no migration ${tag}`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'abate-migrations-'));
  try {
    fs.mkdirSync(path.join(folder, 'meta'));
    const source = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    const entries = source.entries.slice(0, index + 1);
    fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...source, entries }));
    for (const entry of entries) {
      fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    }
    if (handle.driver === 'pglite') {
      await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
      return;
    }
    const client = await (rawClient(handle) as pg.Pool).connect();
    try {
      // The same lock db/migrate.ts takes, so an app server starting meanwhile waits for us.
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: folder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

// Must equal MIGRATION_LOCK_KEY in db/migrate.ts (not exported there).
const MIGRATION_LOCK_KEY = 4_711_2026;
