import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { isRecipientType, isStance, type RecipientType, type Stance } from '@/lib/categories/labels';
import { lineFlags, type LineFlag } from '@/lib/equity/line-flags';
import { lineFlagFactsSql, readLineFlagFacts } from '@/lib/equity/line-flags-sql';
import { formatCents, formatPercentFromBasisPoints, splitCentsByShares } from '@/lib/money';
import { PUBLIC_ACTOR_SQL, toPublicActor, type PublicActor } from './public-actor';
import { queryRows, toCents } from './rows';
import { countedMoneySql } from '@/lib/data/sql/posted';

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
  /** Why it was paid beyond what remained of the line; null when it was not (lib/services/money-guardrails.ts). */
  overspendReason: string | null;
}

export interface PublicLineDetail {
  id: number;
  localityId: number;
  fiscalYear: number;
  /** The last year of a multi-year authorization; null for a line of one year. */
  lastFiscalYear: number | null;
  program: string;
  description: string;
  recipient: { name: string; type: RecipientType | null; livedExperienceLed: boolean } | null;
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
  const [line] = await queryRows<{
    id: number;
    fiscalYear: number;
    lastFiscalYear: number | null;
    program: string;
    description: string;
    allocated: string;
    recipientName: string | null;
    recipientType: string | null;
    livedExperienceLed: boolean | null;
    sourceName: string | null;
    sourceKind: string | null;
    flagFacts: unknown;
  }>(
    executor,
    sql`select a.id, a.fiscal_year::int as "fiscalYear", a.last_fiscal_year::int as "lastFiscalYear", a.program,
          a.description, a.amount_cents::text as allocated,
          r.name as "recipientName", r.type::text as "recipientType", r.lived_experience_led as "livedExperienceLed",
          fs.name as "sourceName", fs.kind::text as "sourceKind", ${lineFlagFactsSql(sql`a.id`)} as "flagFacts"
        from allocations a
        left join recipients r on r.id = a.recipient_id
        left join funding_sources fs on fs.id = a.source_id
        where a.id = ${id} and a.locality_id = ${localityId} and a.status = 'approved' and a.deleted_at is null`,
  );
  if (!line) return null;

  const [splitRows, expenditureRows] = await Promise.all([
    queryRows<{
      categoryId: number;
      frameworkKey: string;
      frameworkName: string;
      key: string;
      label: string;
      group: string;
      stance: string | null;
      shareBp: number;
      amount: string;
    }>(
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
    recipient:
      line.recipientName !== null
        ? {
            name: line.recipientName,
            type: isRecipientType(line.recipientType) ? line.recipientType : null,
            livedExperienceLed: line.livedExperienceLed === true,
          }
        : null,
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

export interface PublicHistoryEntry {
  id: string;
  at: Date;
  action: string;
  /** "Approved", "Returned for changes", … */
  label: string;
  actor: PublicActor;
  reason: string | null;
  changes: PublicHistoryChange[];
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
  return rows.map((row) => ({
    id: row.id,
    at: new Date(row.at),
    action: row.action,
    label: ACTION_LABEL[row.action] ?? row.action.replace(/_/g, ' '),
    actor: toPublicActor(row.actor),
    reason: row.reason?.trim() || null,
    changes: row.action === 'update' ? describePublicChanges(parseJson(row.before), parseJson(row.after)) : [],
  }));
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

function nameOf(value: unknown): string {
  const name = record(value).name;
  return typeof name === 'string' && name ? name : 'none';
}

function money(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return 'none';
  try {
    return formatCents(BigInt(value));
  } catch {
    return String(value);
  }
}

function splitsText(value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return 'none';
  return value
    .map((split) => {
      const s = record(split);
      const label = typeof s.categoryLabel === 'string' ? s.categoryLabel : String(s.categoryKey ?? '?');
      const bp = typeof s.shareBasisPoints === 'number' ? formatPercentFromBasisPoints(s.shareBasisPoints) : '';
      return bp ? `${label} ${bp}` : label;
    })
    .join('; ');
}

/**
 * The public fields an edit changed, in words. Only what the line page shows anyway is described (program,
 * description, amount, fiscal year, recipient, source, categories): never who submitted, versions or internal ids.
 */
export function describePublicChanges(before: unknown, after: unknown): PublicHistoryChange[] {
  const a = record(before);
  const b = record(after);
  const fields: [string, (r: Record<string, unknown>) => string][] = [
    ['Program', (r) => String(r.program ?? '')],
    ['Description', (r) => String(r.description ?? '')],
    ['Amount', (r) => money(r.amountCents)],
    ['Fiscal year', (r) => (r.fiscalYear === undefined ? '' : `FY${String(r.fiscalYear)}`)],
    ['Recipient', (r) => nameOf(r.recipient)],
    ['Funding source', (r) => nameOf(r.source)],
    ['Categories', (r) => splitsText(r.splits)],
  ];
  const changes: PublicHistoryChange[] = [];
  for (const [field, read] of fields) {
    const from = read(a);
    const to = read(b);
    if (from !== to) changes.push({ field, from: from || '(empty)', to: to || '(empty)' });
  }
  return changes;
}
