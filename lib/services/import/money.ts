import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { requireScope } from '@/lib/auth/authorize';
import { queryRows } from '@/lib/data/rows';
import { readSpreadsheet, type ImportRowError } from '@/lib/import';
import { isSystemActor, type ImportActor, type ImportAuthority } from './actor';
import { importMaxBytes } from './limits';

/**
 * What the imports of records (receipts, expenditures, expected payments, outcomes) share: who may import (the money
 * verbs' own permission), reading the file, and the rows already imported, found by their import keys.
 */

export interface MoneyImportInput {
  localityId: number;
  fileName: string;
  bytes: Uint8Array;
  /** header → field name of the kind (null: ignore the column); columns it leaves out are suggested by synonym. */
  mapping?: Record<string, string | null>;
  /** Defaults to ABATE_IMPORT_MAX_BYTES, or 20 MiB. */
  maxBytes?: number;
  /** YYYY-MM-DD, the latest date a row may carry (lib/services/expenditures/guardrails.ts); tests pin it. Defaults to today (UTC). */
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

/** Who imports (null for the command line) and how they were allowed, as every audit row of the import says. */
export type MoneyImportAuthority = Pick<ImportAuthority, 'userId' | 'via'>;

/** A row the import does not create, and why: not a record at all, or one already imported. */
export interface MoneySkippedRow {
  row: number;
  kind: 'not-a-line' | 'already-imported';
  reason: string;
}

/** What a money kind's import would do: the records it creates, the rows it cannot, those it skips, and notes. */
export interface MoneyImportPlan<T> {
  create: T[];
  errors: ImportRowError[];
  skipped: MoneySkippedRow[];
  totals: { amountCents: bigint };
  /** How the file was read (fiscal years from the dates, interest rows, …). */
  notes: string[];
}

/**
 * Receipts and expenditures are written with `money.write`, as the forms write them; the command line is its own
 * actor (see actor.ts) and is recorded as `userId: null`.
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

/** Why a row is not imported again: "already imported (receipt 12)", or that record was deleted since. */
export function alreadyImportedReason(record: string, taken: { id: number; deleted: boolean }): string {
  return taken.deleted
    ? `already imported as ${record} ${taken.id}, which was deleted since; not imported again`
    : `already imported (${record} ${taken.id})`;
}

/**
 * The parsed rows a plan creates (each as `plan` makes it, in file order) and the rows it skips: those the file
 * holds that are not records, and each row whose import key is `taken` (`alreadyImported` says why), in row order.
 */
export function setAsideImported<Row extends { row: number; importKey: string }, Taken, Planned>(
  parsed: { rows: readonly Row[]; skipped: readonly { row: number; reason: string }[] },
  taken: ReadonlyMap<string, Taken>,
  alreadyImported: (taken: Taken, row: Row) => string,
  plan: (row: Row) => Planned,
): { create: Planned[]; skipped: MoneySkippedRow[] } {
  const skipped: MoneySkippedRow[] = parsed.skipped.map((row) => ({ ...row, kind: 'not-a-line' as const }));
  const create: Planned[] = [];
  for (const row of parsed.rows) {
    const already = taken.get(row.importKey);
    if (already === undefined) create.push(plan(row));
    else skipped.push({ row: row.row, kind: 'already-imported', reason: alreadyImported(already, row) });
  }
  skipped.sort((a, b) => a.row - b.row);
  return { create, skipped };
}
