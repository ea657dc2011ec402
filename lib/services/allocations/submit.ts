import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { live, parseVersionedRef } from '../record-refs';
import { submitInTransaction } from './change-status';
import { type ServiceContext, withTransaction } from '../context';

/**
 * Draft (or returned) → submitted, for the oversight board to decide on. A line goes to the board only when a
 * resident could understand it: it needs a plain-language description and at least one category.
 */
export async function submitAllocation(ctx: ServiceContext<Actor | null>, input: unknown) {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readAllocationSnapshot(db, ref.id)), 'That allocation');
  requireScope(actor, 'allocation.submit', existing.localityId);
  return withTransaction(ctx, ({ db: tx }) => submitInTransaction(tx, actor, ref));
}
