import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { queryRows } from '@/lib/data/rows';
import { postedColumnsSql } from '@/lib/data/sql/posted';
import type { ImportRowError } from '@/lib/import';
import { parseReceiptRows, type ParsedReceipt } from '@/lib/import/parse-receipts';
import type { ImportActor } from './import-actor';
import { checkPostOnSave } from './post-money';
import { loadLocality } from './record-refs';
import { loadReferenceLookups, type ReferenceLookups } from './import-lookups';
import { createSourceResolver } from './import-resolvers';
import { paymentYearProblem, readPaymentSpans } from './payment-year';
import {
  IMPORT_LOCK_KEY,
  MONEY_IMPORT_BATCH_ROWS,
  countChangedReason,
  problemsReason,
  readMoneyFile,
  requireMoneyImportScope,
  takenImportKeys,
  toJson,
  yieldTurn,
  type MoneyImportAuthority,
  type MoneyImportCommitInput,
  type MoneyImportFailure,
  type MoneyImportInput,
  type MoneySkippedRow,
} from './import-money';
import { unknownSourceReason } from './import-source-names';
import { recordImportAudit } from './import-audit';

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

export interface ReceiptImportPlan {
  create: PlannedReceipt[];
  errors: ImportRowError[];
  skipped: MoneySkippedRow[];
  totals: { amountCents: bigint };
  /** How the file was read: fiscal years from the dates, interest rows. */
  notes: string[];
}

export type ReceiptImportPreview =
  | ({ ok: true; fileName: string; headers: string[]; mapping: Record<string, string | null>; committable: boolean } & ReceiptImportPlan)
  | { ok: false; reason: string; headers?: string[]; mapping?: Record<string, string | null> };

export type ReceiptImportCommitResult =
  | ({
      ok: true;
      importId: string;
      created: number;
      receiptIds: number[];
      alreadyImported: number;
    } & Omit<ReceiptImportPlan, 'errors' | 'create'> & { createdReceipts: PlannedReceipt[] })
  | MoneyImportFailure;

export async function previewReceiptImport(
  db: Database,
  actor: ImportActor | null,
  input: MoneyImportInput,
): Promise<ReceiptImportPreview> {
  requireMoneyImportScope(actor, input.localityId);
  const reference = await loadReferenceLookups(db, input.localityId);
  const parsed = await parseFile(db, reference, input);
  if (!parsed.ok) return parsed;
  const plan = await planReceipts(db, reference, parsed, input.localityId);
  return {
    ok: true,
    fileName: input.fileName,
    headers: parsed.headers,
    mapping: parsed.mapping,
    committable: plan.errors.length === 0,
    ...plan,
  };
}

export async function commitReceiptImport(
  db: Database,
  actor: ImportActor | null,
  input: MoneyImportCommitInput,
): Promise<ReceiptImportCommitResult> {
  const authority = requireMoneyImportScope(actor, input.localityId);
  if (input.post) checkPostOnSave(true, await loadLocality(db, input.localityId), 'receipt');
  const reference = await loadReferenceLookups(db, input.localityId);
  const parsed = await parseFile(db, reference, input);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, errors: [], headers: parsed.headers, mapping: parsed.mapping };

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY}, ${input.localityId})`);
    const plan = await planReceipts(tx, reference, parsed, input.localityId);
    const failure = { headers: parsed.headers, mapping: parsed.mapping };
    if (plan.errors.length > 0) return { ok: false as const, reason: problemsReason(plan.errors), errors: plan.errors, ...failure };
    if (input.expectedRowCount !== undefined && input.expectedRowCount !== plan.create.length) {
      return { ok: false as const, reason: countChangedReason(input.expectedRowCount, plan.create.length, 'receipts'), errors: [], ...failure };
    }

    const importId = crypto.randomUUID();
    const total = plan.create.length;
    input.onProgress?.(0, total);
    const receiptIds: number[] = [];
    for (let start = 0; start < total; start += MONEY_IMPORT_BATCH_ROWS) {
      const batch = plan.create.slice(start, start + MONEY_IMPORT_BATCH_ROWS);
      receiptIds.push(...(await writeReceipts(tx, authority, { localityId: input.localityId, importId, fileName: input.fileName, post: input.post === true }, batch)));
      input.onProgress?.(Math.min(start + MONEY_IMPORT_BATCH_ROWS, total), total);
      await yieldTurn();
    }
    const alreadyImported = await recordImportAudit(tx, authority, {
      localityId: input.localityId,
      importId,
      kind: 'receipts',
      fileName: input.fileName,
      bytes: input.bytes,
      created: total,
      skipped: plan.skipped,
      mapping: parsed.mapping,
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

type ParsedFile =
  | { ok: true; headers: string[]; mapping: Record<string, string | null>; rows: ParsedReceipt[]; errors: ImportRowError[]; skipped: { row: number; reason: string }[] }
  | { ok: false; reason: string; headers?: string[]; mapping?: Record<string, string | null> };

async function parseFile(executor: Executor, reference: ReferenceLookups, input: MoneyImportInput): Promise<ParsedFile> {
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
  parsed: Extract<ParsedFile, { ok: true }>,
  localityId: number,
): Promise<ReceiptImportPlan> {
  const taken = await takenImportKeys(executor, 'receipts', localityId);
  const sourceName = new Map(reference.sources.map((source) => [source.id, source.name]));
  const skipped: MoneySkippedRow[] = parsed.skipped.map((row) => ({ ...row, kind: 'not-a-line' as const }));
  const create: PlannedReceipt[] = [];
  for (const receipt of parsed.rows) {
    const existing = taken.get(receipt.importKey);
    if (existing) {
      const reason = existing.deleted
        ? `already imported as receipt ${existing.id}, which was deleted since; not imported again`
        : `already imported (receipt ${existing.id})`;
      skipped.push({ row: receipt.row, kind: 'already-imported', reason });
      continue;
    }
    create.push({ ...receipt, sourceName: sourceName.get(receipt.sourceId) ?? String(receipt.sourceId) });
  }
  skipped.sort((a, b) => a.row - b.row);
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
  authority: MoneyImportAuthority,
  context: { localityId: number; importId: string; fileName: string; post: boolean },
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
          x.import_key, ${authority.userId}::integer, ${postedColumnsSql(context.post, authority.userId)}
        from jsonb_to_recordset(${toJson(rows)}::jsonb) as x(source_id integer, received_on date, fiscal_year smallint,
          amount_cents bigint, payment_year smallint, note text, import_key text)
        returning id, import_key as "importKey"`,
  );
  const idByKey = new Map(inserted.map((row) => [row.importKey, Number(row.id)]));
  const ids = receipts.map((receipt) => {
    const id = idByKey.get(receipt.importKey);
    if (id === undefined) throw new Error(`receipt of row ${receipt.row} was not created`);
    return id;
  });
  const audited = receipts.map((receipt, index) => ({ id: ids[index], row: receipt.row }));
  await executor.execute(sql`
    insert into audit_log (user_id, locality_id, action, entity, entity_id, after, reason)
    select ${authority.userId}::integer, r.locality_id, 'create', 'receipt', r.id::text,
      jsonb_build_object(
        'receivedOn', r.received_on::text, 'fiscalYear', r.fiscal_year, 'sourceId', r.source_id, 'source', s.name,
        'paymentYear', r.payment_year, 'amountCents', r.amount_cents::text, 'note', r.note, 'importKey', r.import_key,
        'importId', ${context.importId}::text, 'row', m.row),
      ${`${authority.via} of ${context.fileName} (row `}::text || m.row || ')'
    from jsonb_to_recordset(${toJson(audited)}::jsonb) as m(id integer, row integer)
    join receipts r on r.id = m.id
    join funding_sources s on s.id = r.source_id
    order by m.row`);
  return ids;
}
