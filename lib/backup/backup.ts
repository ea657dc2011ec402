import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { DatabaseHandle } from '@/db/client';
import { dependencyOrder, readCatalog, type CatalogColumn, type CatalogTable } from './catalog';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  EXCLUDED_TABLES,
  type BackupHeader,
  type ColumnEncoding,
  type TableLine,
} from './format';
import { readJournal, readMigrationLevel } from './migrations';
import { ident, withTransaction, type Session } from './session';

export interface BackupOptions {
  /** Replace an existing file at the destination. */
  force?: boolean;
  /**
   * Runs inside the snapshot after each table's rows are written (tests use it to write from another connection
   * mid-backup). On PGlite it must not touch the same database.
   */
  afterTable?: (table: string, rows: number) => Promise<void>;
  /** Called as each table is written, for progress output. */
  onTable?: (table: string, rows: number) => void;
}

export interface BackupResult {
  path: string;
  bytes: number;
  header: BackupHeader;
  durationMs: number;
}

/** Rows fetched from the cursor at a time: memory stays flat however big the table. */
const FETCH_ROWS = 2000;

/**
 * Writes a backup of the whole database (see format.ts) to `outPath`: every table of the public schema except
 * the short-lived ones in EXCLUDED_TABLES, read in one read-only snapshot. The file appears under its name only
 * when complete (written aside, flushed to disk, then linked or renamed into place).
 */
export async function writeBackup(
  handle: DatabaseHandle,
  outPath: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const started = Date.now();
  const target = path.resolve(outPath);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new BackupError(`${target} is a folder; name the backup file, e.g. ${path.join(target, 'abate.backup')}`);
  }
  if (!options.force && fs.existsSync(target)) {
    throw new BackupError(`${target} already exists; choose another name, or pass --force to replace it`);
  }
  const folder = path.dirname(target);
  if (!fs.existsSync(folder)) throw new BackupError(`The folder ${folder} does not exist`);

  const partial = `${target}.partial-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const bodyPath = `${partial}.body`;
  try {
    const body = new GzipLineWriter(bodyPath);
    let snapshot: Omit<BackupHeader, 'checksum'>;
    try {
      snapshot = await withTransaction(handle, 'snapshot', (session) => writeTables(session, handle, body, options));
    } catch (error) {
      await body.abort();
      throw error;
    }
    const checksum = await body.close();
    const header: BackupHeader = { ...snapshot, checksum: `sha256:${checksum}` };

    // The header goes first, as a gzip member of its own, followed by the body's members.
    // Owner-only: the file holds password hashes and everything else in the database.
    const out = fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    out.write(zlib.gzipSync(`${JSON.stringify(header)}\n`));
    await pipeline(fs.createReadStream(bodyPath), out);
    syncFile(partial);
    if (options.force) {
      fs.renameSync(partial, target);
    } else {
      try {
        fs.linkSync(partial, target); // fails, rather than replaces, when the name was taken meanwhile
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new BackupError(`${target} already exists; choose another name, or pass --force to replace it`);
        }
        throw error;
      }
    }
    syncFile(folder);
    return { path: target, bytes: fs.statSync(target).size, header, durationMs: Date.now() - started };
  } catch (error) {
    throw describeWriteError(error, target);
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(bodyPath, { force: true });
  }
}

async function writeTables(
  session: Session,
  handle: DatabaseHandle,
  body: GzipLineWriter,
  options: BackupOptions,
): Promise<Omit<BackupHeader, 'checksum'>> {
  const createdAt = new Date().toISOString(); // the snapshot is taken by the first query, just below
  const journal = readJournal();
  const level = await readMigrationLevel(session, journal);
  if (!level) {
    throw new BackupError(`The database at ${handle.where} has never been set up by Abate (it has no migrations)`);
  }
  const catalog = await readCatalog(session);
  const tables = dependencyOrder([...catalog.values()].filter((table) => !(table.name in EXCLUDED_TABLES)));
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const columns = table.columns.filter((column) => !column.generated);
    const line: TableLine = {
      table: table.name,
      columns: columns.map((column) => ({ name: column.name, type: column.type, encoding: encodingOf(column) })),
      identity: await identityPositions(session, table),
    };
    await body.write(JSON.stringify(line));
    let rows = 0;
    await session.query(
      `declare abate_backup no scroll cursor for select ${rowExpression(table.name, columns)} as line from ${ident(table.name)}` +
        (table.primaryKey.length > 0 ? ` order by ${table.primaryKey.map(ident).join(', ')}` : ''),
    );
    for (;;) {
      const batch = await session.query<{ line: string }>(`fetch ${FETCH_ROWS} from abate_backup`);
      for (const row of batch) await body.write(row.line);
      rows += batch.length;
      if (batch.length < FETCH_ROWS) break;
    }
    await session.query('close abate_backup');
    counts[table.name] = rows;
    options.onTable?.(table.name, rows);
    await options.afterTable?.(table.name, rows);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    source: { driver: handle.driver, abateVersion: abateVersion() },
    schemaMigration: level,
    tables: counts,
    excluded: { ...EXCLUDED_TABLES },
  };
}

function encodingOf(column: CatalogColumn): ColumnEncoding {
  return column.typeName === 'json' || column.typeName === 'jsonb' ? 'json' : 'value';
}

/** One row as the text of a JSON array, built by the database itself so no value passes through a JS number. */
function rowExpression(table: string, columns: CatalogColumn[]): string {
  if (columns.length > 100) throw new BackupError(`The table ${table} has more than 100 columns`);
  return `json_build_array(${columns.map(valueExpression).join(', ')})::text`;
}

function valueExpression(column: CatalogColumn): string {
  const c = ident(column.name);
  if (column.typeName === 'json' || column.typeName === 'jsonb') {
    return `case when ${c} is null then null else json_build_array(${c}) end`;
  }
  if (['int2', 'int4', 'bool'].includes(column.typeName)) return c;
  if (column.typeCategory === 'S' || column.typeCategory === 'E') return c;
  if (column.typeName === 'timestamptz') {
    return `case when isfinite(${c}) and extract(year from ${c} at time zone 'UTC') between 1 and 9999
      then to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') else ${c}::text end`;
  }
  if (column.typeName === 'timestamp') {
    return `case when isfinite(${c}) and extract(year from ${c}) between 1 and 9999
      then to_char(${c}, 'YYYY-MM-DD"T"HH24:MI:SS.US') else ${c}::text end`;
  }
  // bigint and numeric as exact digits; dates, arrays and anything else in PostgreSQL's own text form.
  return `${c}::text`;
}

async function identityPositions(session: Session, table: CatalogTable): Promise<TableLine['identity']> {
  const positions: TableLine['identity'] = {};
  for (const column of table.columns.filter((c) => c.identity)) {
    const [found] = await session.query<{ sequence: string | null }>(
      'select pg_get_serial_sequence($1, $2) as sequence',
      [ident(table.name), column.name],
    );
    if (!found?.sequence) continue;
    const [position] = await session.query<{ last_value: string; is_called: boolean }>(
      `select last_value::text as last_value, is_called from ${found.sequence}`,
    );
    if (position) positions[column.name] = { lastValue: position.last_value, isCalled: position.is_called };
  }
  return positions;
}

function abateVersion(): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'package.json'), 'utf8')) as {
      version?: string;
    };
    return manifest.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Lines written through gzip to a file, with a SHA-256 of the uncompressed bytes. */
class GzipLineWriter {
  private readonly gzip = zlib.createGzip();
  private readonly done: Promise<void>;
  private readonly hash = crypto.createHash('sha256');
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(file: string) {
    this.done = pipeline(this.gzip, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    this.done.catch(() => undefined); // awaited in write/close; this only keeps an early failure from going unhandled
  }

  async write(line: string): Promise<void> {
    this.pending.push(line);
    this.pendingChars += line.length + 1;
    if (this.pendingChars >= 1 << 16) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(`${this.pending.join('\n')}\n`, 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    this.hash.update(chunk);
    if (!this.gzip.write(chunk)) await Promise.race([once(this.gzip, 'drain'), this.done]);
  }

  /** Flushes everything to disk and returns the hex SHA-256 of all lines written. */
  async close(): Promise<string> {
    await this.flush();
    this.gzip.end();
    await this.done;
    return this.hash.digest('hex');
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.done.catch(() => undefined);
  }
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function describeWriteError(error: unknown, target: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return new BackupError(`Could not write ${target}: the disk is full`);
  if (code === 'EACCES' || code === 'EPERM') return new BackupError(`Could not write ${target}: permission denied`);
  if (code === 'EROFS') return new BackupError(`Could not write ${target}: the file system is read-only`);
  return error;
}
