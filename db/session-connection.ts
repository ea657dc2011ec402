import { openDatabase, type DatabaseHandle } from './client';
import type { AbateEnv } from './env';
import { grantAppPrivileges } from './privileges';

/**
 * Runs `work` (the migrations and what goes with them) on the migration connection: ABATE_MIGRATION_DATABASE_URL,
 * else ABATE_SESSION_DATABASE_URL, else the app's own handle.
 *
 * - Behind a transaction-mode pooler such as PgBouncer, DATABASE_URL may hand each transaction a different server
 *   connection, and the migrator's advisory lock needs one session: the session URL gives it a direct connection.
 * - With least privilege (docs/deploy.md), DATABASE_URL names a role that owns nothing: the migration URL names the
 *   owner, which migrates and then gives the app's role its privileges (db/privileges.ts), so a table a migration
 *   adds is the app's to use at once.
 *
 * The owner's connection is short-lived: it is closed before the server answers its first request.
 */
export async function onMigrationConnection<T>(
  handle: DatabaseHandle,
  env: Pick<AbateEnv, 'DATABASE_URL' | 'migrationDatabaseUrl'>,
  work: (migrator: DatabaseHandle) => Promise<T>,
): Promise<T> {
  if (handle.driver !== 'postgres' || !env.migrationDatabaseUrl || env.migrationDatabaseUrl === env.DATABASE_URL) {
    return work(handle);
  }
  const migrator = await openDatabase({ databaseUrl: env.migrationDatabaseUrl, poolMax: 1 });
  try {
    const result = await work(migrator);
    const granted = await grantAppPrivileges(migrator, handle);
    if (granted) console.log(`[abate] the app's role ${granted} has its privileges (it owns nothing; migrations ran as the owner)`);
    return result;
  } finally {
    await migrator.close();
  }
}
