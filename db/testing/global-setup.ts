import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * Database tests run on PGlite and on a real PostgreSQL. In CI the server must be there; on a laptop without
 * one, the PostgreSQL half is skipped with a notice that says so.
 */
export const ADMIN_URL = process.env.ABATE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function setup(project: TestProject): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('postgresAdminUrl', ADMIN_URL);
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
    project.provide('postgresAdminUrl', null);
  } finally {
    await client.end().catch(() => undefined);
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string | null;
  }
}
