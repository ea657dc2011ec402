import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { peopleServed } from '@/db/schema';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { groupKeyField, optionalCountField } from './input';
import { fiscalYearField, idField } from '../input-fields';
import { live, loadAllocation } from '../record-refs';
import { emitAudit, type ServiceContext, withTransaction } from '../context';

const allocationRef = z.object({ allocationId: idField('The form does not say which program this is for; reload the page.') });

const MAX_GROUPS = 100;

const servedSchema = z.object({
  fiscalYear: fiscalYearField,
  groups: z
    .array(z.object({ groupKey: groupKeyField, people: optionalCountField }), { error: 'List the groups.' })
    .max(MAX_GROUPS, { error: `List at most ${MAX_GROUPS} groups.` }),
});

async function readServed(executor: Executor, allocationId: number, fiscalYear: number) {
  return executor
    .select({ groupKey: peopleServed.groupKey, people: peopleServed.people })
    .from(peopleServed)
    .where(and(eq(peopleServed.allocationId, allocationId), eq(peopleServed.fiscalYear, fiscalYear)))
    .orderBy(asc(peopleServed.groupKey));
}

/**
 * The people a program (an allocation) served in a fiscal year, by race/ethnicity group: the whole table at once.
 * A group left out or left empty is removed (not known); zero is kept. Only approved programs count in the equity
 * measures, but staff may enter the numbers at any time.
 */
export async function setPeopleServed(
  ctx: ServiceContext<Actor | null>,
  input: unknown,
): Promise<{ allocationId: number; fiscalYear: number; groups: number }> {
  const { db, actor } = ctx;
  const { allocationId } = parseInput(allocationRef, input);
  const allocation = requireVisible(actor, live(await readAllocationSnapshot(db, allocationId)), 'That allocation');
  requireScope(actor, 'money.write', allocation.localityId);
  const fields = parseInput(servedSchema, input);
  const seen = new Set<string>();
  fields.groups.forEach((group, index) => {
    if (seen.has(group.groupKey)) {
      throw new Invalid('Please correct the field marked below.', { [`groups.${index}.groupKey`]: ['This group is listed twice.'] });
    }
    seen.add(group.groupKey);
  });
  const rows = fields.groups.flatMap((group) =>
    group.people === null
      ? []
      : [{ allocationId, localityId: allocation.localityId, fiscalYear: fields.fiscalYear, groupKey: group.groupKey, people: group.people }],
  );
  return withTransaction(ctx, async ({ db: tx }) => {
    // Read again inside the transaction: the line may have been deleted since.
    await loadAllocation(tx, allocationId);
    const before = await readServed(tx, allocationId, fields.fiscalYear);
    await tx
      .delete(peopleServed)
      .where(and(eq(peopleServed.allocationId, allocationId), eq(peopleServed.fiscalYear, fields.fiscalYear)));
    if (rows.length > 0) await tx.insert(peopleServed).values(rows);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: allocation.localityId,
      action: before.length === 0 ? 'create' : 'update',
      entity: 'people_served',
      entityId: `${allocationId}:${fields.fiscalYear}`,
      before: before.length === 0 ? null : { groups: before },
      after: { groups: await readServed(tx, allocationId, fields.fiscalYear) },
    });
    return { allocationId, fiscalYear: fields.fiscalYear, groups: rows.length };
  });
}
