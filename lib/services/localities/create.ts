import { localities } from '@/db/schema';
import { readLocalitySnapshot } from '@/lib/data/staff-localities';
import { parseInput } from '@/lib/errors/zod-errors';
import { firstFreeSlug, localitySlug } from '@/lib/localities/locality-slug';
import { asUniqueViolation, checkNotDuplicate, requireSiteAdmin, slugsLike, type LocalityActor } from './checks';
import { localityFieldsSchema, resolveLocality } from './input';
import { emitCreated, type ServiceContext, withTransaction } from '../context';

/**
 * Adds a real locality (never demo). Its slug — the address of its public pages — is made from its name and state,
 * e.g. "orange-county-nc", with "-2" added when another locality of that name already has it; it never changes after.
 */
export async function createLocality(ctx: ServiceContext<LocalityActor | null>, input: unknown): Promise<{ id: number; slug: string; name: string }> {
  const { actor } = ctx;
  const authority = requireSiteAdmin(actor);
  const locality = resolveLocality(parseInput(localityFieldsSchema, input));
  try {
    return await withTransaction(ctx, async ({ db: tx }) => {
      await checkNotDuplicate(tx, locality, null);
      const base = localitySlug(locality.name, locality.stateCode);
      const slug = firstFreeSlug(base, await slugsLike(tx, base));
      const [row] = await tx
        .insert(localities)
        .values({ slug, ...locality, isDemo: false })
        .returning({ id: localities.id });
      if (!row) throw new Error('locality was not created');
      const after = await readLocalitySnapshot(tx, row.id);
      const { userId, reason } = authority;
      await emitCreated(tx, userId, { localityId: row.id, entity: 'locality', entityId: row.id, after, reason });
      return { id: row.id, slug, name: locality.name };
    });
  } catch (error) {
    throw asUniqueViolation(error) ?? error;
  }
}
