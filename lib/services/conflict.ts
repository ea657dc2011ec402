import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { Conflict } from '@/lib/errors';

/**
 * What a form receives when someone else saved the record after it was opened: their saved values (in the form's
 * own shape, so they can be shown beside the person's unsaved ones), the version to save over, and who and when.
 */
export interface ConflictCurrent<Values> {
  entity: string;
  id: number;
  /** Save again with this version to put your values on top of theirs. */
  version: number;
  changedBy: string;
  /** ISO timestamp of their change. */
  changedAt: string;
  values: Values;
  /** Set when their change was a delete: there is nothing left to save over. */
  deleted?: boolean;
}

export interface LastChange {
  by: string;
  at: Date;
}

/** Who made the latest recorded change to a record, from the audit log (which nobody can rewrite). */
export async function lastChangeOf(executor: Executor, entity: string, id: number): Promise<LastChange | null> {
  const [row] = await executor
    .select({ at: auditLog.at, name: users.name, email: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.id))
    .limit(1);
  if (!row) return null;
  return { by: row.name || row.email || 'an automatic process', at: row.at };
}

/** "2026-03-04 14:05:09 UTC": unambiguous for everyone who reads it, wherever they are. */
export function formatChangeTime(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Builds the Conflict a verb throws when the version it was given is no longer the saved one. */
export async function staleVersionConflict<Values>(
  executor: Executor,
  details: { entity: string; id: number; version: number; values: Values; deleted?: boolean },
): Promise<Conflict> {
  const change = await lastChangeOf(executor, details.entity, details.id);
  const by = change?.by ?? 'someone else';
  const at = change ? formatChangeTime(change.at) : 'an unknown time';
  const current: ConflictCurrent<Values> = {
    entity: details.entity,
    id: details.id,
    version: details.version,
    changedBy: by,
    changedAt: change?.at.toISOString() ?? '',
    values: details.values,
    ...(details.deleted ? { deleted: true } : {}),
  };
  const message = details.deleted
    ? `Deleted by ${by} at ${at} since you opened it.`
    : `Changed by ${by} at ${at} since you opened it. Their saved values are shown beside yours; nothing you typed is lost.`;
  return new Conflict(message, current);
}
