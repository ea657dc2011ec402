import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/lib/data/rows';
import {
  parseExpectedPaymentRows,
  type ExpectedPaymentRowsResult,
  type ParsedExpectedPayment,
} from '@/lib/import/parse-expected-payments';
import type { ImportActor } from '../import/actor';
import {
  alreadyImportedReason,
  readMoneyFile,
  requireMoneyImportScope,
  setAsideImported,
  type MoneyImportInput,
  type MoneyImportPlan,
} from '../import/money';
import { createSourceResolver } from '../import/resolvers';
import { unknownSourceReason } from '../import/source-names';
import { paymentYearProblem, readPaymentSpans, type PaymentSpan } from '../expenditures/payment-year';
import { recordImportAudit } from '../import/audit';
import { idsByImportKey, toJson } from '../import/batch';
import { commitUnderImportLock, plannedFile, previewOf, refusedFile, type ImportPreviewOf, type ImportRefusal } from '../import/commit';
import { recordCreatedAudit, writeContextOf, type WriteContext } from '../import/write';
import type { ServiceContext } from '../context';

/**
 * Importing a settlement administrator's payment estimates as expected-payment revisions, the way receipts import:
 * `previewExpectedPaymentImport` writes nothing; `commitExpectedPaymentImport` re-reads the file under the import
 * lock and writes every revision in ONE transaction with one audit row each, or nothing when any row has a problem.
 * A row imported before (same settlement, year, amount, dates and source) is recognised by its import key.
 */

export interface ExpectedPaymentImportInput extends MoneyImportInput {
  /** Where the estimates come from, for a file with no Source column. */
  estimateSource?: string;
  /** The date of the estimates, for a file with no Estimate Date column (YYYY-MM-DD or as ledgers write dates). */
  estimatedOn?: string;
}

export interface ExpectedPaymentImportCommitInput extends ExpectedPaymentImportInput {
  expectedRowCount?: number;
}

export interface PlannedExpectedPayment extends ParsedExpectedPayment {
  sourceName: string;
}

export type ExpectedPaymentImportPlan = MoneyImportPlan<PlannedExpectedPayment>;

export type ExpectedPaymentImportPreview = ImportPreviewOf<ExpectedPaymentImportPlan>;

export type ExpectedPaymentImportCommitResult =
  | ({ ok: true; importId: string; created: number; ids: number[]; alreadyImported: number } & Omit<ExpectedPaymentImportPlan, 'errors'>)
  | ImportRefusal;

export async function previewExpectedPaymentImport(
  ctx: ServiceContext<ImportActor | null>,
  input: ExpectedPaymentImportInput,
): Promise<ExpectedPaymentImportPreview> {
  const { db, actor } = ctx;
  requireMoneyImportScope(actor, input.localityId);
  const sources = await readPaymentSpans(db);
  const parsed = await parseFile(sources, input);
  if (!parsed.ok) return parsed;
  const plan = await planRevisions(db, sources, parsed, input.localityId);
  return previewOf(input.fileName, plannedFile(parsed, plan));
}

export async function commitExpectedPaymentImport(
  ctx: ServiceContext<ImportActor | null>,
  input: ExpectedPaymentImportCommitInput,
): Promise<ExpectedPaymentImportCommitResult> {
  const { db, actor } = ctx;
  const authority = requireMoneyImportScope(actor, input.localityId);
  const sources = await readPaymentSpans(db);
  const parsed = await parseFile(sources, input);
  if (!parsed.ok) return refusedFile(parsed.reason, parsed);

  const planNow = async (tx: Executor) => plannedFile(parsed, await planRevisions(tx, sources, parsed, input.localityId));
  return commitUnderImportLock(ctx, input, 'estimates', planNow, async (tx, { plan, mapping }, importId) => {
    const ids = await writeRevisions(tx, writeContextOf(authority, input, importId), plan.create);
    const { create, skipped, totals, notes } = plan;
    const details = { amountCents: totals.amountCents };
    const summary = { importId, kind: 'expected-payments', created: create.length, skipped, mapping, details };
    const alreadyImported = await recordImportAudit(tx, authority, input, summary);
    return { ok: true as const, importId, created: create.length, ids, alreadyImported, create, skipped, totals, notes };
  });
}

async function parseFile(sources: readonly (PaymentSpan & { key: string })[], input: ExpectedPaymentImportInput): Promise<ExpectedPaymentRowsResult> {
  const read = await readMoneyFile(input);
  if (!read.ok) return read;
  const byId = new Map(sources.map((source) => [source.id, source]));
  return parseExpectedPaymentRows(
    read.rows,
    {
      resolveSource: createSourceResolver(sources),
      unknownSource: (name) => unknownSourceReason(name, sources),
      settlementYearProblem(sourceId, year) {
        const source = byId.get(sourceId)!;
        if (source.kind !== 'settlement') return { field: 'settlement', reason: `${source.name} is not a settlement; expected payments are for settlements only` };
        const problem = paymentYearProblem(source, year);
        return problem ? { field: 'payment_year', reason: problem } : null;
      },
      estimateSource: input.estimateSource ?? '',
      estimatedOn: input.estimatedOn ?? '',
    },
    input.mapping,
  );
}

async function planRevisions(
  executor: Executor,
  sources: readonly PaymentSpan[],
  parsed: Extract<ExpectedPaymentRowsResult, { ok: true }>,
  localityId: number,
): Promise<ExpectedPaymentImportPlan> {
  const taken = await queryRows<{ id: number; importKey: string }>(
    executor,
    sql`select id, import_key as "importKey" from expected_payments where locality_id = ${localityId} and import_key is not null`,
  );
  const takenIds = new Map(taken.map((row) => [row.importKey, { id: Number(row.id), deleted: false }]));
  const names = new Map(sources.map((source) => [source.id, source.name]));
  const { create, skipped } = setAsideImported(
    parsed,
    takenIds,
    (existing) => alreadyImportedReason('estimate', existing),
    (revision): PlannedExpectedPayment => ({ ...revision, sourceName: names.get(revision.sourceId) ?? String(revision.sourceId) }),
  );
  const settlements = new Set(create.map((revision) => revision.sourceId)).size;
  const notes =
    create.length === 0
      ? []
      : [`${create.length} estimates of ${settlements} ${settlements === 1 ? 'settlement' : 'settlements'}; each is kept as a revision, and the newest of each settlement and year is the one reconciled.`];
  return { create, errors: parsed.errors, skipped, totals: { amountCents: create.reduce((sum, row) => sum + row.amountCents, 0n) }, notes };
}

async function writeRevisions(executor: Executor, context: WriteContext, revisions: readonly PlannedExpectedPayment[]): Promise<number[]> {
  if (revisions.length === 0) return [];
  const rows = revisions.map((revision) => ({
    source_id: revision.sourceId,
    payment_year: revision.paymentYear,
    expected_on: revision.expectedOn,
    amount_cents: revision.amountCents,
    estimated_on: revision.estimatedOn,
    estimate_source: revision.estimateSource,
    import_key: revision.importKey,
    row: revision.row,
  }));
  const inserted = await queryRows<{ id: number; importKey: string }>(
    executor,
    sql`insert into expected_payments (locality_id, source_id, payment_year, expected_on, amount_cents, estimated_on, estimate_source, import_key, created_by)
        select ${context.localityId}, x.source_id, x.payment_year, x.expected_on, x.amount_cents, x.estimated_on, x.estimate_source, x.import_key,
          ${context.userId}::integer
        from jsonb_to_recordset(${toJson(rows)}::jsonb) as x(source_id integer, payment_year smallint, expected_on date,
          amount_cents bigint, estimated_on date, estimate_source text, import_key text)
        returning id, import_key as "importKey"`,
  );
  const ids = idsByImportKey(inserted, revisions, (revision) => `estimate of row ${revision.row} was not recorded`);
  await recordCreatedAudit(executor, context, 'expected_payment', ids, revisions, (revision) => ({
    sourceId: revision.sourceId,
    source: revision.sourceName,
    paymentYear: revision.paymentYear,
    expectedOn: revision.expectedOn,
    amountCents: revision.amountCents,
    estimatedOn: revision.estimatedOn,
    estimateSource: revision.estimateSource,
  }));
  return ids;
}
