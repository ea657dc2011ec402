import { BackupError, writeBackup } from '../lib/backup';
import { describeWhere, formatBytes, openForBackup } from '../lib/backup/open';
import { describeTableCounts, printTableDone } from './backup-counts';
import { readOptions } from './cli-options';
import { closingAfter, failedWith, messageOf, runCli } from './run-cli';

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
  const values = readOptions(USAGE, { out: { type: 'string' }, force: { type: 'boolean', default: false } }, ['out']);
  if (typeof values === 'number') return values;

  let handle;
  try {
    handle = await openForBackup('backup');
  } catch (error) {
    return failedWith(error, messageOf(BackupError));
  }
  return closingAfter(handle, messageOf(BackupError), async (handle) => {
    console.error(`Backing up ${describeWhere(handle)}…`);
    const result = await writeBackup(handle, values.out, {
      force: values.force,
      onTable: printTableDone,
    });
    console.log(
      `Backed up ${describeTableCounts(result.header.tables)} ` +
        `to ${result.path} (${formatBytes(result.bytes)}) in ${(result.durationMs / 1000).toFixed(1)} s.`,
    );
    console.log(
      `Not in the backup: ${Object.entries(result.header.excluded)
        .map(([table, reason]) => `${table} (${reason})`)
        .join('; ')}.`,
    );
    return 0;
  });
});
