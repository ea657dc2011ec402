import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/lib/data/rows';
import { postedColumnsSql } from '@/lib/data/sql/posted';
import { parseReceiptRows, type ParsedReceipt, type ReceiptRowsResult } from '@/lib/import/parse-receipts';
import type { ImportActor } from './actor';
import { checkPostOnSave } from '../money/posting-rules';
import { loadLocality } from '../record-refs';
import { loadReferenceLookups, type ReferenceLookups } from './lookups';
import { createSourceResolver } from './resolvers';
import { paymentYearProblem, readPaymentSpans } from '../expenditures/payment-year';
import {
  alreadyImportedReason,
  readMoneyFile,
  requireMoneyImportScope,
  setAsideImported,
  takenImportKeys,
  type MoneyImportCommitInput,
  type MoneyImportInput,
  type MoneyImportPlan,
} from './money';
import { unknownSourceReason } from './source-names';
import { recordImportAudit } from './audit';
import { idsByImportKey, toJson, writeInBatches } from './batch';
import {
  commitUnderImportLock,
  plannedFile,
  previewOf,
  refusedFile,
  type ImportPreviewOf,
  type ImportRefusal,
} from './commit';
import { auditCreatedRecords, writeContextOf, type WriteContext } from './write';
import type { ServiceContext } from '../context';

/**
 * Importing a receipts ledger (money received) the way allocations import: `previewReceiptImport` says what a
 * commit would do and writes nothing; `commitReceiptImport` reads the same file again, re-checks it against the
 * database under the import lock, and writes every receipt in ONE transaction with one audit row each, or nothing
 * when any row has a problem. A row imported before (same day, source, payment year and amount) is recognised by its
 * import key and not recorded twice.
 */

export interface PlannedReceipt extends ParsedReceipt {
  sourceName: string;
}

export type ReceiptImportPlan = MoneyImportPlan<PlannedReceipt>;

export type ReceiptImportPreview = ImportPreviewOf<ReceiptImportPlan>;

export type ReceiptImportCommitResult =
  | ({
      ok: true;
      importId: string;
      created: number;
      receiptIds: number[];
      alreadyImported: number;
    } & Omit<ReceiptImportPlan, 'errors' | 'create'> & { createdReceipts: PlannedReceipt[] })
  | ImportRefusal;

export async function previewReceiptImport(
  ctx: ServiceContext<ImportActor | null>,
  input: MoneyImportInput,
): Promise<ReceiptImportPreview> {
  const { db, actor } = ctx;
  requireMoneyImportScope(actor, input.localityId);
  const reference = await loadReferenceLookups(db, input.localityId);
  const parsed = await parseFile(db, reference, input);
  if (!parsed.ok) return parsed;
  const plan = await planReceipts(db, reference, parsed, input.localityId);
  return previewOf(input.fileName, plannedFile(parsed, plan));
}

export async function commitReceiptImport(
  ctx: ServiceContext<ImportActor | null>,
  input: MoneyImportCommitInput,
): Promise<ReceiptImportCommitResult> {
  const { db, actor } = ctx;
  const authority = requireMoneyImportScope(actor, input.localityId);
  if (input.post) checkPostOnSave(true, await loadLocality(db, input.localityId), 'receipt');
  const reference = await loadReferenceLookups(db, input.localityId);
  const parsed = await parseFile(db, reference, input);
  if (!parsed.ok) return refusedFile(parsed.reason, parsed);

  const planNow = async (tx: Executor) => plannedFile(parsed, await planReceipts(tx, reference, parsed, input.localityId));
  return commitUnderImportLock(ctx, input, 'receipts', planNow, async (tx, { plan, mapping }, importId) => {
    const context = { ...writeContextOf(authority, input, importId), post: input.post === true };
    const total = plan.create.length;
    input.onProgress?.(0, total);
    const receiptIds = await writeInBatches(plan.create, input.onProgress, (batch) => writeReceipts(tx, context, batch));
    const alreadyImported = await recordImportAudit(tx, authority, input, {
      importId,
      kind: 'receipts',
      created: total,
      skipped: plan.skipped,
      mapping,
      details: { amountCents: plan.totals.amountCents },
    });
    return {
      ok: true as const,
      importId,
      created: total,
      receiptIds,
      createdReceipts: plan.create,
      alreadyImported,
      skipped: plan.skipped,
      totals: plan.totals,
      notes: plan.notes,
    };
  });
}

async function parseFile(executor: Executor, reference: ReferenceLookups, input: MoneyImportInput): Promise<ReceiptRowsResult> {
  const read = await readMoneyFile(input);
  if (!read.ok) return read;
  const spans = new Map((await readPaymentSpans(executor)).map((span) => [span.id, span]));
  const resolveSource = createSourceResolver(reference.sources);
  const parsed = parseReceiptRows(
    read.rows,
    {
      fyStartMonth: reference.locality.fyStartMonth,
      today: input.today,
      resolveSource,
      unknownSource: (name) => unknownSourceReason(name, reference.sources),
      interestSourceId: reference.interestSourceIds[0] ?? null,
      paymentYearProblem: (sourceId, year) => {
        const span = spans.get(sourceId);
        return span ? paymentYearProblem(span, year) : null;
      },
    },
    input.mapping,
  );
  return parsed;
}

async function planReceipts(
  executor: Executor,
  reference: ReferenceLookups,
  parsed: Extract<ReceiptRowsResult, { ok: true }>,
  localityId: number,
): Promise<ReceiptImportPlan> {
  const taken = await takenImportKeys(executor, 'receipts', localityId);
  const sourceName = new Map(reference.sources.map((source) => [source.id, source.name]));
  const { create, skipped } = setAsideImported(
    parsed,
    taken,
    (existing) => alreadyImportedReason('receipt', existing),
    (receipt): PlannedReceipt => ({ ...receipt, sourceName: sourceName.get(receipt.sourceId) ?? String(receipt.sourceId) }),
  );
  const years = [...new Set(create.map((receipt) => receipt.fiscalYear))].sort((a, b) => a - b);
  const notes: string[] = [];
  if (years.length > 0) {
    notes.push(
      `Fiscal years from the dates received (fiscal years start in month ${reference.locality.fyStartMonth}): ` +
        years.map((year) => `FY${year}`).join(', ') + '.',
    );
  }
  const interestId = reference.interestSourceIds[0];
  const interestRows = create.filter((receipt) => receipt.sourceId === interestId).length;
  if (interestRows > 0) notes.push(`${interestRows} ${interestRows === 1 ? 'row is' : 'rows are'} interest earned on settlement funds.`);
  return {
    create,
    errors: parsed.errors,
    skipped,
    totals: { amountCents: create.reduce((sum, receipt) => sum + receipt.amountCents, 0n) },
    notes,
  };
}

/** One batch of receipts and one audit row each, built by the database from what it stored. */
async function writeReceipts(
  executor: Executor,
  context: WriteContext & { post: boolean },
  receipts: readonly PlannedReceipt[],
): Promise<number[]> {
  const rows = receipts.map((receipt) => ({
    source_id: receipt.sourceId,
    received_on: receipt.receivedOn,
    fiscal_year: receipt.fiscalYear,
    amount_cents: receipt.amountCents,
    payment_year: receipt.paymentYear,
    note: receipt.note,
    import_key: receipt.importKey,
    row: receipt.row,
  }));
  const inserted = await queryRows<{ id: number; importKey: string }>(
    executor,
    sql`insert into receipts (locality_id, source_id, received_on, fiscal_year, amount_cents, payment_year, note, import_key, created_by,
          posted_at, posted_by)
        select ${context.localityId}, x.source_id, x.received_on, x.fiscal_year, x.amount_cents, x.payment_year, x.note,
          x.import_key, ${context.userId}::integer, ${postedColumnsSql(context.post, context.userId)}
        from jsonb_to_recordset(${toJson(rows)}::jsonb) as x(source_id integer, received_on date, fiscal_year smallint,
          amount_cents bigint, payment_year smallint, note text, import_key text)
        returning id, import_key as "importKey"`,
  );
  const ids = idsByImportKey(inserted, receipts, (receipt) => `receipt of row ${receipt.row} was not created`);
  await auditCreatedRecords(
    executor,
    context,
    {
      entity: 'receipt',
      table: 'receipts',
      alias: 'r',
      joins: sql`join funding_sources s on s.id = r.source_id`,
      after: sql`jsonb_build_object(
        'receivedOn', r.received_on::text, 'fiscalYear', r.fiscal_year, 'sourceId', r.source_id, 'source', s.name,
        'paymentYear', r.payment_year, 'amountCents', r.amount_cents::text, 'note', r.note, 'importKey', r.import_key)`,
    },
    ids,
    receipts,
  );
  return ids;
}
