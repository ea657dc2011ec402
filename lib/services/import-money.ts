import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { requireScope } from '@/lib/auth/authorize';
import { queryRows } from '@/lib/data/rows';
import { readSpreadsheet, type ImportRowError } from '@/lib/import';
import { isSystemActor, type ImportActor } from './import-actor';
import { importMaxBytes } from './import-limits';

/**
 * What the receipt and expenditure imports share: who may import (the money verbs' own permission), reading the
 * file, the keys already taken, the per-record audit rows and the refusal when any row has a problem.
 */

export interface MoneyImportInput {
  localityId: number;
  fileName: string;
  bytes: Uint8Array;
  /** header → field name of the kind (null: ignore the column); columns it leaves out are suggested by synonym. */
  mapping?: Record<string, string | null>;
  /** Defaults to ABATE_IMPORT_MAX_BYTES, or 20 MiB. */
  maxBytes?: number;
  /** YYYY-MM-DD, the latest date a row may carry (money-guardrails.ts); tests pin it. Defaults to today (UTC). */
  today?: string;
  /**
   * Receipts and payments: post them as they are written (counted publicly at once), for a report already
   * published; otherwise they are drafts, posted from the workspace's lists.
   */
  post?: boolean;
}

export interface MoneyImportCommitInput extends MoneyImportInput {
  /** How many records the confirmed preview said would be created; a different count now refuses the commit. */
  expectedRowCount?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface MoneyImportAuthority {
  userId: number | null;
  via: string;
}

/** A row the import does not create, and why: not a record at all, or one already imported. */
export interface MoneySkippedRow {
  row: number;
  kind: 'not-a-line' | 'already-imported';
  reason: string;
}

export type MoneyImportFailure = {
  ok: false;
  reason: string;
  errors: ImportRowError[];
  headers?: string[];
  mapping?: Record<string, string | null>;
};

// The allocation import's lock key: imports of every kind into one locality run one at a time.
export const IMPORT_LOCK_KEY = 41_870_004;
export const MONEY_IMPORT_BATCH_ROWS = 5_000;

/**
 * Receipts and expenditures are written with `money.write`, as the forms write them; the command line is its own
 * actor (see import-actor.ts) and is recorded as `userId: null`.
 */
export function requireMoneyImportScope(actor: ImportActor | null, localityId: number): MoneyImportAuthority {
  if (isSystemActor(actor)) return { userId: null, via: actor.reason };
  requireScope(actor, 'money.write', localityId);
  return { userId: actor.userId, via: 'spreadsheet import' };
}

export async function readMoneyFile(input: MoneyImportInput): Promise<{ ok: true; rows: string[][] } | { ok: false; reason: string }> {
  return readSpreadsheet(input.bytes, input.fileName, { maxBytes: input.maxBytes ?? importMaxBytes() });
}

/** import_key of every record of the table in the locality, deleted ones too: a deleted record's key stays taken. */
export async function takenImportKeys(
  executor: Executor,
  table: 'receipts' | 'expenditures',
  localityId: number,
): Promise<Map<string, { id: number; deleted: boolean }>> {
  const rows = await queryRows<{ id: number; importKey: string; deleted: boolean }>(
    executor,
    sql`select id, import_key as "importKey", deleted_at is not null as deleted
        from ${sql.raw(table)} where locality_id = ${localityId} and import_key is not null`,
  );
  return new Map(rows.map((row) => [row.importKey, { id: Number(row.id), deleted: row.deleted }]));
}

/** "3 rows have problems; nothing was imported. …", the allocation import's words. */
export function problemsReason(errors: readonly ImportRowError[]): string {
  const rows = new Set(errors.map((error) => error.row)).size;
  return (
    `${rows} ${rows === 1 ? 'row has a problem' : 'rows have problems'}; nothing was imported. ` +
    `Fix ${rows === 1 ? 'it' : 'them'} in the file and import it again.`
  );
}

export function countChangedReason(expected: number, now: number, records: string): string {
  return (
    `The preview said ${expected} ${records} would be created, but now ${now} would be ` +
    `(the file or the ${records} already recorded changed in between); nothing was imported. Preview again.`
  );
}

/** JSON for the database: bigint cents as exact decimal strings. */
export function toJson(rows: readonly object[]): string {
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/** Lets a server on the embedded database answer other requests between batches. */
export function yieldTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
