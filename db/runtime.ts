import { openDatabase, type Database, type DatabaseHandle } from './client';
import { loadEnv } from './env';
import { startChangeListener } from './change-listener';
import { prepareDatabase, type DemoLoader } from './prepare';
import { onMigrationConnection } from './session-connection';

// One database per process, kept on globalThis so hot reloads and separate route bundles share it.
const globalForDb = globalThis as unknown as { __abateDatabase?: Promise<DatabaseHandle>; __abateDemoLoader?: DemoLoader };

/** The demo the server loads into an empty embedded database (db/server-start.ts hands it in from lib/demo). */
export function setDemoLoader(loader: DemoLoader): void {
  globalForDb.__abateDemoLoader = loader;
}

async function start(): Promise<DatabaseHandle> {
  const env = loadEnv();
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.dataDir,
    poolMax: env.ABATE_DB_POOL_MAX,
    command: 'abate server',
  });
  try {
    const { demoLoaded } = await onMigrationConnection(handle, env, (migrator) =>
      prepareDatabase(migrator, {
        // The demo loads by itself only into an empty embedded database: a new user's first start.
        demo: handle.driver === 'pglite' && env.ABATE_DEMO === '1' ? (globalForDb.__abateDemoLoader ?? null) : null,
      }),
    );
    // LISTEN needs a connection of its own that keeps its session: ABATE_SESSION_DATABASE_URL behind a pooler.
    await startChangeListener(handle, env.sessionDatabaseUrl);
    console.log(
      `[abate] ${handle.driver === 'pglite' ? 'embedded database' : 'PostgreSQL'} at ${handle.where} is ready` +
        (demoLoaded ? ' (demo data loaded)' : ''),
    );
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  return handle;
}

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (!globalForDb.__abateDatabase) {
    globalForDb.__abateDatabase = start().catch((error: unknown) => {
      globalForDb.__abateDatabase = undefined;
      throw error;
    });
  }
  return globalForDb.__abateDatabase;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** For the health check: resolves when the database is there (DatabaseHandle.ping), throws otherwise. */
export async function pingDatabase(): Promise<void> {
  await (await getDatabaseHandle()).ping();
}

export async function closeRuntimeDatabase(): Promise<void> {
  const pending = globalForDb.__abateDatabase;
  globalForDb.__abateDatabase = undefined;
  if (pending) await (await pending).close();
}
