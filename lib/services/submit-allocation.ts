import type { Executor } from '@/db/client';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Invalid } from '@/lib/errors';
import { changeAllocationStatus } from './allocation-status';
import { live, parseVersionedRef } from './record-refs';

/**
 * Draft (or returned) → submitted, for the oversight board to decide on. A line goes to the board only when a
 * resident could understand it: it needs a plain-language description and at least one category.
 */
export async function submitAllocation(db: Executor, actor: Actor | null, input: unknown) {
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readAllocationSnapshot(db, ref.id)), 'That allocation');
  requireScope(actor, 'allocation.submit', existing.localityId);
  return db.transaction((tx) => submitInTransaction(tx, actor, ref));
}

/**
 * The rule of submitting one line, inside a transaction the caller opened: the single verb above and the bulk verb
 * (bulk-allocations.ts) both come here. The caller has checked the person's role in the line's locality.
 */
export function submitInTransaction(tx: Executor, actor: Actor, ref: { id: number; version: number }) {
  return changeAllocationStatus(tx, actor, {
    id: ref.id,
    version: ref.version,
    from: ['draft', 'returned'],
    refusal: (status) => `This allocation is already ${status}.`,
    check: (before) => {
      const missing: Record<string, string[]> = {};
      if (before.description.trim() === '') missing.description = ['Add a plain-language description before submitting.'];
      if (before.splits.length === 0) missing.splits = ['Add at least one category before submitting.'];
      if (Object.keys(missing).length > 0) {
        throw new Invalid('Edit the allocation first: a line goes to the board only with a description and a category.', missing);
      }
    },
    set: { status: 'submitted', submittedBy: actor.userId, submittedAt: new Date(), decidedBy: null, decidedAt: null, decisionReason: null },
    action: 'submit',
    reason: null,
  });
}
