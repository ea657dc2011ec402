/**
 * The soft delete the record verbs share (allocations, receipts, expenditures, outcomes): the record stays in the
 * database and its history with `deleted_at` set, and leaves every list and total. Written once: authorize, the
 * version check, the update over the version the person saw (updateOverVersion), and the audit row in the same
 * transaction. A kind adds only what may refuse the delete and what else it records.
 */
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { emitAudit, type ServiceContext, withTransaction } from './context';
import { reasonField } from './input-fields';
import { conflictOf, updateOverVersion, type RecordKind, type VersionedSnapshot, type VersionedTable } from './record-kind';
import { live, parseVersionedRef } from './record-refs';

export interface SoftDeleteRules<Snapshot, Table extends VersionedTable> {
  /** Throws when this record may not be deleted now (its status, or what still depends on it). */
  refuse?(tx: Executor, before: Snapshot): Promise<void>;
  /** Columns set beside the deletion time and version (an allocation records who changed it last). */
  alsoSet?(actor: Actor): PgUpdateSetSource<Table>;
}

const deleteInput = z.object({ reason: reasonField(null) });

/** Deletes the record `input` names ({id, version, reason?}) and returns it as it was before. */
export async function softDelete<Snapshot extends VersionedSnapshot, Table extends VersionedTable>(
  ctx: ServiceContext<Actor | null>,
  input: unknown,
  kind: RecordKind<Snapshot, Table>,
  rules: SoftDeleteRules<Snapshot, Table> = {},
): Promise<Snapshot> {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await kind.read(db, ref.id)), kind.label);
  requireScope(actor, 'money.write', existing.localityId);
  const { reason } = parseInput(deleteInput, input);

  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await kind.read(tx, ref.id);
    if (!before || before.deletedAt) throw new NotFound(kind.label);
    if (before.version !== ref.version) throw await conflictOf(tx, kind, before);
    await rules.refuse?.(tx, before);
    const deletedAt = new Date();
    const deletion = { ...rules.alsoSet?.(actor), deletedAt, updatedAt: deletedAt };
    await updateOverVersion(tx, kind, ref, deletion as PgUpdateSetSource<Table>);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: before.localityId,
      action: 'delete',
      entity: kind.entity,
      entityId: ref.id,
      before,
      after: { ...before, deletedAt, version: before.version + 1 },
      reason: reason || null,
    });
    return before;
  });
}
