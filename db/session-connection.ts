import { openDatabase, type DatabaseHandle } from './client';
import type { AbateEnv } from './env';

/**
 * Runs `work` where a session-level feature works (the migrator's advisory lock). Behind a transaction-mode pooler
 * such as PgBouncer, DATABASE_URL may hand each transaction a different server connection, so when
 * ABATE_SESSION_DATABASE_URL names a direct connection, `work` gets a short-lived handle on it instead.
 */
export async function onSessionConnection<T>(
  handle: DatabaseHandle,
  env: Pick<AbateEnv, 'DATABASE_URL' | 'sessionDatabaseUrl'>,
  work: (session: DatabaseHandle) => Promise<T>,
): Promise<T> {
  if (handle.driver !== 'postgres' || !env.sessionDatabaseUrl || env.sessionDatabaseUrl === env.DATABASE_URL) {
    return work(handle);
  }
  const session = await openDatabase({ databaseUrl: env.sessionDatabaseUrl, poolMax: 1 });
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
