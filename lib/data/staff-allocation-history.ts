/**
 * An allocation's history, read from the append-only audit log: who did what, when, why, and which fields changed
 * from what to what. The log holds whatever each writer recorded (the staff forms, the import, the demo seed), so
 * the reader is tolerant of each shape and never fails a page over an unfamiliar entry.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ACTION_LABELS, asSnapshot, categoryIdsIn, describeChanges, type FieldChange } from '@/lib/audit/readable';
import { queryRows } from './rows';

export type HistoryChange = FieldChange;

export interface HistoryEntry {
  id: string;
  /** "YYYY-MM-DD HH:MM:SS UTC" */
  at: string;
  who: string;
  action: string;
  actionLabel: string;
  reason: string | null;
  changes: HistoryChange[];
}

export async function getAllocationHistory(executor: Executor, localityId: number, allocationId: number): Promise<HistoryEntry[]> {
  const rows = await queryRows<{
    id: string;
    at: string;
    who: string | null;
    action: string;
    before: unknown;
    after: unknown;
    reason: string | null;
  }>(
    executor,
    sql`select l.id::text as id, to_char(l.at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"') as at,
          coalesce(nullif(u.name, ''), u.email) as who, l.action, l.before, l.after, l.reason
        from audit_log l left join users u on u.id = l.user_id
        where l.entity = 'allocation' and l.entity_id = ${String(allocationId)} and l.locality_id = ${localityId}
        order by l.id`,
  );
  const parsed = rows.map((row) => ({ ...row, before: asSnapshot(row.before), after: asSnapshot(row.after) }));
  const ids = [...new Set(parsed.flatMap((row) => [...categoryIdsIn(row.before), ...categoryIdsIn(row.after)]))];
  const labels = new Map<number, string>();
  if (ids.length > 0) {
    const found = await queryRows<{ id: number; label: string }>(
      executor,
      sql`select id, label from categories where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
    );
    for (const row of found) labels.set(row.id, row.label);
  }
  return parsed.map((row) => ({
    id: row.id,
    at: row.at,
    who: row.who ?? 'Abate (automatic)',
    action: row.action,
    actionLabel: ACTION_LABELS[row.action] ?? row.action,
    reason: row.reason,
    // A deletion changes nothing but the fact that the line is gone; listing every field as emptied would mislead.
    changes: row.action === 'delete' ? [] : describeChanges(row.before, row.after, labels),
  }));
}
