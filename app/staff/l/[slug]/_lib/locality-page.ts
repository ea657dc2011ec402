import 'server-only';
import type { SearchParams } from '@/app/_components/search-params';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { getDb } from '@/db/runtime';
import type { Verb } from '@/lib/auth/authorize';

/** What Next hands a page of a locality's staff workspace. */
export interface LocalityRoute<Params extends { slug: string } = { slug: string }> {
  params: Promise<Params>;
  searchParams: Promise<SearchParams>;
}

/**
 * The start of a locality's staff page: the person, who must be allowed to `verb` there (anyone else finds nothing,
 * and someone signed out signs in and comes back to `page`), the locality, the page's search parameters and the
 * database.
 */
export async function openLocalityPage(route: LocalityRoute, page: string, verb: Verb = 'locality.read') {
  const { slug } = await route.params;
  const { actor, locality } = await requireLocalityAccess(slug, verb, page === '' ? `/staff/l/${slug}` : `/staff/l/${slug}/${page}`);
  const query = await route.searchParams;
  return { actor, locality, query, db: await getDb() };
}
