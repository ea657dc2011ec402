/**
 * An allocation's history, read from the append-only audit log: who did what, when, why, and which fields changed
 * from what to what. The log holds whatever each writer recorded (the staff forms, the import, the demo seed), so
 * the reader is tolerant of each shape and never fails a page over an unfamiliar entry.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import { queryRows } from './rows';

export interface HistoryChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

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

const ACTION_LABELS: Readonly<Record<string, string>> = {
  create: 'Created',
  update: 'Edited',
  delete: 'Deleted',
  submit: 'Submitted for review',
  return_to_draft: 'Returned to draft',
  approve: 'Approved',
  return: 'Returned by the board',
};

const STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  returned: 'Returned',
};

type Json = Record<string, unknown>;

const FIELDS: readonly { field: string; label: string; read: (value: Json, labels: CategoryLabels) => string }[] = [
  { field: 'program', label: 'Program', read: (v) => text(v.program) },
  { field: 'description', label: 'Description', read: (v) => text(v.description) },
  { field: 'fiscalYear', label: 'Fiscal year', read: (v) => (v.fiscalYear == null ? '' : `FY${text(v.fiscalYear)}`) },
  { field: 'amountCents', label: 'Amount', read: (v) => money(v.amountCents) },
  { field: 'recipient', label: 'Recipient', read: (v) => nameOf(v.recipient) || text(v.recipientName) },
  { field: 'source', label: 'Funding source', read: (v) => nameOf(v.source) || text(v.sourceKey) },
  { field: 'splits', label: 'Categories', read: (v, labels) => splitsText(v.splits, labels) },
  { field: 'status', label: 'Status', read: (v) => STATUS_LABELS[text(v.status)] ?? text(v.status) },
];

type CategoryLabels = ReadonlyMap<number, string>;

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function nameOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'name' in value) return text((value as { name: unknown }).name);
  return '';
}

function money(value: unknown): string {
  const digits = text(value);
  return /^-?\d+$/.test(digits) ? formatCents(BigInt(digits)) : digits;
}

function splitsText(value: unknown, labels: CategoryLabels): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((split: unknown) => {
      const s = (split ?? {}) as Json;
      const label = text(s.categoryLabel) || labels.get(Number(s.categoryId)) || text(s.categoryKey) || `category ${text(s.categoryId)}`;
      const bp = Number(s.shareBasisPoints);
      return Number.isSafeInteger(bp) ? `${label} ${formatPercentFromBasisPoints(bp)}` : label;
    })
    .join('; ');
}

function asObject(value: unknown): Json | null {
  if (typeof value === 'string') {
    try {
      return asObject(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

/** The fields that differ between two snapshots; for a creation, every field that has a value. */
export function describeChanges(before: Json | null, after: Json | null, labels: CategoryLabels = new Map()): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const { field, label, read } of FIELDS) {
    const was = before ? read(before, labels) : '';
    const now = after ? read(after, labels) : '';
    if (was !== now) changes.push({ field, label, before: was, after: now });
  }
  return changes;
}

function categoryIdsIn(snapshot: Json | null): number[] {
  if (!snapshot || !Array.isArray(snapshot.splits)) return [];
  return snapshot.splits
    .map((split: unknown) => Number((split as Json | null)?.categoryId))
    .filter((id) => Number.isSafeInteger(id) && id > 0);
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
  const parsed = rows.map((row) => ({ ...row, before: asObject(row.before), after: asObject(row.after) }));
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
