import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { ImportRowError } from '@/lib/import';
import { withTransaction, type ServiceContext, type ServiceTransaction } from '../context';

/**
 * What the preview and the commit of every kind of import share. A preview plans and writes nothing. A commit plans
 * again in ONE transaction holding the locality's import lock, against what the database holds at that moment, and
 * writes everything or nothing: a row with a problem, or a count other than the preview's, refuses the whole import.
 */

type FileMapping = Record<string, string | null>;

/** The file as a whole could not be read as the kind (unreadable, too large, a required column not mapped). */
export type FileRefusal<M = FileMapping> = { ok: false; reason: string; headers?: string[]; mapping?: M };

/** A commit that wrote nothing, and why: the file's problem, or the rows' problems. */
export type ImportRefusal<M = FileMapping> = {
  ok: false;
  reason: string;
  errors: ImportRowError[];
  headers?: string[];
  mapping?: M;
};

/** A file read and planned: its headers, how they were mapped, and the kind's plan. */
export interface PlannedFile<P, M = FileMapping> {
  ok: true;
  headers: string[];
  mapping: M;
  plan: P;
}

/** The file as read (its headers and mapping) with the plan made of it. */
export function plannedFile<P, M>(file: { headers: string[]; mapping: M }, plan: P): PlannedFile<P, M> {
  return { ok: true, headers: file.headers, mapping: file.mapping, plan };
}

export type ImportPreviewOf<P, M = FileMapping> =
  | ({ ok: true; fileName: string; headers: string[]; mapping: M; committable: boolean } & P)
  | FileRefusal<M>;

// pg_advisory_xact_lock(key1, key2): (this number, locality id) serializes imports of every kind into one locality.
export const IMPORT_LOCK_KEY = 41_870_004;

/** The preview of a planned file: committable when no row has a problem. */
export function previewOf<P extends { errors: readonly unknown[] }, M>(fileName: string, planned: PlannedFile<P, M>): ImportPreviewOf<P, M> {
  const { headers, mapping, plan } = planned;
  return { ok: true, fileName, headers, mapping, committable: plan.errors.length === 0, ...plan };
}

/** A commit refused as a whole, with no row's problem to list. */
export function refusedFile<M>(reason: string, file: { headers?: string[]; mapping?: M }): ImportRefusal<M> {
  return { ok: false, reason, errors: [], headers: file.headers, mapping: file.mapping };
}

/**
 * The commit of every kind: under the lock `planNow` plans the file again; a problem, or a count that changed since
 * the preview (`records` names them: "receipts"), refuses it; otherwise `write` writes the plan under a new import id.
 * The transaction is withTransaction's, so the import's audit row (recordImportAudit) signals the change at commit.
 */
export async function commitUnderImportLock<P extends { errors: ImportRowError[]; create: readonly unknown[] }, M, R>(
  ctx: ServiceContext<unknown>,
  input: { localityId: number; expectedRowCount?: number },
  records: string,
  planNow: (tx: Executor) => Promise<PlannedFile<P, M> | FileRefusal<M>>,
  write: (tx: ServiceTransaction, planned: PlannedFile<P, M>, importId: string) => Promise<R | ImportRefusal<M>>,
): Promise<R | ImportRefusal<M>> {
  return withTransaction(ctx, async ({ db: tx }) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY}, ${input.localityId})`);
    const planned = await planNow(tx);
    if (!planned.ok) return refusedFile(planned.reason, planned);
    const { plan } = planned;
    if (plan.errors.length > 0) {
      return { ok: false as const, reason: problemsReason(plan.errors), errors: plan.errors, headers: planned.headers, mapping: planned.mapping };
    }
    if (input.expectedRowCount !== undefined && input.expectedRowCount !== plan.create.length) {
      return refusedFile(countChangedReason(input.expectedRowCount, plan.create.length, records), planned);
    }
    return write(tx, planned, crypto.randomUUID());
  });
}

/** "3 rows have problems; nothing was imported. …" */
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
