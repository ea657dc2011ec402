import { z } from 'zod';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { parseInput } from '@/lib/errors/zod-errors';
import { changeAllocationStatus } from './change-status';
import { reasonField } from '../input-fields';
import { live, parseVersionedRef } from '../record-refs';
import { type ServiceContext, withTransaction } from '../context';

const returnInput = z.object({ reason: reasonField('Say why the line goes back to draft; the reason is kept in its history.') });

/**
 * Submitted or approved → draft, so the line can be corrected. An approved line leaves the public pages until it is
 * approved again; the reason is recorded with the change.
 */
export async function returnAllocationToDraft(ctx: ServiceContext<Actor | null>, input: unknown) {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readAllocationSnapshot(db, ref.id)), 'That allocation');
  requireScope(actor, 'allocation.submit', existing.localityId);
  const { reason } = parseInput(returnInput, input);

  return withTransaction(ctx, ({ db: tx }) =>
    changeAllocationStatus(tx, actor, {
      id: ref.id,
      version: ref.version,
      from: ['submitted', 'approved'],
      refusal: (status) => `This allocation is ${status}; it can be edited already.`,
      set: { status: 'draft', submittedBy: null, submittedAt: null, decidedBy: null, decidedAt: null, decisionReason: null },
      action: 'return_to_draft',
      reason,
    }),
  );
}
