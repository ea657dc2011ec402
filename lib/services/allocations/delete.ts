import { and, count, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { expenditures } from '@/db/schema';
import type { Actor } from '@/lib/auth/authorize';
import type { AllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Invalid } from '@/lib/errors';
import type { ServiceContext } from '../context';
import { softDelete } from '../soft-delete';
import { allocationRecord, EDITABLE_STATUSES } from './conflict';

/**
 * A soft delete: the line disappears from every list and total, and stays in the database and its history. Lines
 * with spending against them are refused — deleting the line would silently hide that spending from the totals.
 */
export async function deleteAllocation(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number }> {
  const before = await softDelete(ctx, input, allocationRecord, {
    refuse: refuseDelete,
    alsoSet: (actor) => ({ updatedBy: actor.userId }),
  });
  return { id: before.id };
}

async function refuseDelete(tx: Executor, before: AllocationSnapshot): Promise<void> {
  if (!EDITABLE_STATUSES.includes(before.status)) {
    throw new Invalid(`This allocation is ${before.status}; return it to draft before deleting it.`);
  }
  const [spending] = await tx
    .select({ n: count() })
    .from(expenditures)
    .where(and(eq(expenditures.allocationId, before.id), isNull(expenditures.deletedAt)));
  if (spending && spending.n > 0) {
    throw new Invalid(
      `This allocation has ${spending.n} expenditure${spending.n === 1 ? '' : 's'} recorded against it; delete or move ${spending.n === 1 ? 'it' : 'them'} first.`,
    );
  }
}
