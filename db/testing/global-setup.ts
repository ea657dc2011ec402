import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, rawClient, type EmbeddedClient } from '../client';
import { migrateDatabase } from '../migrate';

/**
 * Database tests run on PGlite and on a real PostgreSQL. In CI the server must be there; on a laptop without
 * one, the PostgreSQL half is skipped with a notice that says so.
 *
 * Every test file gets its own fresh database, already migrated. Migrating once here and copying the result is
 * what keeps that cheap: a PGlite data folder dumped after the migrations (a new PGlite otherwise runs initdb,
 * seconds each on a busy machine) and a PostgreSQL template database (CREATE DATABASE … TEMPLATE copies it in
 * milliseconds). Both are made from drizzle/ at the start of every run and removed at its end.
 */
export const ADMIN_URL = process.env.ABATE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Prepared {
  folder: string;
  snapshots: { empty: string; migrated: string };
  template: string | null;
}

// The database projects (`db`, and `db-isolated` for the files that mock modules) each run this setup, in the one
// Vitest process: the first makes the snapshots and the template, the others use them, and the last one done
// removes them.
const shared = globalThis as unknown as { __abateTestDatabases?: { prepared: Promise<Prepared>; users: number } };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.__abateTestDatabases ??= { prepared: prepare(), users: 0 };
  const state = shared.__abateTestDatabases;
  state.users += 1;
  const { snapshots, template } = await state.prepared;
  project.provide('pgliteMigratedSnapshot', snapshots.migrated);
  project.provide('pgliteEmptySnapshot', snapshots.empty);
  project.provide('postgresAdminUrl', template ? ADMIN_URL : null);
  project.provide('postgresMigratedTemplate', template);
  return async () => {
    state.users -= 1;
    if (state.users > 0) return;
    delete shared.__abateTestDatabases;
    const { folder } = await state.prepared;
    fs.rmSync(folder, { recursive: true, force: true });
    if (template) await adminQuery(`drop database if exists ${template} with (force)`);
  };
}

async function prepare(): Promise<Prepared> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'abate-vitest-'));
  const [snapshots, template] = await Promise.all([pgliteSnapshots(folder), migratedPostgresTemplate()]);
  return { folder, snapshots, template };
}

/** Two PGlite data folders as tar files: just after initdb (for tests that migrate or restore themselves), and migrated. */
async function pgliteSnapshots(folder: string): Promise<{ empty: string; migrated: string }> {
  const handle = await openDatabase({ dataDir: null });
  const dump = async (name: string) => {
    const tar = await (rawClient(handle) as EmbeddedClient).dumpDataDir('none');
    const file = path.join(folder, name);
    fs.writeFileSync(file, Buffer.from(await tar.arrayBuffer()));
    return file;
  };
  try {
    const empty = await dump('pglite-empty.tar');
    await migrateDatabase(handle);
    return { empty, migrated: await dump('pglite-migrated.tar') };
  } finally {
    await handle.close();
  }
}

/** The name of a migrated template database, or null when there is no PostgreSQL (outside CI). */
async function migratedPostgresTemplate(): Promise<string | null> {
  try {
    await adminQuery('select 1', 3_000);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    if (process.env.CI === 'true') {
      throw new Error(`PostgreSQL at ${ADMIN_URL} cannot be reached (${reason}); CI must run the PostgreSQL tests.`);
    }
    console.warn(
      `\n*** NOTICE: PostgreSQL at ${ADMIN_URL} cannot be reached (${reason}). ` +
        `The PostgreSQL database tests are SKIPPED; the PGlite ones still run. ` +
        `Set ABATE_TEST_POSTGRES_URL to run them. ***\n`,
    );
    return null;
  }
  const name = `abate_template_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    const handle = await openDatabase({ databaseUrl: url.toString(), poolMax: 1 });
    try {
      await migrateDatabase(handle);
    } finally {
      // A template database copies only while nobody is connected to it.
      await handle.close();
    }
  } catch (error) {
    await adminQuery(`drop database if exists ${name} with (force)`).catch(() => undefined);
    throw error;
  }
  return name;
}

export async function adminQuery(text: string, connectionTimeoutMillis = 10_000): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis });
  try {
    await client.connect();
    await client.query(text);
  } finally {
    await client.end().catch(() => undefined);
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a PGlite data folder with every migration applied. */
    pgliteMigratedSnapshot: string;
    /** The same data folder before its migrations, just after initdb. */
    pgliteEmptySnapshot: string;
    postgresAdminUrl: string | null;
    /** A PostgreSQL database with every migration applied, to copy with CREATE DATABASE … TEMPLATE. */
    postgresMigratedTemplate: string | null;
  }
}
