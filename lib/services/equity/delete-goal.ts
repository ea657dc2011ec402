import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { equityGoals } from '@/db/schema';
import { requireVisible, type Actor } from '@/lib/auth/authorize';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { requireGoalScope } from './input';
import { goalConflict, readEquityGoal } from './goal-record';
import { reasonField } from '../input-fields';
import { live, parseVersionedRef } from '../record-refs';
import { emitAudit, type ServiceContext, withTransaction } from '../context';

const deleteInput = z.object({ reason: reasonField(null) });

/** Removes a goal softly, over the version the person saw: it stays in the database and in the public history. */
export async function deleteEquityGoal(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number }> {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readEquityGoal(db, ref.id)), 'That goal');
  requireGoalScope(actor, existing.localityId);
  const { reason } = parseInput(deleteInput, input);

  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readEquityGoal(tx, ref.id);
    if (!before || before.deletedAt) throw new NotFound('That goal');
    if (before.version !== ref.version) throw await goalConflict(tx, before);
    const [after] = await tx
      .update(equityGoals)
      .set({ deletedAt: new Date(), version: sql`${equityGoals.version} + 1`, updatedAt: new Date() })
      .where(and(eq(equityGoals.id, ref.id), eq(equityGoals.version, ref.version), isNull(equityGoals.deletedAt)))
      .returning();
    if (!after) throw await goalConflict(tx, (await readEquityGoal(tx, ref.id))!);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: before.localityId,
      action: 'delete',
      entity: 'equity_goal',
      entityId: ref.id,
      before,
      after,
      reason: reason || null,
    });
    return { id: ref.id };
  });
}
