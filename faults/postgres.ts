import crypto from 'node:crypto';
import pg from 'pg';
import { onCleanup } from './harness';

/** The server the fault tests borrow databases from; never stopped (other people use it), only its sessions. */
export const ADMIN_URL = process.env.ABATE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * How long a connection to the admin database may take. The fault tests run beside the Vitest and browser stages on
 * two cores, where PostgreSQL itself is busy creating and dropping the test databases: a 3 s limit expired there
 * (CI rehearsal 2026-12-07, "timeout expired" setting up the outage case), so the limit says "unreachable", not "slow".
 */
const CONNECT_TIMEOUT_MS = 20_000;

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`could not connect to PostgreSQL at ${ADMIN_URL} within ${CONNECT_TIMEOUT_MS / 1000} s: ${(error as Error).message}`);
  }
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<string | null> {
  try {
    await adminQuery('select 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A new database `abate_fault_<pid>_<random>`, dropped when the script ends. */
export async function createDatabase(label: string, template?: string): Promise<{ name: string; url: string }> {
  const name = `abate_fault_${process.pid}_${label}_${crypto.randomBytes(3).toString('hex')}`;
  await adminQuery(`create database ${name}${template ? ` template ${template}` : ''}`);
  onCleanup(() => dropDatabase(name));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`drop database if exists ${name} with (force)`);
}

/** Ends the sessions Abate holds on `database` (as a PostgreSQL restart would); returns how many. */
export async function terminateAppSessions(database: string): Promise<number> {
  const rows = await adminQuery<{ ended: boolean }>(
    `select pg_terminate_backend(pid) as ended from pg_stat_activity
     where datname = $1 and application_name like 'abate%' and pid <> pg_backend_pid()`,
    [database],
  );
  return rows.filter((row) => row.ended).length;
}

/**
 * Waits until no session is left on `database` (up to `ms`): a client killed during COMMIT leaves its server session
 * to finish the commit on its own, so what the database holds is settled only once that session is gone.
 */
export async function sessionsGone(database: string, ms = 15_000): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    const [row] = await adminQuery<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    if (row?.n === 0) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
