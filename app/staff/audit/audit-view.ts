import { ACTION_LABELS, asSnapshot, AUDIT_ENTITY_LABELS, changeSummary, describeChanges, recordTitle } from '@/lib/audit/readable';
import type { AuditLogEntry } from '@/lib/data/audit-log';
import type { PublicActor } from '@/lib/data/public-actor';
import type { AuditFilterParams } from './audit-filter';

/** One row of the audit log as staff read it, on the page and in its download. */
export interface AuditRow {
  id: string;
  /** "2026-12-04 14:05 UTC" */
  when: string;
  /** "Dana Reyes, editor"; "Abate (automatic)" for rows no person wrote. */
  who: string;
  locality: string;
  action: string;
  /** "Allocation 'Mobile naloxone van'" */
  record: string;
  /** The record's own page, when it has one. */
  recordHref: string | null;
  /** This record's rows only (the log filtered to it). */
  historyHref: string;
  change: string;
  reason: string;
}

const STAFF_ROLE_LABEL: Record<PublicActor, string> = {
  system: '',
  site_admin: 'site administrator',
  admin: 'administrator',
  editor: 'editor',
  reviewer: 'reviewer',
  staff: 'no longer a member',
};

/** Where each kind of record is shown: an allocation has its own page; a receipt or a payment, its edit form. */
const RECORD_PAGES: Readonly<Record<string, (id: string) => string>> = {
  allocation: (id) => `allocations/${id}`,
  receipt: (id) => `receipts/${id}/edit`,
  expenditure: (id) => `expenditures/${id}/edit`,
};

function who(entry: AuditLogEntry): string {
  const person = entry.userName ?? entry.userEmail;
  if (!person) return 'Abate (automatic)';
  const role = STAFF_ROLE_LABEL[entry.role];
  return role ? `${person}, ${role}` : person;
}

function recordHref(entry: AuditLogEntry): string | null {
  if (entry.entity === 'user') return '/staff/users';
  const page = RECORD_PAGES[entry.entity];
  if (!page || !entry.localitySlug || !/^\d+$/.test(entry.entityId)) return null;
  return `/staff/l/${entry.localitySlug}/${page(entry.entityId)}`;
}

export function auditRow(entry: AuditLogEntry): AuditRow {
  const before = asSnapshot(entry.before);
  const after = asSnapshot(entry.after);
  // A deletion changes nothing but the fact that the record is gone; listing every field as emptied would mislead.
  const change = entry.action === 'delete' ? '' : changeSummary(describeChanges(before, after));
  const history = new URLSearchParams({ entity: entry.entity, record: entry.entityId });
  return {
    id: entry.id,
    when: `${entry.at.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    who: who(entry),
    locality: entry.localityName ?? '—',
    action: ACTION_LABELS[entry.action] ?? entry.action,
    record: recordTitle(entry.entity, entry.entityId, before, after),
    recordHref: recordHref(entry),
    historyHref: `/staff/audit?${history.toString()}`,
    change,
    reason: entry.reason ?? '',
  };
}

/** "1,234 changes; page 2 of 25." */
export function auditCountText(total: number, page: number, pages: number): string {
  return `${total.toLocaleString('en-US')} ${total === 1 ? 'change' : 'changes'}; page ${page} of ${pages}.`;
}

/**
 * The record whose history the log is filtered to ("Allocation 'Naloxone kits'"), or null for the whole log. Its
 * newest row names it; with no row (another locality's, or a wrong number) the kind and number stand in.
 */
export function oneRecordTitle(filter: Pick<AuditFilterParams, 'entity' | 'record'>, rows: readonly Pick<AuditRow, 'record'>[]): string | null {
  if (!filter.entity || !filter.record) return null;
  return rows[0]?.record ?? `${AUDIT_ENTITY_LABELS[filter.entity]} #${filter.record}`;
}

/** The download's columns and each row's cells, in the same words as the page. */
export const AUDIT_EXPORT_HEADER = ['id', 'when_utc', 'who', 'locality', 'action', 'record', 'change', 'reason'] as const;

export function auditExportCells(row: AuditRow): string[] {
  return [row.id, row.when.replace(' UTC', ''), row.who, row.locality, row.action, row.record, row.change, row.reason];
}
