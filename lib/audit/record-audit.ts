import type { Executor } from '@/db/client';
import { auditLog } from '@/db/schema';

export interface AuditEntry {
  userId: number | null;
  localityId: number | null;
  action: string;
  entity: string;
  entityId: string | number | bigint;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** JSON cannot hold a bigint; money goes into the log as its exact decimal string of cents. */
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/**
 * Call inside the same transaction as the write it describes. It only writes the rows: the data-change signal that
 * drops cached public reads is sent once by the transaction at its commit (withTransaction in
 * lib/services/context.ts; services write audit rows through its emitAudit, which notes their localities).
 */
export async function recordAudit(executor: Executor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await executor.insert(auditLog).values(
    list.map((entry) => ({
      userId: entry.userId,
      localityId: entry.localityId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
      reason: entry.reason ?? null,
    })),
  );
}
