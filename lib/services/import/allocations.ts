import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { importMappings } from '@/db/schema';
import { queryRows } from '@/lib/data/rows';
import { todayIso } from '@/lib/fiscal-year';
import { lineKeyOf, previewImport, type ImportContext, type Mapping } from '@/lib/import';
import { requireImportScope, type ImportActor, type ImportAuthority } from './actor';
import { importMaxBytes } from './limits';
import { loadLocalityLookups, loadReferenceLookups, type ReferenceLookups } from './lookups';
import type { StoredLine } from './changes';
import { runCooperatively } from '@/lib/import/cooperative';
import { planImportSteps, type ImportPlan } from './plan';
import { importContextOf } from './context';
import { ImportLineConflict, lineConflictMessage, writeContextOf, writeLines, writeRecipients, writeUpdates } from './write';
import { recordImportAudit } from './audit';
import { writeInBatches } from './batch';
import { commitUnderImportLock, plannedFile, previewOf, refusedFile, type FileRefusal, type ImportPreviewOf, type ImportRefusal } from './commit';
import type { ServiceContext } from '../context';

/**
 * Importing the spreadsheet a budget office already keeps as allocation lines.
 *
 * `previewAllocationImport` reads the file and says what a commit would do, writing nothing.
 * `commitAllocationImport` is given the same file again (the app keeps nothing between the two requests, so any
 * server process can answer either), re-validates it against what the database holds at that moment, and writes
 * every line in ONE transaction, or nothing when any row has a problem.
 *
 * A re-import changes the stored lines its rows are (plan.ts says which): the preview lists each change
 * with the version of the line it read, and the commit, given those versions, refuses the whole import when any
 * line has another version by then (optimistic locking, as the edit form does).
 */

/** A stored line the preview said the import would change, at the version it read. */
export interface ExpectedChange {
  allocationId: number;
  version: number;
}

export interface AllocationImportInput {
  localityId: number;
  fileName: string;
  bytes: Uint8Array;
  /** header → field (null: ignore the column). Columns it leaves out are suggested from the remembered mapping. */
  mapping?: Mapping;
  /** Defaults to ABATE_IMPORT_MAX_BYTES, or 20 MiB. */
  maxBytes?: number;
  /** YYYY-MM-DD; tests pin it. Defaults to today (UTC). */
  today?: string;
}

export interface AllocationImportCommitInput extends AllocationImportInput {
  /**
   * How many lines the preview the person confirmed said would be created. When the file or the database has
   * changed since (another import added some of the lines), the commit is refused rather than doing something else
   * than what was shown.
   */
  expectedRowCount?: number;
  /**
   * The lines the preview said would change, with the versions it read. When given, the commit is refused unless
   * it would change exactly these lines and each still has that version.
   */
  expectedChanges?: readonly ExpectedChange[];
  /** Called after each batch of lines is written, and once more when all are (done === total). */
  onProgress?: (done: number, total: number) => void;
}

/** `committable` when nothing stops a commit: no row has a problem; else a problem with the file as a whole. */
export type AllocationImportPreview = ImportPreviewOf<ImportPlan, Mapping>;

export type AllocationImportCommitResult =
  | {
      ok: true;
      importId: string;
      created: number;
      allocationIds: number[];
      /** The new lines in file order, for the person to check what was created. */
      createdLines: { id: number; row: number; fiscalYear: number; program: string; amountCents: bigint }[];
      /** Stored lines changed, in file order, with their version after the import. */
      updated: ImportPlan['update'];
      counts: ImportPlan['counts'];
      recipientsCreated: number;
      expendituresCreated: number;
      alreadyImported: number;
      skipped: ImportPlan['skipped'];
      warnings: ImportPlan['warnings'];
      notes: ImportPlan['notes'];
      categoryMatches: ImportPlan['categoryMatches'];
      totals: ImportPlan['totals'];
    }
  | ImportRefusal<Mapping>;

export async function previewAllocationImport(
  ctx: ServiceContext<ImportActor | null>,
  input: AllocationImportInput,
): Promise<AllocationImportPreview> {
  const { db } = ctx;
  const { authority, reference, parsed } = await readFile(ctx, input);
  if (!parsed.ok) return parsed;
  const plan = await planAgainst(db, reference, authority, parsed, input);
  return previewOf(input.fileName, plannedFile(parsed, plan));
}

export async function commitAllocationImport(
  ctx: ServiceContext<ImportActor | null>,
  input: AllocationImportCommitInput,
): Promise<AllocationImportCommitResult> {
  const { authority, reference, parsed } = await readFile(ctx, input);
  if (!parsed.ok) return refusedFile(parsed.reason, parsed);

  try {
    return await commitInTransaction(ctx, authority, reference, parsed, input);
  } catch (error) {
    // A line changed between the plan and its update: the transaction rolled back, nothing was imported.
    if (error instanceof ImportLineConflict) {
      return refusedFile(error.message, parsed);
    }
    throw error;
  }
}

async function commitInTransaction(
  ctx: ServiceContext<unknown>,
  authority: ImportAuthority,
  reference: ReferenceLookups,
  parsed: Extract<ParsedFile, { ok: true }>,
  input: AllocationImportCommitInput,
): Promise<AllocationImportCommitResult> {
  const planNow = async (tx: Executor) => {
    const plan = await planAgainst(tx, reference, authority, parsed, input);
    // From here on the plan is what is written: the parsed rows go (in a 200,000-row import, 110 of the 274 MB the
    // heap holds while the lines are written).
    parsed.preview = { ...parsed.preview, rows: [] };
    return plannedFile(parsed, plan);
  };
  return commitUnderImportLock(ctx, input, 'lines', planNow, async (tx, { plan }, importId) => {
    const stale = await staleExpectation(tx, plan, input.expectedChanges);
    if (stale !== null) return refusedFile(stale, parsed);

    const context = writeContextOf(authority, input, importId);
    const total = plan.create.length;
    input.onProgress?.(0, total);
    const recipientIds = await writeRecipients(tx, context, plan.newRecipients);
    const allocationIds = await writeInBatches(plan.create, input.onProgress, (batch) => writeLines(tx, context, batch, recipientIds));
    await writeUpdates(tx, context, plan.update);

    const expendituresCreated = plan.create.filter((line) => line.spent !== null).length;
    await rememberMapping(tx, input.localityId, authority.userId, parsed.mapping);
    const alreadyImported = await recordImportAudit(tx, authority, input, {
      importId,
      created: total,
      skipped: plan.skipped,
      mapping: parsed.mapping,
      details: {
        updated: plan.update.map((line) => line.allocationId),
        upToDate: plan.counts.upToDate,
        recipientsCreated: plan.newRecipients.length,
        expendituresCreated,
        amountCents: plan.totals.amountCents,
        spentCents: plan.totals.spentCents,
      },
    });
    return {
      ok: true as const,
      importId,
      created: total,
      allocationIds,
      createdLines: plan.create.map((line, index) => ({
        id: allocationIds[index] ?? 0,
        row: line.row,
        fiscalYear: line.fiscalYear,
        program: line.program,
        amountCents: line.amountCents,
      })),
      updated: plan.update.map((line) => ({ ...line, version: line.version + 1 })),
      counts: plan.counts,
      recipientsCreated: plan.newRecipients.length,
      expendituresCreated,
      alreadyImported,
      skipped: plan.skipped,
      warnings: plan.warnings,
      notes: plan.notes,
      categoryMatches: plan.categoryMatches,
      totals: plan.totals,
    };
  });
}

type ParsedFile =
  | {
      ok: true;
      headers: string[];
      mapping: Mapping;
      preview: import('@/lib/import').ImportPreview;
      titleFiscalYear?: import('@/lib/import').TitleFiscalYear;
    }
  | FileRefusal<Mapping>;

/** Where preview and commit begin: who imports, the locality's lookups, and the file as parsed. */
async function readFile(ctx: ServiceContext<ImportActor | null>, input: AllocationImportInput) {
  const { db, actor } = ctx;
  const authority = requireImportScope(actor, input.localityId);
  const reference = await loadReferenceLookups(db, input.localityId);
  return { authority, reference, parsed: await parseFile(reference, input) };
}

/** The bytes → parsed rows, with categories and sources resolved from the lookups (no query per row). */
async function parseFile(reference: ReferenceLookups, input: AllocationImportInput): Promise<ParsedFile> {
  const maxBytes = input.maxBytes ?? importMaxBytes();
  const context: ImportContext = importContextOf(reference);
  const result = await previewImport(input.bytes, input.fileName, input.mapping, context, {
    maxBytes,
    remembered: reference.remembered,
  });
  if (!result.ok) return result;
  // Problems with the file as a whole (row 0, or the header row with no column) come back as a reason.
  return {
    ok: true,
    headers: result.headers,
    mapping: result.mapping,
    preview: result.preview,
    titleFiscalYear: result.titleFiscalYear,
  };
}

async function planAgainst(
  executor: Executor,
  reference: ReferenceLookups,
  authority: ImportAuthority,
  parsed: Extract<ParsedFile, { ok: true }>,
  input: AllocationImportInput,
): Promise<ImportPlan> {
  const existing = await loadLocalityLookups(executor, input.localityId);
  return runCooperatively(planImportSteps({
    preview: parsed.preview,
    mapping: parsed.mapping,
    authority,
    existing,
    storedLines: await loadStoredLines(executor, input.localityId, parsed),
    categories: new Map(reference.categories.map((category) => [category.id, category])),
    sources: new Map(reference.sources.map((source) => [source.id, source])),
    fyStartMonth: reference.locality.fyStartMonth,
    today: input.today ?? todayIso(),
    titleFiscalYear: parsed.titleFiscalYear,
  }));
}

/**
 * The commit's plan must change exactly the lines the preview listed, each at the version the preview read;
 * otherwise says which line moved (and who changed it), and nothing is written.
 */
async function staleExpectation(
  executor: Executor,
  plan: ImportPlan,
  expected: readonly ExpectedChange[] | undefined,
): Promise<string | null> {
  if (expected === undefined) return null;
  const seen = new Map(expected.map((change) => [change.allocationId, change.version]));
  for (const update of plan.update) {
    const version = seen.get(update.allocationId);
    if (version === undefined) {
      return (
        `Line #${update.allocationId} (FY${update.fiscalYear} "${update.program}", row ${update.row}) would now be ` +
        'changed, but the preview did not list it (the lines changed in between); nothing was imported. Preview again.'
      );
    }
    if (version !== update.version) {
      return lineConflictMessage(executor, update, version, { version: update.version, deleted: false });
    }
    seen.delete(update.allocationId);
  }
  const [missing] = [...seen.keys()];
  if (missing !== undefined) {
    const [line] = await queryRows<{ fiscalYear: number; program: string; version: number; deleted: boolean }>(
      executor,
      sql`select fiscal_year as "fiscalYear", program, version, deleted_at is not null as deleted
          from allocations where id = ${missing}`,
    );
    return lineConflictMessage(
      executor,
      { allocationId: missing, fiscalYear: line?.fiscalYear ?? 0, program: line?.program ?? '', row: 0 },
      seen.get(missing)!,
      line ? { version: line.version, deleted: line.deleted } : null,
    );
  }
  return null;
}

/**
 * The locality's live lines a row of the file may be: those in the fiscal years the file names (by line key) and
 * those holding one of the file's import keys (a line moved to another year in the app keeps its key).
 */
async function loadStoredLines(
  executor: Executor,
  localityId: number,
  parsed: Extract<ParsedFile, { ok: true }>,
): Promise<StoredLine[]> {
  const years = [...new Set(parsed.preview.rows.map((row) => row.fiscalYear))];
  if (years.length === 0) return [];
  // Import keys are hex digests, so they can be written into an array literal as they are.
  const keys = parsed.preview.rows.map((row) => row.importKey).filter((key) => /^[0-9a-f]+$/.test(key));
  // As the database answers: the amount as text, the splits as "categoryId:shareBasisPoints,…".
  const rows = await queryRows<Omit<StoredLine, 'lineKey' | 'amountCents' | 'splits'> & { amountCents: string; splits: string }>(
    executor,
    sql`select a.id, a.version, a.import_key as "importKey", a.fiscal_year as "fiscalYear",
          a.last_fiscal_year as "lastFiscalYear", a.program, a.description, r.name as recipient, a.source_id as "sourceId",
          a.cost_type::text as "costType", a.amount_cents::text as "amountCents", a.status::text as status, a.created_by as "createdBy",
          a.submitted_by as "submittedBy",
          coalesce((select string_agg(s.category_id || ':' || s.share_bp, ',') from allocation_splits s
                    where s.allocation_id = a.id), '') as splits
        from allocations a left join recipients r on r.id = a.recipient_id
        where a.locality_id = ${localityId} and a.deleted_at is null
          and (a.fiscal_year in (select unnest(${`{${years.join(',')}}`}::int[]))
               or a.import_key in (select unnest(${`{${keys.join(',')}}`}::text[])))`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    version: Number(row.version),
    importKey: row.importKey,
    lineKey: lineKeyOf(row),
    fiscalYear: Number(row.fiscalYear),
    lastFiscalYear: row.lastFiscalYear === null ? null : Number(row.lastFiscalYear),
    program: row.program,
    description: row.description,
    recipient: row.recipient,
    sourceId: row.sourceId === null ? null : Number(row.sourceId),
    costType: row.costType,
    amountCents: BigInt(row.amountCents),
    status: row.status,
    createdBy: row.createdBy === null ? null : Number(row.createdBy),
    submittedBy: row.submittedBy === null ? null : Number(row.submittedBy),
    splits:
      row.splits === ''
        ? []
        : row.splits.split(',').map((part) => {
            const [categoryId, share] = part.split(':');
            return { categoryId: Number(categoryId), shareBasisPoints: Number(share) };
          }),
  }));
}

async function rememberMapping(executor: Executor, localityId: number, userId: number | null, mapping: Mapping) {
  const [row] = await queryRows<{ mapping: unknown }>(
    executor,
    sql`select mapping from import_mappings where locality_id = ${localityId}`,
  );
  const previous = typeof row?.mapping === 'object' && row.mapping !== null ? (row.mapping as Record<string, string | null>) : {};
  // Headers of other files this locality imported stay remembered; this file's choices win.
  const merged: Record<string, string | null> = { ...previous, ...mapping };
  await executor
    .insert(importMappings)
    .values({ localityId, mapping: merged, updatedBy: userId })
    .onConflictDoUpdate({
      target: importMappings.localityId,
      set: { mapping: merged, updatedBy: userId, updatedAt: sql`now()` },
    });
}
