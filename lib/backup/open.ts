import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { loadEnv } from '@/db/env';
import { FolderLockedError } from '@/db/folder-lock';
import { BackupError } from './format';

/**
 * Opens the database the environment names — DATABASE_URL, or else the embedded folder ABATE_DATA_DIR with its
 * lock — WITHOUT migrating it (unlike scripts/open-from-env.ts): a backup must not change what it copies, and a
 * restore refuses a non-empty database before it migrates anything.
 *
 * The embedded database takes one process at a time, so both commands are refused while the server runs on the
 * folder; on PostgreSQL they run beside the server.
 */
export async function openForBackup(purpose: 'backup' | 'restore'): Promise<DatabaseHandle> {
  const env = loadEnv();
  if (!env.DATABASE_URL && purpose === 'backup' && !fs.existsSync(path.join(env.dataDir, 'PG_VERSION'))) {
    throw new BackupError(
      `There is no embedded database in ${env.dataDir}. Set ABATE_DATA_DIR to the folder the server uses, ` +
        'or DATABASE_URL to back up a PostgreSQL database',
    );
  }
  try {
    return await openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.dataDir,
      poolMax: 2,
      command: `npm run ${purpose}`,
    });
  } catch (error) {
    if (error instanceof FolderLockedError) {
      const verb = purpose === 'backup' ? 'reads' : 'writes to';
      throw new BackupError(
        `${error.message}\nThe ${purpose} ${verb} the embedded database itself, so it cannot run while the Abate ` +
          `server has the folder open: stop the server, run the ${purpose}, then start the server again. ` +
          '(On PostgreSQL, with DATABASE_URL, a backup runs while the server is up.)',
      );
    }
    throw error;
  }
}

export function describeWhere(handle: DatabaseHandle): string {
  return handle.driver === 'pglite' ? `the embedded database in ${handle.where}` : `PostgreSQL at ${handle.where}`;
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
