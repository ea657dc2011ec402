import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  backupHeaderSchema,
  tableLineSchema,
  type BackupHeader,
  type TableLine,
} from './format';

export interface BackupVisitor {
  /** A table starts; its rows follow. */
  table?(table: TableLine): Promise<void>;
  /** A batch of row lines (each the text of a JSON array) of the current table. */
  rows?(table: TableLine, lines: string[]): Promise<void>;
  /** The current table's rows are all read (and their count matches the header). */
  endTable?(table: TableLine, rows: number): Promise<void>;
}

export interface BackupContents {
  header: BackupHeader;
  tables: TableLine[];
}

const BATCH_ROWS = 1000;
const BATCH_CHARS = 2_000_000;
/** Far beyond any real header: a bigger first line means the file is something else. */
const MAX_HEADER_BYTES = 1_000_000;

/**
 * Reads a backup file from start to end, checking its structure as it goes and, at the end, that every table has
 * the rows its header counts and that the bytes match the header's checksum. Anything wrong throws a BackupError
 * that says what; callers that write (restore) do so in a transaction they roll back when this throws.
 */
export async function readBackup(file: string, visitor: BackupVisitor = {}): Promise<BackupContents> {
  checkLooksLikeGzip(file);
  const hash = crypto.createHash('sha256');
  let header: BackupHeader | null = null;
  let expected: [string, number][] = [];
  const tables: TableLine[] = [];
  let current: TableLine | null = null;
  let rows = 0;
  let batch: string[] = [];
  let batchChars = 0;
  let lineNumber = 0;

  const flush = async () => {
    if (current && batch.length > 0) await visitor.rows?.(current, batch);
    batch = [];
    batchChars = 0;
  };
  const endTable = async () => {
    if (!current) return;
    await flush();
    const wanted = expected[tables.length - 1]?.[1] ?? 0;
    if (rows !== wanted) throw incomplete(`the table ${current.table} has ${rows} rows where its header counts ${wanted}`);
    await visitor.endTable?.(current, rows);
  };

  for await (const line of lines(file, hash)) {
    lineNumber += 1;
    if (header === null) {
      header = parseHeader(line);
      expected = Object.entries(header.tables);
      continue;
    }
    if (line.startsWith('[') && line.endsWith(']')) {
      if (!current) throw damaged(`line ${lineNumber} is a row before any table`);
      rows += 1;
      batch.push(line);
      batchChars += line.length;
      if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
      continue;
    }
    if (line.startsWith('{')) {
      await endTable();
      const table = parseTableLine(line, lineNumber);
      const next = expected[tables.length];
      if (!next || next[0] !== table.table) {
        throw damaged(`line ${lineNumber} starts the table ${table.table}, which the header does not list in that place`);
      }
      tables.push(table);
      current = table;
      rows = 0;
      await visitor.table?.(table);
      continue;
    }
    throw damaged(`line ${lineNumber} is neither a table nor a row`);
  }
  if (header === null) throw new BackupError(`${file} is empty: it is not an Abate backup`);
  await endTable();
  if (tables.length < expected.length) {
    throw incomplete(`it ends before the table ${expected[tables.length]?.[0]}`);
  }
  if (`sha256:${hash.digest('hex')}` !== header.checksum) {
    throw new BackupError(
      'The backup file does not match its checksum: it was changed or damaged after it was written. Nothing was restored from it',
    );
  }
  return { header, tables };
}

function checkLooksLikeGzip(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(`Cannot read ${file}: ${code === 'ENOENT' ? 'there is no such file' : (code ?? 'unknown error')}`);
  }
  try {
    const magic = Buffer.alloc(2);
    const read = fs.readSync(fd, magic, 0, 2, 0);
    if (read < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b) {
      throw new BackupError(`${file} is not an Abate backup (it is not a gzip-compressed file)`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function parseHeader(line: string): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupError('The file is not an Abate backup (its first line is not a backup header)');
  }
  const raw = value as { format?: unknown; version?: unknown } | null;
  if (raw?.format !== BACKUP_FORMAT) throw new BackupError('The file is not an Abate backup (its header names no Abate backup format)');
  if (typeof raw.version === 'number' && raw.version > BACKUP_VERSION) {
    throw new BackupError(
      `The backup is in format version ${raw.version}, written by a newer Abate; this copy reads version ${BACKUP_VERSION}. Update Abate, then restore`,
    );
  }
  const parsed = backupHeaderSchema.safeParse(value);
  if (!parsed.success) throw damaged(`its header is not valid (${parsed.error.issues[0]?.path.join('.') ?? 'header'})`);
  return parsed.data;
}

function parseTableLine(line: string, lineNumber: number): TableLine {
  try {
    return tableLineSchema.parse(JSON.parse(line));
  } catch {
    throw damaged(`line ${lineNumber} should describe a table and does not`);
  }
}

function damaged(detail: string): BackupError {
  return new BackupError(`The backup file is damaged: ${detail}. Nothing was restored from it`);
}

function incomplete(detail: string): BackupError {
  return new BackupError(
    `The backup file is incomplete (${detail}): it was cut short or changed after it was written. Nothing was restored from it`,
  );
}

/**
 * The decompressed file split into lines (UTF-8, without "\n"). Every byte after the first line goes into `hash`.
 * gzip errors become BackupErrors that say whether the file was cut short or is damaged.
 */
async function* lines(file: string, hash: crypto.Hash): AsyncGenerator<string> {
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let carry: Buffer | null = null;
  let headerRead = false;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const buffer: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (let end = buffer.indexOf(10, start); end >= 0; end = buffer.indexOf(10, start)) {
        if (headerRead) hash.update(buffer.subarray(start, end + 1));
        headerRead = true;
        const line = buffer.toString('utf8', start, end);
        start = end + 1;
        yield line;
      }
      carry = start < buffer.length ? buffer.subarray(start) : null;
      if (!headerRead && carry && carry.length > MAX_HEADER_BYTES) {
        throw new BackupError('The file is not an Abate backup (its first line is not a backup header)');
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR') {
      throw incomplete('its compressed data ends in the middle');
    }
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw damaged(`its compressed data is corrupt (${(error as Error).message})`);
    }
    throw error;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (carry && carry.length > 0) throw incomplete('its last line is cut off');
}
