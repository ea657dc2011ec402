import { Forbidden, NotFound, Unauthenticated } from '@/lib/errors';

export type Role = 'admin' | 'editor' | 'reviewer';

export interface Actor {
  userId: number;
  email: string;
  name: string;
  isSiteAdmin: boolean;
  /** locality id → role */
  memberships: ReadonlyMap<number, Role>;
}

/** Everything a signed-in person can ask to do, checked per locality on the server. */
export type Verb =
  | 'locality.read' // see a locality's drafts, history and staff pages
  | 'money.write' // create, edit, delete receipts, allocations, expenditures
  | 'allocation.submit' // draft → submitted, and back to draft
  | 'allocation.decide' // approve or return a submitted allocation (oversight board)
  | 'import.commit' // import a spreadsheet
  | 'audit.read' // the whole audit log of a locality
  | 'users.manage'; // add people to a locality, change roles, disable accounts

export const ROLES_ALLOWED: Readonly<Record<Verb, readonly Role[]>> = {
  'locality.read': ['admin', 'editor', 'reviewer'],
  'money.write': ['admin', 'editor'],
  'allocation.submit': ['admin', 'editor'],
  'allocation.decide': ['reviewer'],
  'import.commit': ['admin', 'editor'],
  'audit.read': ['admin'],
  'users.manage': ['admin'],
};

export const VERBS = Object.keys(ROLES_ALLOWED) as Verb[];

export function can(actor: Actor | null, verb: Verb, localityId: number): boolean {
  if (!actor) return false;
  // Site administrators run the installation; deciding on spending stays with each locality's board.
  if (actor.isSiteAdmin) return verb !== 'allocation.decide' || actor.memberships.get(localityId) === 'reviewer';
  const role = actor.memberships.get(localityId);
  return role !== undefined && ROLES_ALLOWED[verb].includes(role);
}

/** The first line of every service verb: who may do this, here? */
export function requireScope(actor: Actor | null, verb: Verb, localityId: number): asserts actor is Actor {
  if (!actor) throw new Unauthenticated();
  if (!can(actor, verb, localityId)) throw new Forbidden();
}

/**
 * The first line of every verb on a stored record (with `requireScope` after it): the record, when the person may
 * see its locality. Nobody signed in is asked to sign in, whether or not the record exists; a record that does not
 * exist (pass null, also for a deleted one) and a record of a locality the person cannot see get the SAME "not
 * found", so another locality's ids cannot be probed. Someone who can see the record but lacks the role for the
 * verb then gets Forbidden from `requireScope`: they know it exists already.
 */
export function requireVisible<T extends { localityId: number }>(actor: Actor | null, record: T | null | undefined, what: string): T {
  if (!actor) throw new Unauthenticated();
  if (!record || !can(actor, 'locality.read', record.localityId)) throw new NotFound(what);
  return record;
}

export function localitiesWhere(actor: Actor, verb: Verb): number[] | 'all' {
  if (actor.isSiteAdmin && verb !== 'allocation.decide') return 'all';
  return [...actor.memberships.entries()].filter(([, role]) => ROLES_ALLOWED[verb].includes(role)).map(([id]) => id);
}
