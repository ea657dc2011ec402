import type { Executor } from '@/db/client';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { live, parseVersionedRef } from '../record-refs';
import { parseDecision } from '../decision';
import { decideInTransaction } from './change-status';

/**
 * The oversight board's decision on a submitted line: approve (it becomes public) or return (with a reason). Nobody
 * decides on a line they created or submitted themselves (separation-of-duties.ts).
 */
export async function decideAllocation(db: Executor, actor: Actor | null, input: unknown) {
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readAllocationSnapshot(db, ref.id)), 'That allocation');
  requireScope(actor, 'allocation.decide', existing.localityId);
  const decision = parseDecision(input);
  return db.transaction((tx) => decideInTransaction(tx, actor, ref, decision));
}
