import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { programOutcomes } from '@/db/schema';
import type { Actor } from '@/lib/auth/authorize';
import { outcomeFormValues, readOutcomeSnapshot, type OutcomeSnapshot } from '@/lib/data/outcome-snapshots';
import type { AllocationStatus } from '@/lib/data/staff-snapshots';
import { Invalid, NotFound } from '@/lib/errors';
import { conflictOf, type RecordKind } from '../record-kind';
import { emitAudit, type ServiceTransaction } from '../context';

/** Outcomes are changed or deleted only before the board decides, or after it returned them (as allocation lines). */
export { EDITABLE_STATUSES } from '../allocations/conflict';

export const outcomeRecord: RecordKind<OutcomeSnapshot, typeof programOutcomes> = {
  table: programOutcomes,
  entity: 'program_outcome',
  label: 'That outcome',
  read: readOutcomeSnapshot,
  formValues: outcomeFormValues,
};

export function outcomeConflict(executor: Executor, snapshot: OutcomeSnapshot) {
  return conflictOf(executor, outcomeRecord, snapshot);
}

/**
 * Moves an outcome from one status to another over the version the person saw, with the audit row (and its reason)
 * in the same transaction. Shared by submit and the board's decision.
 */
export async function changeOutcomeStatus(
  tx: ServiceTransaction,
  actor: Actor,
  options: {
    id: number;
    version: number;
    from: readonly AllocationStatus[];
    refusal: (status: AllocationStatus) => string;
    set: Partial<typeof programOutcomes.$inferInsert>;
    action: string;
    reason: string | null;
    check?: (before: OutcomeSnapshot) => void;
  },
): Promise<{ id: number; version: number; status: AllocationStatus }> {
  const before = await readOutcomeSnapshot(tx, options.id);
  if (!before) throw new NotFound('That outcome');
  if (before.deletedAt || before.version !== options.version) throw await outcomeConflict(tx, before);
  if (!options.from.includes(before.status)) throw new Invalid(options.refusal(before.status));
  options.check?.(before);
  const [updated] = await tx
    .update(programOutcomes)
    .set({ ...options.set, version: sql`${programOutcomes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programOutcomes.id, options.id), eq(programOutcomes.version, options.version)))
    .returning({ version: programOutcomes.version, status: programOutcomes.status });
  if (!updated) throw await outcomeConflict(tx, (await readOutcomeSnapshot(tx, options.id))!);
  await emitAudit(tx, {
    userId: actor.userId,
    localityId: before.localityId,
    action: options.action,
    entity: 'program_outcome',
    entityId: options.id,
    before,
    after: await readOutcomeSnapshot(tx, options.id),
    reason: options.reason,
  });
  return { id: options.id, version: updated.version, status: updated.status };
}
