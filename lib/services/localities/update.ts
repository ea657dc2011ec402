import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { localities } from '@/db/schema';
import { queryRows } from '@/lib/data/rows';
import { readLocalitySnapshot } from '@/lib/data/staff-localities';
import { Invalid, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { idField } from '../input-fields';
import { asUniqueViolation, checkNotDuplicate, requireSiteAdmin, type LocalityActor } from './checks';
import { localityFieldsSchema, resolveLocality } from './input';
import { emitUpdated, type ServiceContext, withTransaction } from '../context';

const updateSchema = localityFieldsSchema.extend({
  localityId: idField('The form does not say which locality to change; reload the page.'),
});

/**
 * Changes a locality's name, kind, state, FIPS code, fiscal-year start month or population. The slug stays as it
 * was, so links to its public pages keep working. The fiscal-year start month cannot change once receipts or
 * spending are recorded: their fiscal years were worked out from it when they were saved.
 */
export async function updateLocality(ctx: ServiceContext<LocalityActor | null>, input: unknown): Promise<{ id: number; slug: string }> {
  const { actor } = ctx;
  const authority = requireSiteAdmin(actor);
  const { localityId, ...fields } = parseInput(updateSchema, input);
  try {
    return await withTransaction(ctx, async ({ db: tx }) => {
      const before = await readLocalitySnapshot(tx, localityId, { forUpdate: true });
      if (!before) throw new NotFound('That locality');
      const locality = resolveLocality(fields, before);
      if (locality.fyStartMonth !== before.fyStartMonth) await checkNoDatedMoney(tx, localityId);
      await checkNotDuplicate(tx, locality, localityId);
      await tx.update(localities).set(locality).where(eq(localities.id, localityId));
      const after = await readLocalitySnapshot(tx, localityId);
      await emitUpdated(tx, authority.userId, {
        localityId,
        entity: 'locality',
        entityId: localityId,
        before,
        after,
        reason: authority.reason,
      });
      return { id: localityId, slug: before.slug };
    });
  } catch (error) {
    throw asUniqueViolation(error) ?? error;
  }
}

async function checkNoDatedMoney(executor: Executor, localityId: number): Promise<void> {
  const [counts] = await queryRows<{ receipts: number; expenditures: number }>(
    executor,
    sql`select
          (select count(*) from receipts where locality_id = ${localityId} and deleted_at is null)::int as receipts,
          (select count(*) from expenditures where locality_id = ${localityId} and deleted_at is null)::int as expenditures`,
  );
  if (counts && counts.receipts + counts.expenditures > 0) {
    throw new Invalid('Please correct the field marked below.', {
      fyStartMonth: [
        `The fiscal year's first month cannot change now: ${counts.receipts} receipt(s) and ${counts.expenditures} expenditure(s) were filed in fiscal years counted from it.`,
      ],
    });
  }
}
