import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readOutcomeSnapshot } from '@/lib/data/outcome-snapshots';
import { Forbidden } from '@/lib/errors';
import { parseDecision } from '../decision';
import { changeOutcomeStatus } from './status';
import { live, parseVersionedRef } from '../record-refs';
import { separationOfDutiesConflict, separationOfDutiesMessage } from '../separation-of-duties';
import { type ServiceContext, withTransaction } from '../context';

/** Draft (or returned) → submitted, for the oversight board to decide on; editors submit as they submit lines. */
export async function submitOutcome(ctx: ServiceContext<Actor | null>, input: unknown) {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readOutcomeSnapshot(db, ref.id)), 'That outcome');
  requireScope(actor, 'allocation.submit', existing.localityId);
  return withTransaction(ctx, ({ db: tx }) =>
    changeOutcomeStatus(tx, actor, {
      id: ref.id,
      version: ref.version,
      from: ['draft', 'returned'],
      refusal: (status) => `This outcome is already ${status}.`,
      set: { status: 'submitted', submittedBy: actor.userId, submittedAt: new Date(), decidedBy: null, decidedAt: null, decisionReason: null },
      action: 'submit',
      reason: null,
    }),
  );
}

/**
 * The board's decision on a submitted outcome: approve (it becomes public) or return (with a reason). The same
 * decision rules as allocation lines (parseDecision) and the same separation of duties: nobody decides on an outcome
 * they recorded or submitted; the database refuses it too (program_outcomes_separation_of_duties).
 */
export async function decideOutcome(ctx: ServiceContext<Actor | null>, input: unknown) {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readOutcomeSnapshot(db, ref.id)), 'That outcome');
  requireScope(actor, 'allocation.decide', existing.localityId);
  const decision = parseDecision(input);
  const approve = decision.decision === 'approve';
  return withTransaction(ctx, ({ db: tx }) =>
    changeOutcomeStatus(tx, actor, {
      id: ref.id,
      version: ref.version,
      from: ['submitted'],
      refusal: (status) => `Only submitted outcomes can be decided on; this one is ${status}.`,
      check: (before) => {
        const conflict = separationOfDutiesConflict(before, actor.userId);
        if (conflict) throw new Forbidden(separationOfDutiesMessage(conflict, 'outcome'));
      },
      set: { status: approve ? 'approved' : 'returned', decidedBy: actor.userId, decidedAt: new Date(), decisionReason: decision.reason || null },
      action: approve ? 'approve' : 'return',
      reason: decision.reason || null,
    }),
  );
}
