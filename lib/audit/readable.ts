/**
 * The audit log for people to read: what each action is called, which record a row is about ("Allocation 'Mobile
 * naloxone van'"), and which fields changed from what to what ("Amount $15,250.00 → $16,000.00"), never the
 * internals (ids, versions, who-submitted ids). One reader for every page that shows history: the staff audit log,
 * its CSV, and an allocation's own history. The log holds whatever each writer recorded (the staff forms, the
 * import, the demo seed), so every reader here is tolerant of each shape and never fails over an unfamiliar entry.
 */
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import { COST_TYPE_LABELS } from '@/lib/services/cost-type-labels';
import { shortenText } from '@/lib/text/shorten';

export type Snapshot = Record<string, unknown>;
/** Category labels by id, for splits recorded before they carried their own label. */
export type CategoryLabels = ReadonlyMap<number, string>;

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export const ACTION_LABELS: Readonly<Record<string, string>> = {
  create: 'Created',
  update: 'Edited',
  delete: 'Deleted',
  submit: 'Submitted for review',
  return_to_draft: 'Returned to draft',
  approve: 'Approved',
  post: 'Posted (counted in public)',
  return: 'Returned by the board',
  import: 'Imported a file',
  set_password: 'Set their password with a link',
};

/** The kinds of record the log holds, with what the filter calls them; in the order the filter lists them. */
export const AUDIT_ENTITY_LABELS = {
  allocation: 'Allocations',
  receipt: 'Receipts',
  expenditure: 'Payments',
  expected_payment: 'Expected settlement payments',
  import: 'Imports',
  recipient: 'Recipients',
  equity_goal: 'Equity goals',
  locality_context: 'Population and overdose deaths',
  context_breakdown: 'Breakdowns by group',
  people_served: 'People served',
  user: 'People',
  membership: 'Memberships',
  password_setup_link: 'Set-password links',
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITY_LABELS;
export const AUDIT_ENTITIES = Object.keys(AUDIT_ENTITY_LABELS) as [AuditEntity, ...AuditEntity[]];

const STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  returned: 'Returned',
};

const ROLE_LABELS: Readonly<Record<string, string>> = { admin: 'Administrator', editor: 'Editor', reviewer: 'Reviewer' };

type Reader = (value: Snapshot, labels: CategoryLabels) => string;

/** Every field a person may want to see change, in the order they are listed; anything else is an internal. */
const FIELDS: readonly { field: string; label: string; read: Reader }[] = [
  { field: 'program', label: 'Program', read: (v) => text(v.program) },
  { field: 'name', label: 'Name', read: (v) => text(v.name) },
  { field: 'email', label: 'Email', read: (v) => text(v.email) },
  { field: 'role', label: 'Role', read: (v) => ROLE_LABELS[text(v.role)] ?? text(v.role) },
  { field: 'locality', label: 'Locality', read: (v) => nameOf(v.locality) },
  { field: 'description', label: 'Description', read: (v) => text(v.description) },
  { field: 'fiscalYear', label: 'Fiscal year', read: (v) => (v.fiscalYear == null ? '' : `FY${text(v.fiscalYear)}`) },
  { field: 'receivedOn', label: 'Received on', read: (v) => text(v.receivedOn) },
  { field: 'paidOn', label: 'Paid on', read: (v) => text(v.paidOn) },
  { field: 'expectedOn', label: 'Expected on', read: (v) => text(v.expectedOn) },
  { field: 'amountCents', label: 'Amount', read: (v) => money(v.amountCents) },
  { field: 'allocation', label: 'Allocation', read: (v) => nameOf(v.allocation) || text(v.allocationProgram) },
  { field: 'recipient', label: 'Recipient', read: (v) => nameOf(v.recipient) || text(v.recipientName) },
  { field: 'source', label: 'Funding source', read: (v) => nameOf(v.source) || text(v.sourceKey) },
  { field: 'costType', label: 'Cost type', read: (v) => costType(v.costType) },
  { field: 'splits', label: 'Categories', read: (v, labels) => splitsText(v.splits, labels) },
  { field: 'note', label: 'Note', read: (v) => text(v.note) },
  { field: 'paymentYear', label: 'Settlement payment year', read: (v) => text(v.paymentYear) },
  { field: 'overspendReason', label: 'Reason for paying beyond the allocation', read: (v) => text(v.overspendReason) },
  { field: 'moneyNeedsApproval', label: 'Board approves receipts and payments', read: (v) => (v.moneyNeedsApproval === undefined ? '' : v.moneyNeedsApproval ? 'yes' : 'no') },
  { field: 'population', label: 'Residents', read: (v) => text(v.population) },
  { field: 'overdoseDeaths', label: 'Overdose deaths', read: (v) => text(v.overdoseDeaths) },
  { field: 'measure', label: 'Measure', read: (v) => text(v.measure) },
  { field: 'target', label: 'Target', read: (v) => text(v.target) },
  { field: 'fileName', label: 'File', read: (v) => text(v.fileName) },
  { field: 'created', label: 'Lines created', read: (v) => text(v.created) },
  { field: 'updated', label: 'Lines updated', read: (v) => text(v.updated) },
  { field: 'status', label: 'Status', read: (v) => STATUS_LABELS[text(v.status)] ?? text(v.status) },
  // Only receipts and payments have it: absent elsewhere (and in rows written before posting existed).
  { field: 'postedAt', label: 'Posted', read: (v) => (v.postedAt === undefined ? '' : v.postedAt ? 'yes' : 'no (draft)') },
  { field: 'deletedAt', label: 'Deleted', read: (v) => (v.deletedAt ? 'yes' : '') },
  { field: 'expiresAt', label: 'Works until', read: (v) => text(v.expiresAt) },
];

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function nameOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const named = value as Snapshot;
    return text(named.name ?? named.program ?? '');
  }
  return '';
}

function money(value: unknown): string {
  const digits = text(value);
  return /^-?\d+$/.test(digits) ? formatCents(BigInt(digits)) : digits;
}

function costType(value: unknown): string {
  const key = text(value);
  return key in COST_TYPE_LABELS ? COST_TYPE_LABELS[key as keyof typeof COST_TYPE_LABELS] : key;
}

function splitsText(value: unknown, labels: CategoryLabels): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((split: unknown) => {
      const s = (split ?? {}) as Snapshot;
      const label = text(s.categoryLabel) || labels.get(Number(s.categoryId)) || text(s.categoryKey) || `category ${text(s.categoryId)}`;
      const bp = Number(s.shareBasisPoints);
      return Number.isSafeInteger(bp) ? `${label} ${formatPercentFromBasisPoints(bp)}` : label;
    })
    .join('; ');
}

/** A snapshot as stored (an object, or JSON text from some drivers), or null. */
export function asSnapshot(value: unknown): Snapshot | null {
  if (typeof value === 'string') {
    try {
      return asSnapshot(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Snapshot) : null;
}

/** The fields that differ between two snapshots; for a creation, every field that has a value. */
export function describeChanges(before: Snapshot | null, after: Snapshot | null, labels: CategoryLabels = new Map()): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { field, label, read } of FIELDS) {
    const was = before ? read(before, labels) : '';
    const now = after ? read(after, labels) : '';
    if (was !== now) changes.push({ field, label, before: was, after: now });
  }
  return changes;
}

/** Category ids a snapshot's splits name, to look their labels up. */
export function categoryIdsIn(snapshot: Snapshot | null): number[] {
  if (!snapshot || !Array.isArray(snapshot.splits)) return [];
  return snapshot.splits
    .map((split: unknown) => Number((split as Snapshot | null)?.categoryId))
    .filter((id) => Number.isSafeInteger(id) && id > 0);
}

const RECORD_NOUN: Readonly<Record<string, string>> = {
  allocation: 'Allocation',
  receipt: 'Receipt',
  expenditure: 'Payment',
  expected_payment: 'Expected payment',
  import: 'Import',
  recipient: 'Recipient',
  equity_goal: 'Equity goal',
  locality_context: 'Population and deaths',
  context_breakdown: 'Breakdown by group',
  people_served: 'People served',
  user: 'Person',
  password_setup_link: 'Set-password link',
  membership: 'Membership',
};

/**
 * What a row is about, named as people know it: "Allocation 'Mobile naloxone van'", "Receipt of $25,000.00 on
 * 2025-08-01", "Person 'Dana Reyes'"; the kind and number when the snapshots hold no name.
 */
export function recordTitle(entity: string, entityId: string, before: Snapshot | null, after: Snapshot | null): string {
  const noun = RECORD_NOUN[entity] ?? entity;
  const s = after ?? before ?? {};
  const quoted = (name: string) => `${noun} '${name}'`;
  switch (entity) {
    case 'allocation':
      if (text(s.program)) return quoted(text(s.program));
      break;
    case 'receipt':
      if (s.amountCents != null) return `${noun} of ${money(s.amountCents)}${s.receivedOn ? ` on ${text(s.receivedOn)}` : ''}`;
      break;
    case 'expenditure':
      if (s.amountCents != null) {
        const line = nameOf(s.allocation);
        return `${noun} of ${money(s.amountCents)}${s.paidOn ? ` on ${text(s.paidOn)}` : ''}${line ? ` for '${line}'` : ''}`;
      }
      break;
    case 'expected_payment':
      if (s.amountCents != null) return `${noun} of ${money(s.amountCents)}${s.paymentYear ? ` (payment year ${text(s.paymentYear)})` : ''}`;
      break;
    case 'import':
      if (text(s.fileName)) return `${noun} of '${text(s.fileName)}'`;
      break;
    case 'user':
      if (text(s.name) || text(s.email)) return quoted(text(s.name) || text(s.email));
      break;
    case 'password_setup_link':
      if (text(s.email)) return `${noun} for '${text(s.email)}'`;
      break;
    case 'recipient':
      if (text(s.name)) return quoted(text(s.name));
      break;
    case 'equity_goal':
      if (text(s.measure)) return quoted(text(s.measure));
      break;
    case 'locality_context':
      if (s.fiscalYear != null) return `${noun}, FY${text(s.fiscalYear)}`;
      break;
  }
  return `${noun} #${entityId}`;
}

/** "Amount: $15,250.00 → $16,000.00; Program: A → B" (an edit), or "Amount: $15,250.00; Program: A" (a creation). */
export function changeSummary(changes: readonly FieldChange[], limit = 6): string {
  const parts = changes.slice(0, limit).map(({ label, before, after }) => {
    if (before === '') return `${label}: ${shorten(after)}`;
    return `${label}: ${shorten(before)} → ${after === '' ? '(none)' : shorten(after)}`;
  });
  if (changes.length > limit) parts.push(`and ${changes.length - limit} more`);
  return parts.join('; ');
}

function shorten(value: string): string {
  return shortenText(value, 80);
}
