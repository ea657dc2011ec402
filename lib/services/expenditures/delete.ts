import type { Actor } from '@/lib/auth/authorize';
import type { ServiceContext } from '../context';
import { softDelete } from '../soft-delete';
import { expenditureRecord } from './conflict';

/** A soft delete, kept in the database and in the history. */
export async function deleteExpenditure(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; allocationId: number }> {
  const before = await softDelete(ctx, input, expenditureRecord);
  return { id: before.id, allocationId: before.allocation.id };
}
