import path from 'node:path';
import { BackupError, checkCompatible, readBackup, restoreBackup, type BackupHeader } from '../lib/backup';
import { describeWhere, openForBackup } from '../lib/backup/open';
import { describeTableCounts, printTableDone } from './backup-counts';
import { readOptions } from './cli-options';
import { closingAfter, failedWith, messageOf, runCli } from './run-cli';

/**
 * Loads a backup made by `npm run backup` into an EMPTY database, embedded or PostgreSQL, all or nothing:
 *
 *   npm run restore -- --in FILE [--check]
 *
 * --check only reads the file and verifies it (structure, row counts, checksum) without opening any database.
 * The database is the one the environment names: DATABASE_URL, or else the folder ABATE_DATA_DIR (the server
 * must not be running on it).
 */

const USAGE = 'usage: npm run restore -- --in FILE [--check]';

runCli(async () => {
  const values = readOptions(USAGE, { in: { type: 'string' }, check: { type: 'boolean', default: false } }, ['in']);
  if (typeof values === 'number') return values;
  const file = path.resolve(values.in);

  // The whole file is checked before any database is opened (or, for the embedded one, created).
  const started = Date.now();
  let verified: Awaited<ReturnType<typeof readBackup>>;
  let handle;
  try {
    verified = await readBackup(file);
    checkCompatible(verified.header);
    if (values.check) {
      console.log(`${file} is a complete Abate backup: ${describeBackup(verified.header)}.`);
      return 0;
    }
    handle = await openForBackup('restore');
  } catch (error) {
    return failedWith(error, messageOf(BackupError));
  }
  return closingAfter(handle, messageOf(BackupError), async (handle) => {
    console.error(`Restoring ${file} into ${describeWhere(handle)}…`);
    const result = await restoreBackup(handle, file, {
      verified,
      onTable: printTableDone,
    });
    console.log(
      `Restored ${describeBackup(result.header)} into ${describeWhere(handle)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    if (result.loadedAt !== result.migratedTo) {
      console.log(`The backup was taken at migration ${result.loadedAt}; the database is now migrated to ${result.migratedTo}.`);
    }
    console.log('Sign-in sessions are not part of a backup: everyone signs in again.');
    return 0;
  });
});

function describeBackup(header: BackupHeader): string {
  return (
    `${describeTableCounts(header.tables)}, taken ${header.createdAt} from ${header.source.driver === 'pglite' ? 'an embedded database' : 'PostgreSQL'} ` +
    `by Abate ${header.source.abateVersion} at migration ${header.schemaMigration.tag ?? header.schemaMigration.when}`
  );
}
