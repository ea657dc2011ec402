import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/lib/data/rows';
import { postedColumnsSql } from '@/lib/data/sql/posted';
import type { ImportRowError } from '@/lib/import';
import { parseExpenditureRows, type ParsedExpenditure } from '@/lib/import/parse-expenditures';
import { formatCents } from '@/lib/money';
import { recipientTypeFromName } from '@/lib/recipients/criminal-legal';
import type { ImportActor } from './actor';
import { checkPayment, lockAllocationBudgets, type AllocationBudget } from '../expenditures/guardrails';
import { checkPostOnSave } from '../money/posting-rules';
import { loadLocality } from '../record-refs';
import { loadLocalityLines, loadReferenceLookups, type ReferenceLookups } from './lookups';
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
import { recordImportAudit } from './audit';
import { recipientTypeLabel } from './plan-recipients';
import { idsByImportKey, toJson, writeInBatches } from './batch';
import {
  commitUnderImportLock,
  plannedFile,
  previewOf,
  type FileRefusal,
  type ImportPreviewOf,
  type ImportRefusal,
  type PlannedFile,
} from './commit';
import { auditCreatedRecords, recipientIdOf, writeContextOf, writeRecipients, type WriteContext } from './write';
import type { ServiceContext } from '../context';

/**
 * Importing an expenditures report (payments made) the way allocations import: each payment is recorded against the
 * live allocation line its program names, with who was paid (`expenditures.recipient_id`). A payee the locality has
 * not recorded is created: a police, sheriff, jail or court agency gets that type from its name (the preview says
 * so), anything else "other". Preview writes nothing; commit writes every payment in ONE transaction with one audit
 * row each, or nothing; a payment imported before is recognised by its import key and not recorded twice.
 */

export interface PlannedExpenditure extends ParsedExpenditure {
  /** The payee: an existing recipient (id) or one this import creates (id null). */
  payee: { id: number | null; name: string; type: string } | null;
}

export interface NewPayee {
  name: string;
  type: string;
  /** First row that names it. */
  row: number;
  /** True when the type was read from the name ("Springfield Police Department" → law enforcement). */
  typeFromName: boolean;
}

export interface ExpenditureImportPlan extends MoneyImportPlan<PlannedExpenditure> {
  newRecipients: NewPayee[];
}

export type ExpenditureImportPreview = ImportPreviewOf<ExpenditureImportPlan>;

export type ExpenditureImportCommitResult =
  | ({
      ok: true;
      importId: string;
      created: number;
      expenditureIds: number[];
      recipientsCreated: number;
      alreadyImported: number;
      createdExpenditures: PlannedExpenditure[];
    } & Omit<ExpenditureImportPlan, 'errors' | 'create'>)
  | ImportRefusal;

export async function previewExpenditureImport(
  ctx: ServiceContext<ImportActor | null>,
  input: MoneyImportInput,
): Promise<ExpenditureImportPreview> {
  const { db, actor } = ctx;
  requireMoneyImportScope(actor, input.localityId);
  const reference = await loadReferenceLookups(db, input.localityId);
  const planned = await readAndPlan(db, reference, input);
  if (!planned.ok) return planned;
  return previewOf(input.fileName, planned);
}

export async function commitExpenditureImport(
  ctx: ServiceContext<ImportActor | null>,
  input: MoneyImportCommitInput,
): Promise<ExpenditureImportCommitResult> {
  const { db, actor } = ctx;
  const authority = requireMoneyImportScope(actor, input.localityId);
  if (input.post) checkPostOnSave(true, await loadLocality(db, input.localityId), 'payment');
  const reference = await loadReferenceLookups(db, input.localityId);
  // Read under the lock: the lines paid against and the payees are what the database holds now; the lines' rows
  // stay locked (for update) so no payment saved from the form meanwhile spends the same remainder.
  const planNow = (tx: Executor) => readAndPlan(tx, reference, input, true);
  return commitUnderImportLock(ctx, input, 'payments', planNow, async (tx, { plan, mapping }, importId) => {
    const context = { ...writeContextOf(authority, input, importId), post: input.post === true };
    const recipientIds = await writeRecipients(tx, context, plan.newRecipients);
    const total = plan.create.length;
    input.onProgress?.(0, total);
    const expenditureIds = await writeInBatches(plan.create, input.onProgress, (batch) => writeExpenditures(tx, context, batch, recipientIds));
    const alreadyImported = await recordImportAudit(tx, authority, input, {
      importId,
      kind: 'expenditures',
      created: total,
      skipped: plan.skipped,
      mapping,
      details: { recipientsCreated: plan.newRecipients.length, amountCents: plan.totals.amountCents },
    });
    return {
      ok: true as const,
      importId,
      created: total,
      expenditureIds,
      recipientsCreated: plan.newRecipients.length,
      alreadyImported,
      createdExpenditures: plan.create,
      skipped: plan.skipped,
      newRecipients: plan.newRecipients,
      totals: plan.totals,
      notes: plan.notes,
    };
  });
}

async function readAndPlan(
  executor: Executor,
  reference: ReferenceLookups,
  input: MoneyImportInput,
  lock = false,
): Promise<PlannedFile<ExpenditureImportPlan> | FileRefusal> {
  const read = await readMoneyFile(input);
  if (!read.ok) return read;
  const lines = await loadLocalityLines(executor, input.localityId);
  const parsed = parseExpenditureRows(
    read.rows,
    { fyStartMonth: reference.locality.fyStartMonth, today: input.today, lines },
    input.mapping,
  );
  if (!parsed.ok) return parsed;

  const taken = await takenImportKeys(executor, 'expenditures', input.localityId);
  const recipients = await queryRows<{ id: number; name: string; type: string }>(
    executor,
    sql`select id, name, type::text as type from recipients where locality_id = ${input.localityId}`,
  );
  const existing = new Map(recipients.map((row) => [row.name.toLowerCase(), { ...row, id: Number(row.id) }]));
  const newPayees = new Map<string, NewPayee>();
  const payeeOf = (name: string, row: number): PlannedExpenditure['payee'] => {
    // Compared as the recipients' unique index compares names.
    const key = name.toLowerCase();
    const known = existing.get(key);
    if (known) return known;
    let added = newPayees.get(key);
    if (!added) {
      const fromName = recipientTypeFromName(name);
      added = { name, type: fromName ?? 'other', row, typeFromName: fromName !== null };
      newPayees.set(key, added);
    }
    return { id: null, name: added.name, type: added.type };
  };
  const { create, skipped } = setAsideImported(
    parsed,
    taken,
    (already) => alreadyImportedReason('payment', already),
    (payment): PlannedExpenditure => ({ ...payment, payee: payment.recipient === null ? null : payeeOf(payment.recipient, payment.row) }),
  );
  const budgets = await lockAllocationBudgets(
    executor,
    input.localityId,
    create.map((payment) => payment.allocationId),
    null,
    lock,
  );
  const guarded = guardPayments(create, budgets, parsed.mapping);
  const errors = [...parsed.errors, ...guarded.errors].sort((a, b) => a.row - b.row);
  const newRecipients = [...newPayees.values()];
  const notes: string[] = [];
  for (const payee of newRecipients.filter((candidate) => candidate.typeFromName)) {
    notes.push(
      `New recipient "${payee.name}" (row ${payee.row}) is recorded as ${recipientTypeLabel(payee.type)} ` +
        'from its name: a criminal-legal-system recipient.',
    );
  }
  const plan: ExpenditureImportPlan = {
    create: guarded.accepted,
    errors,
    skipped,
    newRecipients,
    totals: { amountCents: guarded.accepted.reduce((sum, payment) => sum + payment.amountCents, 0n) },
    notes,
  };
  return plannedFile(parsed, plan);
}

/**
 * The guardrails on every payment of the file, in row order, on a running total per allocation line: each row is
 * checked against what the database holds plus the rows above it (lib/services/expenditures/guardrails.ts). A payment beyond what
 * remains keeps its overspend reason; one within it stores none.
 */
function guardPayments(
  create: readonly PlannedExpenditure[],
  budgets: ReadonlyMap<number, AllocationBudget>,
  mapping: Record<string, string | null>,
): { accepted: PlannedExpenditure[]; errors: ImportRowError[] } {
  const headerOf = (field: string, label: string) => Object.entries(mapping).find(([, mapped]) => mapped === field)?.[0] ?? label;
  const running = new Map<number, AllocationBudget>();
  const accepted: PlannedExpenditure[] = [];
  const errors: ImportRowError[] = [];
  for (const payment of create) {
    const budget = running.get(payment.allocationId) ?? budgets.get(payment.allocationId);
    if (!budget) {
      errors.push({ row: payment.row, column: headerOf('program', 'program'), value: payment.allocationLabel, reason: 'the allocation line was deleted meanwhile' });
      continue;
    }
    const check = checkPayment(budget, payment.amountCents, payment.overspendReason);
    if (!check.ok) {
      if (check.field === 'allocationId') {
        errors.push({ row: payment.row, column: headerOf('program', 'program'), value: payment.allocationLabel, reason: check.reason });
      } else {
        errors.push({ row: payment.row, column: headerOf('amount', 'amount'), value: formatCents(payment.amountCents), reason: check.reason + overspendColumnHint(mapping) });
      }
      continue;
    }
    running.set(payment.allocationId, { ...budget, paidCents: budget.paidCents + payment.amountCents });
    accepted.push({ ...payment, overspendReason: check.overspend ? payment.overspendReason : null });
  }
  return { accepted, errors };
}

function overspendColumnHint(mapping: Record<string, string | null>): string {
  return Object.values(mapping).includes('overspend_reason') ? '' : ' To give one, add an "Overspend reason" column.';
}

/** One batch of payments and one audit row each, built by the database from what it stored. */
async function writeExpenditures(
  executor: Executor,
  context: WriteContext & { post: boolean },
  payments: readonly PlannedExpenditure[],
  newRecipientIds: ReadonlyMap<string, number>,
): Promise<number[]> {
  const rows = payments.map((payment) => ({
    allocation_id: payment.allocationId,
    paid_on: payment.paidOn,
    fiscal_year: payment.fiscalYear,
    amount_cents: payment.amountCents,
    description: payment.description,
    cost_type: payment.costType,
    overspend_reason: payment.overspendReason,
    recipient_id: recipientIdOf(payment.payee, newRecipientIds),
    import_key: payment.importKey,
  }));
  const inserted = await queryRows<{ id: number; importKey: string }>(
    executor,
    sql`insert into expenditures (allocation_id, locality_id, paid_on, fiscal_year, amount_cents, description, cost_type,
          overspend_reason, recipient_id, import_key, created_by, posted_at, posted_by)
        select x.allocation_id, ${context.localityId}, x.paid_on, x.fiscal_year, x.amount_cents, x.description, x.cost_type,
          x.overspend_reason, x.recipient_id, x.import_key, ${context.userId}::integer, ${postedColumnsSql(context.post, context.userId)}
        from jsonb_to_recordset(${toJson(rows)}::jsonb) as x(allocation_id integer, paid_on date, fiscal_year smallint,
          amount_cents bigint, description text, cost_type cost_type, overspend_reason text, recipient_id integer, import_key text)
        returning id, import_key as "importKey"`,
  );
  const ids = idsByImportKey(inserted, payments, (payment) => `payment of row ${payment.row} was not created`);
  await auditCreatedRecords(
    executor,
    context,
    {
      entity: 'expenditure',
      table: 'expenditures',
      alias: 'x',
      joins: sql`join allocations a on a.id = x.allocation_id
        left join recipients r on r.id = x.recipient_id`,
      after: sql`jsonb_build_object(
        'allocationId', x.allocation_id, 'program', a.program, 'paidOn', x.paid_on::text, 'fiscalYear', x.fiscal_year,
        'amountCents', x.amount_cents::text, 'description', x.description, 'costType', x.cost_type, 'overspendReason', x.overspend_reason, 'recipientId', x.recipient_id,
        'recipient', r.name, 'importKey', x.import_key)`,
    },
    ids,
    payments,
  );
  return ids;
}
