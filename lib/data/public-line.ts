import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { isStance, type Stance } from '@/lib/categories/labels';
import { lineFlags, type LineFlag } from '@/lib/equity/line-flags';
import { lineFlagFactsSql, readLineFlagFacts } from '@/lib/equity/line-flags-sql';
import { formatCents, formatPercentFromBasisPoints, splitCentsByShares } from '@/lib/money';
import { PUBLIC_ACTOR_SQL, toPublicActor, type PublicActor } from './public-actor';
import { queryRows, toCents } from './rows';
import { countedMoneySql } from '@/lib/data/sql/posted';
import { publicRecipient, RECIPIENT_COLUMNS, type LineIdentity, type PublicLineColumns, type PublicRecipient } from './line-refs';

export interface PublicLineSplit {
  categoryId: number;
  frameworkKey: string;
  frameworkName: string;
  key: string;
  label: string;
  group: string;
  stance: Stance | null;
  shareBasisPoints: number;
  allocatedCents: bigint;
  /** The line's spending to date split by the same shares (largest remainder: the parts add up to the cent). */
  spentCents: bigint;
}

export interface PublicExpenditure {
  id: number;
  paidOn: string;
  fiscalYear: number;
  amountCents: bigint;
  description: string;
  /** Why it was paid beyond what remained of the line; null when it was not (lib/services/expenditures/guardrails.ts). */
  overspendReason: string | null;
}

export interface PublicLineDetail extends LineIdentity {
  recipient: PublicRecipient | null;
  source: { name: string; kind: string } | null;
  allocatedCents: bigint;
  spentToDateCents: bigint;
  splits: PublicLineSplit[];
  expenditures: PublicExpenditure[];
  /** Criminal-legal-system recipients of the line (its recipient, or recipients its payments name). */
  criminalLegalRecipients: string[];
  /** The line's flags (lib/equity/line-flags), high severity first. */
  flags: LineFlag[];
}

/**
 * One line as the public may see it, or null. Null for every line that is not approved — a draft, a line under
 * review, a returned line, a deleted line — and for a line of another locality, so an id never reveals whether such
 * a line exists.
 */
export async function getPublicLine(executor: Executor, localityId: number, id: number): Promise<PublicLineDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const [line] = await queryRows<PublicLineColumns & { sourceKind: string | null; flagFacts: unknown }>(
    executor,
    sql`select a.id, a.fiscal_year::int as "fiscalYear", a.last_fiscal_year::int as "lastFiscalYear", a.program,
          a.description, a.amount_cents::text as allocated,
          ${RECIPIENT_COLUMNS},
          fs.name as "sourceName", fs.kind::text as "sourceKind", ${lineFlagFactsSql(sql`a.id`)} as "flagFacts"
        from allocations a
        left join recipients r on r.id = a.recipient_id
        left join funding_sources fs on fs.id = a.source_id
        where a.id = ${id} and a.locality_id = ${localityId} and a.status = 'approved' and a.deleted_at is null`,
  );
  if (!line) return null;

  const [splitRows, expenditureRows] = await Promise.all([
    queryRows<
      Pick<PublicLineSplit, 'categoryId' | 'frameworkKey' | 'frameworkName' | 'key' | 'label' | 'group'> & { stance: string | null; shareBp: number; amount: string }
    >(
      executor,
      sql`select c.id as "categoryId", f.key as "frameworkKey", f.name as "frameworkName", c.key, c.label,
            c.group_label as "group", c.stance::text as stance, s.share_bp as "shareBp", s.amount_cents::text as amount
          from allocation_splits s
          join categories c on c.id = s.category_id
          join frameworks f on f.id = c.framework_id
          where s.allocation_id = ${id}
          order by c.id`,
    ),
    queryRows<{ id: number; paidOn: string; fiscalYear: number; amount: string; description: string; overspendReason: string | null }>(
      executor,
      sql`select x.id, to_char(x.paid_on, 'YYYY-MM-DD') as "paidOn", x.fiscal_year::int as "fiscalYear",
            x.amount_cents::text as amount, x.description, x.overspend_reason as "overspendReason"
          from expenditures x
          where x.allocation_id = ${id} and x.locality_id = ${localityId} and ${countedMoneySql(sql`x`)}
          order by x.paid_on, x.id`,
    ),
  ]);

  const expenditures = expenditureRows.map((x) => ({
    id: x.id,
    paidOn: x.paidOn,
    fiscalYear: x.fiscalYear,
    amountCents: toCents(x.amount),
    description: x.description.trim(),
    overspendReason: x.overspendReason?.trim() || null,
  }));
  const spentToDateCents = expenditures.reduce((sum, x) => sum + x.amountCents, 0n);
  const shares = splitRows.map((s) => s.shareBp);
  const shareSum = shares.reduce((sum, s) => sum + s, 0);
  // Same tie-break as the SQL split (category id order); shares that do not add up to 100% are not split.
  const spentParts = shareSum === 10_000 ? splitCentsByShares(spentToDateCents, shares) : null;
  const splits = splitRows
    .map((s, index) => ({
      categoryId: s.categoryId,
      frameworkKey: s.frameworkKey,
      frameworkName: s.frameworkName,
      key: s.key,
      label: s.label,
      group: s.group,
      stance: isStance(s.stance) ? s.stance : null,
      shareBasisPoints: s.shareBp,
      allocatedCents: toCents(s.amount),
      spentCents: spentParts?.[index] ?? 0n,
    }))
    .sort((a, b) => b.shareBasisPoints - a.shareBasisPoints || a.categoryId - b.categoryId);

  const facts = readLineFlagFacts(line.flagFacts, line.description.trim());
  return {
    id: line.id,
    localityId,
    fiscalYear: line.fiscalYear,
    lastFiscalYear: line.lastFiscalYear,
    program: line.program,
    description: line.description.trim(),
    recipient: publicRecipient(line),
    source: line.sourceName !== null ? { name: line.sourceName, kind: line.sourceKind ?? '' } : null,
    allocatedCents: toCents(line.allocated),
    spentToDateCents,
    splits,
    expenditures,
    criminalLegalRecipients: facts.criminalLegalRecipients.slice(),
    flags: lineFlags(facts),
  };
}

export interface PublicHistoryChange {
  field: string;
  from: string;
  to: string;
}

/** The public fields a change can name (describePublicChanges). */
export type PublicChangeField = 'program' | 'description' | 'amount' | 'fiscalYear' | 'recipient' | 'source' | 'categories';

/**
 * One side of a change as facts, for a page to write in the reader's language: the English words of `changes`
 * (PublicHistoryChange) are written from the same facts.
 */
export type PublicChangeValue =
  | { kind: 'text'; text: string }
  | { kind: 'none' }
  | { kind: 'empty' }
  | { kind: 'cents'; cents: bigint }
  | { kind: 'fiscalYear'; year: string }
  | { kind: 'categories'; parts: PublicChangeCategory[] };

export interface PublicChangeCategory {
  /** The category's label when the change was made; its framework and key (null in an old record) to name it anew. */
  label: string;
  frameworkKey: string | null;
  key: string | null;
  shareBasisPoints: number | null;
}

export interface PublicChangeFacts {
  field: PublicChangeField;
  from: PublicChangeValue;
  to: PublicChangeValue;
}

export interface PublicHistoryEntry {
  id: string;
  at: Date;
  action: string;
  /** "Approved", "Returned for changes", … */
  label: string;
  actor: PublicActor;
  reason: string | null;
  changes: PublicHistoryChange[];
  /** The same changes as facts (PublicChangeFacts), in the same order, for a page in another language. */
  changeFacts: PublicChangeFacts[];
}

const ACTION_LABEL: Record<string, string> = {
  create: 'Created',
  import: 'Imported from a spreadsheet',
  update: 'Changed',
  submit: 'Submitted for review',
  approve: 'Approved',
  return: 'Returned for changes',
  return_to_draft: 'Taken back to draft',
  delete: 'Deleted',
};

/**
 * The public history of an approved line from the audit log: created, changed, submitted, approved or returned,
 * with the reason. Returns [] for a line that is not public (same rule as getPublicLine). Actors appear as roles.
 */
export async function getPublicLineHistory(
  executor: Executor,
  localityId: number,
  id: number,
): Promise<PublicHistoryEntry[]> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return [];
  const rows = await queryRows<{
    id: string;
    at: string | Date;
    action: string;
    reason: string | null;
    before: unknown;
    after: unknown;
    actor: string;
  }>(
    executor,
    sql`select h.id::text as id, h.at, h.action, h.reason, h.before, h.after,
          ${PUBLIC_ACTOR_SQL} as actor
        from allocations a
        join audit_log h on h.entity = 'allocation' and h.entity_id = a.id::text
        left join users u on u.id = h.user_id
        left join memberships m on m.user_id = h.user_id and m.locality_id = a.locality_id
        where a.id = ${id} and a.locality_id = ${localityId} and a.status = 'approved' and a.deleted_at is null
        order by h.at, h.id`,
  );
  return rows.map((row) => {
    const changeFacts = row.action === 'update' ? publicChangeFacts(parseJson(row.before), parseJson(row.after)) : [];
    return {
      id: row.id,
      at: new Date(row.at),
      action: row.action,
      label: ACTION_LABEL[row.action] ?? row.action.replace(/_/g, ' '),
      actor: toPublicActor(row.actor),
      reason: row.reason?.trim() || null,
      changes: changeFacts.map(englishChange),
      changeFacts,
    };
  });
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function nameOf(value: unknown): PublicChangeValue {
  const name = record(value).name;
  return typeof name === 'string' && name ? { kind: 'text', text: name } : { kind: 'none' };
}

function money(value: unknown): PublicChangeValue {
  if (typeof value !== 'string' && typeof value !== 'number') return { kind: 'none' };
  try {
    return { kind: 'cents', cents: BigInt(value) };
  } catch {
    return { kind: 'text', text: String(value) };
  }
}

function splits(value: unknown): PublicChangeValue {
  if (!Array.isArray(value) || value.length === 0) return { kind: 'none' };
  return {
    kind: 'categories',
    parts: value.map((split) => {
      const s = record(split);
      return {
        label: typeof s.categoryLabel === 'string' ? s.categoryLabel : String(s.categoryKey ?? '?'),
        frameworkKey: typeof s.frameworkKey === 'string' ? s.frameworkKey : null,
        key: typeof s.categoryKey === 'string' ? s.categoryKey : null,
        shareBasisPoints: typeof s.shareBasisPoints === 'number' ? s.shareBasisPoints : null,
      };
    }),
  };
}

const text = (value: string): PublicChangeValue => ({ kind: 'text', text: value });

/** A change's value in English words: "none", "(empty)", "$1.00", "FY2026", "MOUD 60%; Housing 40%". */
function englishValue(value: PublicChangeValue): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'none':
      return 'none';
    case 'empty':
      return '(empty)';
    case 'cents':
      return formatCents(value.cents);
    case 'fiscalYear':
      return `FY${value.year}`;
    case 'categories':
      return value.parts
        .map((part) => {
          const bp = part.shareBasisPoints === null ? '' : formatPercentFromBasisPoints(part.shareBasisPoints);
          return bp ? `${part.label} ${bp}` : part.label;
        })
        .join('; ');
  }
}

const FIELD_LABEL: Record<PublicChangeField, string> = {
  program: 'Program',
  description: 'Description',
  amount: 'Amount',
  fiscalYear: 'Fiscal year',
  recipient: 'Recipient',
  source: 'Funding source',
  categories: 'Categories',
};

function englishChange(change: PublicChangeFacts): PublicHistoryChange {
  return { field: FIELD_LABEL[change.field], from: englishValue(change.from), to: englishValue(change.to) };
}

/**
 * The public fields an edit changed, as facts. Only what the line page shows anyway is described (program,
 * description, amount, fiscal year, recipient, source, categories): never who submitted, versions or internal ids.
 * Two sides are compared by their English words, so a change is listed exactly when describePublicChanges lists it.
 */
export function publicChangeFacts(before: unknown, after: unknown): PublicChangeFacts[] {
  const a = record(before);
  const b = record(after);
  const fields: [PublicChangeField, (r: Record<string, unknown>) => PublicChangeValue][] = [
    ['program', (r) => text(String(r.program ?? ''))],
    ['description', (r) => text(String(r.description ?? ''))],
    ['amount', (r) => money(r.amountCents)],
    ['fiscalYear', (r) => (r.fiscalYear === undefined ? text('') : { kind: 'fiscalYear', year: String(r.fiscalYear) })],
    ['recipient', (r) => nameOf(r.recipient)],
    ['source', (r) => nameOf(r.source)],
    ['categories', (r) => splits(r.splits)],
  ];
  const changes: PublicChangeFacts[] = [];
  for (const [field, read] of fields) {
    const from = read(a);
    const to = read(b);
    const fromWords = englishValue(from);
    const toWords = englishValue(to);
    if (fromWords !== toWords) {
      changes.push({ field, from: fromWords ? from : { kind: 'empty' }, to: toWords ? to : { kind: 'empty' } });
    }
  }
  return changes;
}

/**
 * The public fields an edit changed, in English words (publicChangeFacts written out). Only what the line page
 * shows anyway is described: never who submitted, versions or internal ids.
 */
export function describePublicChanges(before: unknown, after: unknown): PublicHistoryChange[] {
  return publicChangeFacts(before, after).map(englishChange);
}
