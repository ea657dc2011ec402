import { openDatabase, type DatabaseHandle } from '../db/client';
import { loadEnv } from '../db/env';
import { migrateDatabase } from '../db/migrate';
import { onSessionConnection } from '../db/session-connection';

/** Opens the database the environment names (the embedded folder, with its lock, or DATABASE_URL) and migrates it. */
export async function openFromEnv(command: string): Promise<DatabaseHandle> {
  const env = loadEnv();
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.dataDir,
    poolMax: 4,
    command,
  });
  try {
    await onSessionConnection(handle, env, migrateDatabase);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
