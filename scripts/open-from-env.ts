import { openDatabase, type DatabaseHandle } from '../db/client';
import { loadEnv } from '../db/env';
import { migrateDatabase } from '../db/migrate';
import { seedReferenceData } from '../db/seed/reference';
import { onMigrationConnection } from '../db/session-connection';

/**
 * Opens the database the environment names (the embedded folder, with its lock, or DATABASE_URL), migrates it and
 * loads the reference data (frameworks, categories and their report names, funding sources; idempotent), as the server
 * does at start-up: a command run on a new database before the server ever started — `locality:create`, then
 * `import` of a published report — must know "Connections to Care" as well as the web page does.
 */
export async function openFromEnv(command: string): Promise<DatabaseHandle> {
  const env = loadEnv();
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.dataDir,
    poolMax: 4,
    command,
  });
  try {
    await onMigrationConnection(handle, env, migrateDatabase);
    await seedReferenceData(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
