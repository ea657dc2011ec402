import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { live, parseVersionedRef } from '../record-refs';
import { parseDecision } from '../decision';
import { decideInTransaction } from './change-status';
import { type ServiceContext, withTransaction } from '../context';

/**
 * The oversight board's decision on a submitted line: approve (it becomes public) or return (with a reason). Nobody
 * decides on a line they created or submitted themselves (separation-of-duties.ts).
 */
export async function decideAllocation(ctx: ServiceContext<Actor | null>, input: unknown) {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readAllocationSnapshot(db, ref.id)), 'That allocation');
  requireScope(actor, 'allocation.decide', existing.localityId);
  const decision = parseDecision(input);
  return withTransaction(ctx, ({ db: tx }) => decideInTransaction(tx, actor, ref, decision));
}
