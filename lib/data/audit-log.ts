import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { PUBLIC_ACTOR_SQL, toPublicActor, type PublicActor } from './public-actor';
import { queryRows } from './rows';

export interface AuditLogFilter {
  /** Localities the reader may see, or all. */
  scope: number[] | 'all';
  localitySlug?: string;
  userEmail?: string;
  entity?: string;
  /** One record's history: its id, with `entity`. */
  entityId?: string;
  /** Inclusive ISO dates. */
  from?: string;
  to?: string;
}

export interface AuditLogEntry {
  id: string;
  at: Date;
  /** The person's name, or their e-mail address when they gave none; null for Abate itself. */
  userName: string | null;
  userEmail: string | null;
  /** Their role in the row's locality now (site administrator, or 'staff' once they have left it). */
  role: PublicActor;
  localityName: string | null;
  localitySlug: string | null;
  action: string;
  entity: string;
  entityId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
}

/** The filter as SQL over `audit_log h`, `users u`, `localities l`; null when it can match nothing. */
function whereOf(filter: AuditLogFilter): SQL | null {
  if (filter.scope !== 'all' && filter.scope.length === 0) return null;
  // No stored text holds NUL (PostgreSQL refuses it even as a bound parameter), so such a filter matches nothing.
  if ([filter.localitySlug, filter.userEmail, filter.entity, filter.entityId].some((text) => text?.includes('\u0000'))) return null;
  const conditions: SQL[] = [];
  if (filter.scope !== 'all') {
    conditions.push(sql`h.locality_id in (${sql.join(filter.scope.map((id) => sql`${id}`), sql`, `)})`);
  }
  if (filter.localitySlug) conditions.push(sql`l.slug = ${filter.localitySlug}`);
  if (filter.userEmail) conditions.push(sql`lower(u.email) = lower(${filter.userEmail})`);
  if (filter.entity) conditions.push(sql`h.entity = ${filter.entity}`);
  if (filter.entity && filter.entityId) conditions.push(sql`h.entity_id = ${filter.entityId}`);
  if (filter.from) conditions.push(sql`h.at >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`h.at < (${filter.to}::date + 1)`);
  return conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
}

const FROM = sql`from audit_log h
  left join users u on u.id = h.user_id
  left join localities l on l.id = h.locality_id
  left join memberships m on m.user_id = h.user_id and m.locality_id = h.locality_id`;

async function selectEntries(executor: Executor, where: SQL, page: SQL): Promise<AuditLogEntry[]> {
  const rows = await queryRows<Omit<AuditLogEntry, 'at' | 'role'> & { at: string | Date; role: string }>(
    executor,
    sql`select h.id::text as id, h.at, nullif(u.name, '') as "userName", u.email as "userEmail", ${PUBLIC_ACTOR_SQL} as role,
          l.name as "localityName", l.slug as "localitySlug", h.action, h.entity, h.entity_id as "entityId", h.reason, h.before, h.after
        ${FROM} where ${where} ${page}`,
  );
  return rows.map((row) => ({ ...row, at: new Date(row.at), role: toPublicActor(row.role) }));
}

/** One page of the log, newest first (in the order it was written), and how many rows match. */
export async function listAuditLog(
  executor: Executor,
  filter: AuditLogFilter & { page: number; pageSize: number },
): Promise<{ entries: AuditLogEntry[]; total: number }> {
  const where = whereOf(filter);
  if (!where) return { entries: [], total: 0 };
  const [count] = await queryRows<{ n: number }>(executor, sql`select count(*)::int as n ${FROM} where ${where}`);
  const entries = await selectEntries(executor, where, sql`order by h.id desc limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`);
  return { entries, total: count?.n ?? 0 };
}

/** Every matching row, newest first, in batches (for the CSV and XLSX downloads): keyset on the id, no offset. */
export async function* iterateAuditLog(executor: Executor, filter: AuditLogFilter, batchSize = 1_000): AsyncGenerator<AuditLogEntry[]> {
  const where = whereOf(filter);
  if (!where) return;
  let below: string | null = null;
  for (;;) {
    const after: SQL = below === null ? sql`` : sql`and h.id < ${below}::bigint`;
    const batch = await selectEntries(executor, sql`${where} ${after}`, sql`order by h.id desc limit ${batchSize}`);
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    below = batch[batch.length - 1]!.id;
  }
}
