import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { programOutcomes } from '@/db/schema';
import { queryRows } from '@/lib/data/rows';
import type { ImportRowError } from '@/lib/import';
import { parseOutcomeRows, type ParsedOutcome } from '@/lib/import/parse-outcomes';
import type { OutcomeFigures } from '@/lib/outcomes/measures';
import type { ImportActor } from './actor';
import { alreadyImportedReason, readMoneyFile, requireMoneyImportScope, setAsideImported, type MoneySkippedRow } from './money';
import { recordImportAudit } from './audit';
import { idsByImportKey } from './batch';
import {
  commitUnderImportLock,
  plannedFile,
  previewOf,
  type FileRefusal,
  type ImportPreviewOf,
  type ImportRefusal,
  type PlannedFile,
} from './commit';
import { loadLocalityLines } from './lookups';
import { recordCreatedAudit, writeContextOf, type WriteContext } from './write';
import type { ServiceContext } from '../context';

/**
 * Importing a program outcome report (`npm run import -- --kind outcomes`) the way payments import:
 * `previewOutcomeImport` writes nothing; `commitOutcomeImport` re-reads the file under the import lock and writes
 * every outcome as a draft in ONE transaction with one audit row each, or nothing when any row has a problem. The
 * drafts are submitted and decided on the staff outcomes page like those typed in the form. An outcome imported
 * before (same program, measure and period) is recognised by its import key and not recorded twice.
 */

export interface OutcomeImportInput {
  localityId: number;
  fileName: string;
  bytes: Uint8Array;
  /** header → outcome field (null: ignore the column); columns it leaves out are suggested by synonym. */
  mapping?: Record<string, string | null>;
  maxBytes?: number;
}

export interface OutcomeImportCommitInput extends OutcomeImportInput {
  /** How many outcomes the confirmed preview said would be created; a different count now refuses the commit. */
  expectedRowCount?: number;
}

export interface OutcomeImportPlan {
  create: ParsedOutcome[];
  errors: ImportRowError[];
  skipped: MoneySkippedRow[];
}

export type OutcomeImportPreview = ImportPreviewOf<OutcomeImportPlan>;

export type OutcomeImportCommitResult =
  | ({ ok: true; importId: string; created: number; ids: number[]; alreadyImported: number } & Omit<OutcomeImportPlan, 'errors'>)
  | ImportRefusal;

export async function previewOutcomeImport(ctx: ServiceContext<ImportActor | null>, input: OutcomeImportInput): Promise<OutcomeImportPreview> {
  const { db, actor } = ctx;
  requireMoneyImportScope(actor, input.localityId);
  const planned = await readAndPlan(db, input);
  if (!planned.ok) return planned;
  return previewOf(input.fileName, planned);
}

export async function commitOutcomeImport(ctx: ServiceContext<ImportActor | null>, input: OutcomeImportCommitInput): Promise<OutcomeImportCommitResult> {
  const { actor } = ctx;
  // Who may record outcomes is who may record the program's money (lib/services/outcomes/record.ts).
  const authority = requireMoneyImportScope(actor, input.localityId);
  const planNow = (tx: Executor) => readAndPlan(tx, input);
  return commitUnderImportLock(ctx, input, 'outcomes', planNow, async (tx, { plan, mapping }, importId) => {
    const ids = await writeOutcomes(tx, writeContextOf(authority, input, importId), plan.create);
    const { create, skipped } = plan;
    const summary = { importId, kind: 'outcomes', created: create.length, skipped, mapping };
    const alreadyImported = await recordImportAudit(tx, authority, input, summary);
    return { ok: true as const, importId, created: create.length, ids, alreadyImported, create, skipped };
  });
}

async function readAndPlan(executor: Executor, input: OutcomeImportInput): Promise<PlannedFile<OutcomeImportPlan> | FileRefusal> {
  const read = await readMoneyFile(input);
  if (!read.ok) return read;
  const lines = await loadLocalityLines(executor, input.localityId);
  const parsed = parseOutcomeRows(read.rows, { lines }, input.mapping);
  if (!parsed.ok) return parsed;

  // Deleted outcomes keep their key: an outcome deleted on purpose does not come back with the next copy of the file.
  const taken = await queryRows<{ id: number; importKey: string; units: string; deleted: boolean }>(
    executor,
    sql`select ${programOutcomes.id} as id, ${programOutcomes.importKey} as "importKey", ${programOutcomes.units}::text as units,
          ${programOutcomes.deletedAt} is not null as deleted
        from ${programOutcomes}
        where ${programOutcomes.localityId} = ${input.localityId} and ${programOutcomes.importKey} is not null`,
  );
  const byKey = new Map(taken.map((row) => [row.importKey, { ...row, id: Number(row.id) }]));
  const { create, skipped } = setAsideImported(
    parsed,
    byKey,
    (already, outcome) =>
      already.deleted || already.units === outcome.units.toString()
        ? alreadyImportedReason('outcome', already)
        : `already imported (outcome ${already.id}, with ${already.units}; the file now says ${outcome.units}): change it on the outcomes page`,
    (outcome) => outcome,
  );
  return plannedFile(parsed, { create, errors: parsed.errors, skipped });
}

async function writeOutcomes(executor: Executor, context: WriteContext, outcomes: readonly ParsedOutcome[]): Promise<number[]> {
  if (outcomes.length === 0) return [];
  const inserted = await executor
    .insert(programOutcomes)
    .values(
      outcomes.map((outcome) => ({
        localityId: context.localityId,
        allocationId: outcome.allocationId,
        ...figuresOf(outcome),
        status: 'draft' as const,
        importKey: outcome.importKey,
        createdBy: context.userId,
      })),
    )
    .returning({ id: programOutcomes.id, importKey: programOutcomes.importKey });
  const ids = idsByImportKey(inserted, outcomes, (outcome) => `the outcome of row ${outcome.row} was not recorded`);
  await recordCreatedAudit(executor, context, 'program_outcome', ids, outcomes, (outcome, id) => ({
    id,
    allocation: { id: outcome.allocationId, program: outcome.allocationLabel },
    ...figuresOf(outcome),
    status: 'draft',
  }));
  return ids;
}

/** What an outcome reports, as the form records it. */
function figuresOf(outcome: OutcomeFigures): OutcomeFigures {
  const { measure, customMeasureName, unit, periodStart, periodEnd, units, source } = outcome;
  return { measure, customMeasureName, unit, periodStart, periodEnd, units, source };
}
