import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, checkCompatible, readBackup, restoreBackup, type BackupHeader } from '../lib/backup';
import { describeWhere, openForBackup, plural } from '../lib/backup/open';
import { runCli } from './run-cli';

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
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        in: { type: 'string' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`abate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.in) {
    console.error(USAGE);
    return 2;
  }
  const file = path.resolve(values.in);

  // The whole file is checked before any database is opened (or, for the embedded one, created).
  const started = Date.now();
  let verified;
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
    if (error instanceof BackupError) {
      console.error(`abate: ${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    console.error(`Restoring ${file} into ${describeWhere(handle)}…`);
    const result = await restoreBackup(handle, file, {
      verified,
      onTable: (table, rows) => console.error(`  ${table}: ${plural(rows, 'row')}`),
    });
    console.log(
      `Restored ${describeBackup(result.header)} into ${describeWhere(handle)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    if (result.loadedAt !== result.migratedTo) {
      console.log(`The backup was taken at migration ${result.loadedAt}; the database is now migrated to ${result.migratedTo}.`);
    }
    console.log('Sign-in sessions are not part of a backup: everyone signs in again.');
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`abate: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
});

function describeBackup(header: BackupHeader): string {
  const counts = Object.values(header.tables);
  const rows = counts.reduce((sum, n) => sum + n, 0);
  const audit = header.tables.audit_log ?? 0;
  return (
    `${plural(rows, 'row')} in ${plural(counts.length, 'table')} (${audit.toLocaleString('en-US')} audit-log ` +
    `${audit === 1 ? 'entry' : 'entries'}), taken ${header.createdAt} from ${header.source.driver === 'pglite' ? 'an embedded database' : 'PostgreSQL'} ` +
    `by Abate ${header.source.abateVersion} at migration ${header.schemaMigration.tag ?? header.schemaMigration.when}`
  );
}
