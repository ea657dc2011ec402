import { z } from 'zod';

/**
 * The backup file: gzip-compressed lines of JSON (UTF-8, each ending in "\n").
 *
 *   line 1    the header (below): what made the file, the schema migration it matches, the tables in the order
 *             they are restored with their row counts, and the SHA-256 of every byte after the header line.
 *   then      for each table, in dependency order (a table after the tables it references):
 *               {"table":"localities","columns":[{"name":"id","type":"integer","encoding":"value"},…],"identity":{…}}
 *             followed by one line per row: a JSON array of the values in the order of `columns`.
 *
 * Values: null is SQL NULL; integer, smallint and boolean as JSON numbers and booleans; bigint and numeric as
 * strings of digits; timestamps as ISO 8601 strings in UTC with microseconds; dates as YYYY-MM-DD; text and enums
 * as strings; anything else as PostgreSQL's text form (a string). Those are "value" columns. jsonb and json
 * columns are "json" columns: the stored JSON wrapped in a one-element array, so that a stored JSON `null`
 * ([null]) stays distinct from SQL NULL (null).
 *
 * The header is a gzip member of its own, written after the rows once the counts and checksum are known; gzip
 * readers decompress the concatenated members as one stream.
 */
export const BACKUP_FORMAT = 'abate-backup';
export const BACKUP_VERSION = 1;

/** Short-lived tables left out of every backup: a restored installation starts with everyone signed out. */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  sessions: 'sign-in sessions are short-lived; everyone signs in again after a restore',
  sign_in_attempts: 'sign-in attempts only feed the rate limit for the next few minutes',
  password_setup_links: 'set-password links last 72 hours; an administrator makes new ones after a restore',
};

export const columnEncoding = z.enum(['value', 'json']);
export type ColumnEncoding = z.infer<typeof columnEncoding>;

const tableName = z.string().min(1).max(63);

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  createdAt: z.string(),
  source: z.object({ driver: z.enum(['pglite', 'postgres']), abateVersion: z.string() }),
  /** The last migration applied to the database the backup was taken from (drizzle/meta/_journal.json). */
  schemaMigration: z.object({ tag: z.string().nullable(), when: z.number().int(), hash: z.string() }),
  /** Row count of every table in the file, in the order the tables appear (and are restored). */
  tables: z.record(tableName, z.number().int().nonnegative()),
  excluded: z.record(z.string(), z.string()),
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const tableLineSchema = z.object({
  table: tableName,
  columns: z
    .array(z.object({ name: z.string().min(1).max(63), type: z.string(), encoding: columnEncoding }))
    .min(1),
  /** Identity columns' sequence positions in the source, so that a restored database never reuses an id. */
  identity: z.record(z.string(), z.object({ lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
});
export type TableLine = z.infer<typeof tableLineSchema>;

/** A problem with the backup file itself or with what it is asked to do; printed as one line. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}
