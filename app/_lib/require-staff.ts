import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/runtime';
import { can, type Actor, type Verb } from '@/lib/auth/authorize';
import { getRequestActor } from '@/app/_lib/request-actor';
import { findLocalityBySlug, type LocalityRef } from '@/lib/data/localities';

/** For staff pages: the signed-in person, or a redirect to sign in that comes back here afterwards. */
export async function requireSignedIn(returnTo: string): Promise<Actor> {
  await connection();
  const actor = await getRequestActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return actor;
}

/**
 * For a locality's staff pages: the person and the locality, when they may `verb` there. Someone without access
 * gets the same "not found" as for a locality that does not exist, so staff pages do not reveal what exists.
 */
export async function requireLocalityAccess(
  slug: string,
  verb: Verb,
  returnTo: string,
): Promise<{ actor: Actor; locality: LocalityRef }> {
  const actor = await requireSignedIn(returnTo);
  const locality = await findLocalityBySlug(await getDb(), slug);
  if (!locality || !can(actor, verb, locality.id)) notFound();
  return { actor, locality };
}

/** What every edit page reads: a record of one locality, with its soft-delete mark. */
interface LocalityRecord {
  localityId: number;
  deletedAt: Date | null;
}

/**
 * For the edit pages of a locality's records: the locality (when the person may write its money), the database and
 * the record `id` names, read by `read`. An id that is not a number, a deleted record and another locality's record
 * all get the same "not found" as one that does not exist.
 */
export async function requireEditableRecord<T extends LocalityRecord>(
  slug: string,
  id: string,
  returnTo: string,
  read: (db: Awaited<ReturnType<typeof getDb>>, id: number) => Promise<T | null>,
): Promise<{ locality: LocalityRef; db: Awaited<ReturnType<typeof getDb>>; snapshot: T }> {
  const { locality } = await requireLocalityAccess(slug, 'money.write', returnTo);
  if (!/^\d{1,10}$/.test(id)) notFound();
  const db = await getDb();
  const snapshot = await read(db, Number(id));
  if (!snapshot || snapshot.localityId !== locality.id || snapshot.deletedAt) notFound();
  return { locality, db, snapshot };
}
