import { z } from 'zod';
import { AUDIT_ENTITIES } from '@/lib/audit/readable';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The audit log's filters from its URL, shared by the page and its download; anything malformed is ignored. */
export const auditFilterSchema = z.object({
  locality: z.string().max(100).optional().catch(undefined),
  user: z.string().max(320).optional().catch(undefined),
  entity: z.enum(AUDIT_ENTITIES).optional().catch(undefined),
  record: z.string().max(40).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditFilterParams = z.infer<typeof auditFilterSchema>;

export function parseAuditFilter(entries: Iterable<[string, string | string[] | undefined]>): AuditFilterParams {
  const raw = Object.fromEntries([...entries].map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]));
  return auditFilterSchema.parse(raw);
}

/** The filter as the query of a link (the page's own, or its download's), with `page` left out unless given. */
export function auditQuery(filter: AuditFilterParams, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(Object.entries({ ...filter, page: undefined, ...extra }).filter((e): e is [string, string] => !!e[1]));
  return params.toString();
}

/** The query for lib/data/audit-log.ts. */
export function auditLogFilter(filter: AuditFilterParams, scope: number[] | 'all') {
  return { scope, localitySlug: filter.locality, userEmail: filter.user, entity: filter.entity, entityId: filter.record, from: filter.from, to: filter.to };
}
