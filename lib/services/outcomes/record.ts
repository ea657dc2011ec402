import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { programOutcomes } from '@/db/schema';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { readOutcomeSnapshot } from '@/lib/data/outcome-snapshots';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Invalid, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { optionalIdField } from '../input-fields';
import { outcomeAllocationField, outcomeFieldsSchema, type OutcomeFields } from './input';
import { EDITABLE_STATUSES, outcomeConflict } from './status';
import { live, parseVersionedRef } from '../record-refs';
import { emitCreated, emitUpdated, type ServiceContext, withTransaction } from '../context';

const idInput = z.object({ id: optionalIdField('The form does not say which outcome to change; reload the page.') });
const allocationInput = z.object({ allocationId: outcomeAllocationField });

/**
 * Records what a program reported (no `id`: a new draft) or saves an edited draft or returned outcome over the
 * version the form was opened with (`id` and `version`). The program is an allocation of the same locality; who
 * may write outcomes is who may write its money.
 */
export async function recordOutcome(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; version: number }> {
  const { id } = parseInput(idInput, input);
  return id === null ? createOutcome(ctx, input) : updateOutcome(ctx, input);
}

async function createOutcome(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; version: number }> {
  const { db, actor } = ctx;
  const { allocationId } = parseInput(allocationInput, input);
  const allocation = requireVisible(actor, live(await readAllocationSnapshot(db, allocationId)), 'That program');
  requireScope(actor, 'money.write', allocation.localityId);
  const fields = parseInput(outcomeFieldsSchema, input);
  return withTransaction(ctx, async ({ db: tx }) => {
    // Read again inside the transaction: the line may have been deleted since.
    if (!live(await readAllocationSnapshot(tx, allocationId))) throw new NotFound('That program');
    const [row] = await tx
      .insert(programOutcomes)
      .values({ ...outcomeColumns(fields), localityId: allocation.localityId, status: 'draft', createdBy: actor.userId })
      .returning({ id: programOutcomes.id, version: programOutcomes.version });
    if (!row) throw new Error('the outcome was not created');
    const after = await readOutcomeSnapshot(tx, row.id);
    const { localityId } = allocation;
    await emitCreated(tx, actor.userId, { localityId, entity: 'program_outcome', entityId: row.id, after });
    return row;
  });
}

async function updateOutcome(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; version: number }> {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, live(await readOutcomeSnapshot(db, ref.id)), 'That outcome');
  requireScope(actor, 'money.write', existing.localityId);
  const fields = parseInput(outcomeFieldsSchema, input);
  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readOutcomeSnapshot(tx, ref.id);
    if (!before) throw new NotFound('That outcome');
    if (before.deletedAt || before.version !== ref.version) throw await outcomeConflict(tx, before);
    if (!EDITABLE_STATUSES.includes(before.status)) {
      throw new Invalid(`This outcome is ${before.status}; only draft and returned outcomes can be changed.`);
    }
    // An outcome stays with its locality's programs: another locality's line is "not found", as everywhere.
    const program = live(await readAllocationSnapshot(tx, fields.allocationId));
    if (!program || program.localityId !== before.localityId) {
      throw new Invalid('Please correct the field marked below.', { allocationId: ['Choose a program of this locality.'] });
    }
    const [after] = await tx
      .update(programOutcomes)
      .set({ ...outcomeColumns(fields), version: sql`${programOutcomes.version} + 1`, updatedAt: new Date() })
      .where(and(eq(programOutcomes.id, ref.id), eq(programOutcomes.version, ref.version), isNull(programOutcomes.deletedAt)))
      .returning({ id: programOutcomes.id, version: programOutcomes.version });
    if (!after) throw await outcomeConflict(tx, (await readOutcomeSnapshot(tx, ref.id))!);
    const snapshot = await readOutcomeSnapshot(tx, ref.id);
    const { localityId } = before;
    await emitUpdated(tx, actor.userId, { localityId, entity: 'program_outcome', entityId: ref.id, before, after: snapshot });
    return after;
  });
}

function outcomeColumns(fields: OutcomeFields) {
  return {
    allocationId: fields.allocationId,
    measure: fields.measure,
    customMeasureName: fields.customMeasureName,
    unit: fields.unit,
    periodStart: fields.periodStart,
    periodEnd: fields.periodEnd,
    units: fields.units,
    source: fields.source,
  };
}
