import crypto from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type Driver } from '../client';
import { migrateDatabase } from '../migrate';

/** A fresh, empty database of one driver that belongs to one test file: no shared mutable rows. */
export interface TestDatabase {
  handle: DatabaseHandle;
  /** For PostgreSQL, the URL of this test's own database. */
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(driver: Driver, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let result: TestDatabase;
  if (driver === 'pglite') {
    const handle = await openDatabase({ dataDir: null });
    result = { handle, url: null, drop: () => handle.close() };
  } else {
    const adminUrl = inject('postgresAdminUrl');
    if (!adminUrl) throw new Error('PostgreSQL is not available for tests');
    const name = `abate_test_${crypto.randomBytes(6).toString('hex')}`;
    await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
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
  if (options.migrate !== false) await migrateDatabase(result.handle);
  return result;
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
