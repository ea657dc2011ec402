import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { programOutcomes } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { queryRows } from '@/lib/data/rows';
import type { ImportRowError } from '@/lib/import';
import { parseOutcomeRows, type ParsedOutcome } from '@/lib/import/parse-outcomes';
import type { ImportActor } from './import-actor';
import {
  IMPORT_LOCK_KEY,
  countChangedReason,
  problemsReason,
  readMoneyFile,
  requireMoneyImportScope,
  type MoneyImportAuthority,
  type MoneyImportFailure,
  type MoneySkippedRow,
} from './import-money';
import { recordImportAudit } from './import-audit';
import { loadLocalityLines } from './import-lookups';

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

type FileFailure = { ok: false; reason: string; headers?: string[]; mapping?: Record<string, string | null> };

export type OutcomeImportPreview =
  | ({ ok: true; fileName: string; headers: string[]; mapping: Record<string, string | null>; committable: boolean } & OutcomeImportPlan)
  | FileFailure;

export type OutcomeImportCommitResult =
  | ({ ok: true; importId: string; created: number; ids: number[]; alreadyImported: number } & Omit<OutcomeImportPlan, 'errors'>)
  | MoneyImportFailure;

export async function previewOutcomeImport(db: Database, actor: ImportActor | null, input: OutcomeImportInput): Promise<OutcomeImportPreview> {
  requireMoneyImportScope(actor, input.localityId);
  const planned = await readAndPlan(db, input);
  if (!planned.ok) return planned;
  const { plan, headers, mapping } = planned;
  return { ok: true, fileName: input.fileName, headers, mapping, committable: plan.errors.length === 0, ...plan };
}

export async function commitOutcomeImport(db: Database, actor: ImportActor | null, input: OutcomeImportCommitInput): Promise<OutcomeImportCommitResult> {
  // Who may record outcomes is who may record the program's money (record-outcome.ts).
  const authority = requireMoneyImportScope(actor, input.localityId);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY}, ${input.localityId})`);
    const planned = await readAndPlan(tx, input);
    if (!planned.ok) return { ok: false as const, reason: planned.reason, errors: [], headers: planned.headers, mapping: planned.mapping };
    const { plan, headers, mapping } = planned;
    if (plan.errors.length > 0) return { ok: false as const, reason: problemsReason(plan.errors), errors: plan.errors, headers, mapping };
    if (input.expectedRowCount !== undefined && input.expectedRowCount !== plan.create.length) {
      return { ok: false as const, reason: countChangedReason(input.expectedRowCount, plan.create.length, 'outcomes'), errors: [], headers, mapping };
    }
    const importId = crypto.randomUUID();
    const ids = await writeOutcomes(tx, authority, { localityId: input.localityId, importId, fileName: input.fileName }, plan.create);
    const alreadyImported = await recordImportAudit(tx, authority, {
      localityId: input.localityId,
      importId,
      kind: 'outcomes',
      fileName: input.fileName,
      bytes: input.bytes,
      created: plan.create.length,
      skipped: plan.skipped,
      mapping,
    });
    return { ok: true as const, importId, created: plan.create.length, ids, alreadyImported, create: plan.create, skipped: plan.skipped };
  });
}

async function readAndPlan(
  executor: Executor,
  input: OutcomeImportInput,
): Promise<{ ok: true; headers: string[]; mapping: Record<string, string | null>; plan: OutcomeImportPlan } | FileFailure> {
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
  const skipped: MoneySkippedRow[] = parsed.skipped.map((row) => ({ ...row, kind: 'not-a-line' as const }));
  const create: ParsedOutcome[] = [];
  for (const outcome of parsed.rows) {
    const already = byKey.get(outcome.importKey);
    if (!already) {
      create.push(outcome);
      continue;
    }
    const reason = already.deleted
      ? `already imported as outcome ${already.id}, which was deleted since; not imported again`
      : already.units === outcome.units.toString()
        ? `already imported (outcome ${already.id})`
        : `already imported (outcome ${already.id}, with ${already.units}; the file now says ${outcome.units}): change it on the outcomes page`;
    skipped.push({ row: outcome.row, kind: 'already-imported', reason });
  }
  skipped.sort((a, b) => a.row - b.row);
  return { ok: true, headers: parsed.headers, mapping: parsed.mapping, plan: { create, errors: parsed.errors, skipped } };
}

async function writeOutcomes(
  executor: Executor,
  authority: MoneyImportAuthority,
  context: { localityId: number; importId: string; fileName: string },
  outcomes: readonly ParsedOutcome[],
): Promise<number[]> {
  if (outcomes.length === 0) return [];
  const inserted = await executor
    .insert(programOutcomes)
    .values(
      outcomes.map((outcome) => ({
        localityId: context.localityId,
        allocationId: outcome.allocationId,
        measure: outcome.measure,
        customMeasureName: outcome.customMeasureName,
        unit: outcome.unit,
        periodStart: outcome.periodStart,
        periodEnd: outcome.periodEnd,
        units: outcome.units,
        source: outcome.source,
        status: 'draft' as const,
        importKey: outcome.importKey,
        createdBy: authority.userId,
      })),
    )
    .returning({ id: programOutcomes.id, importKey: programOutcomes.importKey });
  const idByKey = new Map(inserted.map((row) => [row.importKey, row.id]));
  const ids = outcomes.map((outcome) => {
    const id = idByKey.get(outcome.importKey);
    if (id === undefined) throw new Error(`the outcome of row ${outcome.row} was not recorded`);
    return id;
  });
  await recordAudit(
    executor,
    outcomes.map((outcome, index) => ({
      userId: authority.userId,
      localityId: context.localityId,
      action: 'create',
      entity: 'program_outcome',
      entityId: ids[index]!,
      after: {
        id: ids[index]!,
        allocation: { id: outcome.allocationId, program: outcome.allocationLabel },
        measure: outcome.measure,
        customMeasureName: outcome.customMeasureName,
        unit: outcome.unit,
        periodStart: outcome.periodStart,
        periodEnd: outcome.periodEnd,
        units: outcome.units,
        source: outcome.source,
        status: 'draft',
        importKey: outcome.importKey,
        importId: context.importId,
        row: outcome.row,
      },
      reason: `${authority.via} of ${context.fileName} (row ${outcome.row})`,
    })),
  );
  return ids;
}
