import { parseArgs } from 'node:util';
import { BackupError, writeBackup } from '../lib/backup';
import { describeWhere, formatBytes, openForBackup, plural } from '../lib/backup/open';
import { runCli } from './run-cli';

/**
 * A backup of the whole database, embedded or PostgreSQL, into one file (see lib/backup/format.ts):
 *
 *   npm run backup -- --out FILE [--force]
 *
 * Reads one consistent snapshot; the file appears only once it is complete. Refuses to replace an existing file
 * unless --force. On the embedded database the server must be stopped first (the folder takes one process).
 */

const USAGE = 'usage: npm run backup -- --out FILE [--force]';

runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
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
  if (!values.out) {
    console.error(USAGE);
    return 2;
  }

  let handle;
  try {
    handle = await openForBackup('backup');
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`abate: ${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    console.error(`Backing up ${describeWhere(handle)}…`);
    const result = await writeBackup(handle, values.out, {
      force: values.force,
      onTable: (table, rows) => console.error(`  ${table}: ${plural(rows, 'row')}`),
    });
    const counts = Object.values(result.header.tables);
    const rows = counts.reduce((sum, n) => sum + n, 0);
    const audit = result.header.tables.audit_log ?? 0;
    console.log(
      `Backed up ${plural(rows, 'row')} in ${plural(counts.length, 'table')} (${audit.toLocaleString('en-US')} audit-log ${audit === 1 ? 'entry' : 'entries'}) ` +
        `to ${result.path} (${formatBytes(result.bytes)}) in ${(result.durationMs / 1000).toFixed(1)} s.`,
    );
    console.log(
      `Not in the backup: ${Object.entries(result.header.excluded)
        .map(([table, reason]) => `${table} (${reason})`)
        .join('; ')}.`,
    );
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
