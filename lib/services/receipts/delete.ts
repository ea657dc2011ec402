import type { Actor } from '@/lib/auth/authorize';
import type { ServiceContext } from '../context';
import { softDelete } from '../soft-delete';
import { receiptRecord } from './conflict';

/** A soft delete, kept in the database and in the history. */
export async function deleteReceipt(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number }> {
  const before = await softDelete(ctx, input, receiptRecord);
  return { id: before.id };
}
