import type { Database } from '@/db/client';
import { getDb } from '@/db/runtime';
import { localitiesWhere, requireScope } from '@/lib/auth/authorize';
import { getRequestActor } from '@/app/_lib/request-actor';
import { Forbidden, Unauthenticated } from '@/lib/errors';
import { findLocalityBySlug, type LocalityRef } from '@/lib/data/localities';

export type ExportAccess = { ok: true; db: Database; locality: LocalityRef } | { ok: false; response: Response };

/**
 * The check every CSV route handler makes before it reads a row: a signed-in person (from the session cookie) who
 * may read this locality, through the same `requireScope` the services use. Someone without access gets the same
 * 404 as for a locality that does not exist, as the staff pages do, so the export reveals nothing.
 */
export async function authorizeLocalityExport(slug: string): Promise<ExportAccess> {
  const db = await getDb();
  const [actor, locality] = await Promise.all([getRequestActor(), findLocalityBySlug(db, slug)]);
  try {
    if (!actor) throw new Unauthenticated();
    if (!locality) throw new Forbidden();
    requireScope(actor, 'locality.read', locality.id);
    return { ok: true, db, locality };
  } catch (error) {
    if (error instanceof Unauthenticated) {
      return { ok: false, response: plain(401, 'Please sign in to export this list.') };
    }
    if (error instanceof Forbidden) return { ok: false, response: plain(404, 'Not found.') };
    throw error;
  }
}

export type AuditExportAccess = { ok: true; db: Database; scope: number[] | 'all' } | { ok: false; response: Response };

/** The same check for the audit log's download: a signed-in person who may read the log of at least one locality. */
export async function authorizeAuditExport(): Promise<AuditExportAccess> {
  const actor = await getRequestActor();
  if (!actor) return { ok: false, response: plain(401, 'Please sign in to export the audit log.') };
  const scope = localitiesWhere(actor, 'audit.read');
  if (scope !== 'all' && scope.length === 0) return { ok: false, response: plain(404, 'Not found.') };
  return { ok: true, db: await getDb(), scope };
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' } });
}
