import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/lib/data/rows';
import type { Actor } from '@/lib/auth/authorize';
import { Conflict, Forbidden, Invalid, Unauthenticated } from '@/lib/errors';
import { isSystemActor, type SystemActor } from '../import/actor';
import type { ResolvedLocality } from './input';

/** Who adds or changes localities: a site administrator, or the command line (which holds the database itself). */
export type LocalityActor = Actor | SystemActor;

export interface LocalityAuthority {
  userId: number | null;
  /** Said in the audit row when the command line wrote it. */
  reason: string | null;
}

/** The first line of both locality verbs: localities are the installation's, so only site administrators. */
export function requireSiteAdmin(actor: LocalityActor | null): LocalityAuthority {
  if (isSystemActor(actor)) return { userId: null, reason: actor.reason };
  if (!actor) throw new Unauthenticated();
  if (!actor.isSiteAdmin) throw new Forbidden('Only a site administrator may add or change localities.');
  return { userId: actor.userId, reason: null };
}

/**
 * Refuses a locality that is already there: the same FIPS code (unique in the database too), or the same name,
 * kind and state (a double submit, or a second try from the command line). `exceptId` is the locality being edited.
 */
export async function checkNotDuplicate(executor: Executor, locality: ResolvedLocality, exceptId: number | null): Promise<void> {
  const except = exceptId === null ? sql`true` : sql`l.id <> ${exceptId}`;
  if (locality.fips !== null) {
    const [same] = await queryRows<{ slug: string; name: string }>(
      executor,
      sql`select l.slug, l.name from localities l where l.fips = ${locality.fips} and ${except}`,
    );
    if (same) throw new Invalid('Please correct the field marked below.', { fips: [`${same.name} (${same.slug}) already has the FIPS code ${locality.fips}.`] });
  }
  const [twin] = await queryRows<{ slug: string }>(
    executor,
    sql`select l.slug from localities l
        where lower(l.name) = lower(${locality.name}) and l.state_code = ${locality.stateCode} and l.kind = ${locality.kind} and ${except}`,
  );
  if (twin) throw new Invalid('Please correct the field marked below.', { name: [`${locality.name}, ${locality.stateCode} is already in Abate (${twin.slug}).`] });
}

/** The slugs that start with `base`, to pick the first free one. */
export async function slugsLike(executor: Executor, base: string): Promise<Set<string>> {
  const rows = await queryRows<{ slug: string }>(
    executor,
    sql`select slug from localities where slug = ${base} or slug like ${`${base}-%`}`,
  );
  return new Set(rows.map((row) => row.slug));
}

/** PostgreSQL's unique_violation, wrapped or not: another administrator saved the same locality a moment before. */
export function asUniqueViolation(error: unknown): Conflict | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if ((current as { code?: unknown }).code === '23505') {
      return new Conflict('Another locality with the same name or FIPS code was saved at the same moment; reload the list and check.');
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
