import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from './rows';

export interface AuditLogFilter {
  /** Localities the reader may see, or all. */
  scope: number[] | 'all';
  localitySlug?: string;
  userEmail?: string;
  entity?: string;
  /** Inclusive ISO dates. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AuditLogEntry {
  id: string;
  at: Date;
  userEmail: string | null;
  localityName: string | null;
  action: string;
  entity: string;
  entityId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export async function listAuditLog(
  executor: Executor,
  filter: AuditLogFilter,
): Promise<{ entries: AuditLogEntry[]; total: number }> {
  if (filter.scope !== 'all' && filter.scope.length === 0) return { entries: [], total: 0 };
  // No stored text holds NUL (PostgreSQL refuses it even as a bound parameter), so such a filter matches nothing.
  if ([filter.localitySlug, filter.userEmail, filter.entity].some((text) => text?.includes('\u0000'))) return { entries: [], total: 0 };
  const conditions: SQL[] = [];
  if (filter.scope !== 'all') {
    conditions.push(sql`a.locality_id in (${sql.join(filter.scope.map((id) => sql`${id}`), sql`, `)})`);
  }
  if (filter.localitySlug) conditions.push(sql`l.slug = ${filter.localitySlug}`);
  if (filter.userEmail) conditions.push(sql`lower(u.email) = lower(${filter.userEmail})`);
  if (filter.entity) conditions.push(sql`a.entity = ${filter.entity}`);
  if (filter.from) conditions.push(sql`a.at >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`a.at < (${filter.to}::date + 1)`);
  const where = conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
  const from = sql`from audit_log a left join users u on u.id = a.user_id left join localities l on l.id = a.locality_id`;
  const [count] = await queryRows<{ n: number }>(executor, sql`select count(*)::int as n ${from} where ${where}`);
  const entries = await queryRows<AuditLogEntry & { at: string | Date }>(
    executor,
    sql`select a.id::text as id, a.at, u.email as "userEmail", l.name as "localityName", a.action, a.entity,
          a.entity_id as "entityId", a.reason, a.before, a.after
        ${from} where ${where}
        order by a.at desc, a.id desc
        limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`,
  );
  return { entries: entries.map((e) => ({ ...e, at: new Date(e.at) })), total: count?.n ?? 0 };
}
