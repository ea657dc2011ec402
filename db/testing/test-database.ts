import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle, type Driver } from '../client';
import { migrateDatabase } from '../migrate';

/** A fresh, empty database of one driver that belongs to one test file: no shared mutable rows. */
export interface TestDatabase {
  handle: DatabaseHandle;
  /** For PostgreSQL, the URL of this test's own database. */
  url: string | null;
  drop(): Promise<void>;
}

/**
 * Migrated unless `migrate: false`: a copy of the database db/testing/global-setup.ts migrated at the start of the run
 * (the same drizzle/ migrations, applied once instead of once per test file). Unmigrated, on PGlite, a copy of the
 * same database before its migrations: a new PGlite would run initdb, four times the CPU of a copy.
 */
export async function createTestDatabase(driver: Driver, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrate !== false;
  const snapshot = inject('pgliteMigratedSnapshot');
  if (snapshot === undefined) {
    throw new Error(
      'This test opens a database, but it runs in the `unit` project (npm run test:quick), which has none. ' +
        'vitest.config.mts sends a test file to the `db` project when it imports db/testing/test-database or opens a database itself (OPENS_A_DATABASE).',
    );
  }
  let result: TestDatabase;
  if (driver === 'pglite') {
    const handle = await openPgliteCopy(migrated ? snapshot : inject('pgliteEmptySnapshot'));
    result = { handle, url: null, drop: () => handle.close() };
  } else {
    const adminUrl = inject('postgresAdminUrl');
    if (!adminUrl) throw new Error('PostgreSQL is not available for tests');
    const template = inject('postgresMigratedTemplate');
    const name = `abate_test_${crypto.randomBytes(6).toString('hex')}`;
    await withAdmin(adminUrl, (client) => client.query(`create database ${name}${migrated && template ? ` template ${template}` : ''}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString(), poolMax: 4 });
    result = {
      handle,
      url: url.toString(),
      async drop() {
        await handle.close();
        await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
      },
    };
  }
  if (migrated && driver === 'postgres' && !inject('postgresMigratedTemplate')) await migrateDatabase(result.handle);
  return result;
}

/**
 * A fresh database of `driver` for the suite this is called in: created before its tests, dropped after them — the
 * beforeAll/afterAll pair most database suites begin with. Call `db()` inside tests and hooks: the suite's own
 * beforeAll hooks, registered after this call, run once the database exists.
 */
export function useTestDatabase(driver: Driver, options: { migrate?: boolean } = {}): { db: () => Database } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(driver, options);
  });
  afterAll(() => database?.drop());
  return {
    db() {
      if (!database) throw new Error('the test database is read before its suite started');
      return database.handle.db;
    },
  };
}

/**
 * An in-memory PGlite restored from the migrated data folder, opened as db/client.ts opens the embedded database
 * (on its own thread) and wrapped in the same handle.
 */
function openPgliteCopy(snapshotFile: string): Promise<DatabaseHandle> {
  return openDatabase({ dataDir: null, loadDataDir: snapshotFile });
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function postgresAvailable(): boolean {
  return inject('postgresAdminUrl') !== null;
}

/** Runs the same suite on PGlite and on PostgreSQL (skipped, with the global notice, when there is none). */
export function describeEachDriver(name: string, suite: (driver: Driver) => void): void {
  describe(`${name} [pglite]`, () => suite('pglite'));
  describe.skipIf(!postgresAvailable())(`${name} [postgres]`, () => suite('postgres'));
}
