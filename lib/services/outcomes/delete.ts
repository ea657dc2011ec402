import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { programOutcomes } from '@/db/schema';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readOutcomeSnapshot } from '@/lib/data/outcome-snapshots';
import { Invalid, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { reasonField } from '../input-fields';
import { EDITABLE_STATUSES, outcomeConflict } from './status';
import { live, parseVersionedRef } from '../record-refs';
import { emitAudit, type ServiceContext, withTransaction } from '../context';

const deleteInput = z.object({ reason: reasonField(null) });

/** A soft delete of a draft or returned outcome: it leaves every list and stays in the database and its history. */
export async function deleteOutcome(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number }> {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readOutcomeSnapshot(db, ref.id)), 'That outcome');
  requireScope(actor, 'money.write', existing.localityId);
  const { reason } = parseInput(deleteInput, input);
  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readOutcomeSnapshot(tx, ref.id);
    if (!before || before.deletedAt) throw new NotFound('That outcome');
    if (before.version !== ref.version) throw await outcomeConflict(tx, before);
    if (!EDITABLE_STATUSES.includes(before.status)) {
      throw new Invalid(`This outcome is ${before.status}; only draft and returned outcomes can be deleted.`);
    }
    const deletedAt = new Date();
    const [after] = await tx
      .update(programOutcomes)
      .set({ deletedAt, version: sql`${programOutcomes.version} + 1`, updatedAt: deletedAt })
      .where(and(eq(programOutcomes.id, ref.id), eq(programOutcomes.version, ref.version), isNull(programOutcomes.deletedAt)))
      .returning({ id: programOutcomes.id });
    if (!after) throw await outcomeConflict(tx, (await readOutcomeSnapshot(tx, ref.id))!);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: before.localityId,
      action: 'delete',
      entity: 'program_outcome',
      entityId: ref.id,
      before,
      after: { ...before, deletedAt, version: before.version + 1 },
      reason: reason || null,
    });
    return { id: ref.id };
  });
}
