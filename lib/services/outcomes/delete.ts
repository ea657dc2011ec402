import type { Actor } from '@/lib/auth/authorize';
import { Invalid } from '@/lib/errors';
import type { ServiceContext } from '../context';
import { softDelete } from '../soft-delete';
import { EDITABLE_STATUSES, outcomeRecord } from './status';

/** A soft delete of a draft or returned outcome: it leaves every list and stays in the database and its history. */
export async function deleteOutcome(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number }> {
  const before = await softDelete(ctx, input, outcomeRecord, {
    async refuse(_tx, outcome) {
      if (!EDITABLE_STATUSES.includes(outcome.status)) {
        throw new Invalid(`This outcome is ${outcome.status}; only draft and returned outcomes can be deleted.`);
      }
    },
  });
  return { id: before.id };
}
