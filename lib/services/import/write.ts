import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { allocationSplits, allocations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { queryRows } from '@/lib/data/rows';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Forbidden } from '@/lib/errors';
import { formatChangeTime, lastChangeOf } from '../conflict';
import { describeLineChanges, type StatusStep } from './changes';
import { IMPORT_BATCH_ROWS, idsByImportKey, toJson } from './batch';
import type { PlannedLine, PlannedUpdate } from './plan';
import { separationOfDutiesConflict } from '../separation-of-duties';

/** The bulk writes of an import, each batch in the statements of batch.ts. */

export interface WriteContext {
  localityId: number;
  userId: number | null;
  importId: string;
  fileName: string;
  via: string;
}

/** What every write of one import says of it: the locality, who imports and how, the import's id and its file. */
export function writeContextOf(
  authority: { userId: number | null; via: string },
  input: { localityId: number; fileName: string },
  importId: string,
): WriteContext {
  return { localityId: input.localityId, userId: authority.userId, importId, fileName: input.fileName, via: authority.via };
}

/** "spreadsheet import of budget.csv (row 5)": the reason of the audit row of each record an import writes. */
export function importRowReason(context: Pick<WriteContext, 'via' | 'fileName'>, row: number): string {
  return `${context.via} of ${context.fileName} (row ${row})`;
}

/**
 * One 'create' audit row per record of a batch just written, built by the database from the rows it stored: what the
 * log says is what was stored, and no second copy of 5,000 records travels as JSON text to be parsed again. `record`
 * names the table (as `alias`), what it joins for the names the row shows, and `after`, the row's
 * jsonb_build_object, to which the import's id and the file's row are added.
 */
export async function auditCreatedRecords(
  executor: Executor,
  context: WriteContext,
  record: { entity: string; table: string; alias: string; joins: SQL; after: SQL },
  ids: readonly number[],
  records: readonly { row: number }[],
): Promise<void> {
  const audited = records.map((written, index) => ({ id: ids[index], row: written.row }));
  const alias = sql.raw(record.alias);
  await executor.execute(sql`
    insert into audit_log (user_id, locality_id, action, entity, entity_id, after, reason)
    select ${context.userId}::integer, ${alias}.locality_id, 'create', ${record.entity}::text, ${alias}.id::text,
      ${record.after} || jsonb_build_object('importId', ${context.importId}::text, 'row', m.row),
      ${`${context.via} of ${context.fileName} (row `}::text || m.row || ')'
    from jsonb_to_recordset(${toJson(audited)}::jsonb) as m(id integer, row integer)
    join ${sql.raw(record.table)} ${alias} on ${alias}.id = m.id
    ${record.joins}
    order by m.row`);
}

/**
 * One 'create' audit row per record just written, from the values the import wrote, with its import key, the
 * import's id and the file's row. The change is signalled at commit through the import's own audit row (audit.ts),
 * which names the same locality. `afterOf` gives the rest of "after".
 */
export async function recordCreatedAudit<Record extends { row: number; importKey: string }>(
  executor: Executor,
  context: WriteContext,
  entity: string,
  ids: readonly number[],
  records: readonly Record[],
  afterOf: (record: Record, id: number) => object,
): Promise<void> {
  await recordAudit(
    executor,
    records.map((record, index) => ({
      userId: context.userId,
      localityId: context.localityId,
      action: 'create',
      entity,
      entityId: ids[index]!,
      after: { ...afterOf(record, ids[index]!), importKey: record.importKey, importId: context.importId, row: record.row },
      reason: importRowReason(context, record.row),
    })),
  );
}

/** Creates the new recipients (a concurrent one of the same name is used, not duplicated); lower(name) → id. */
export async function writeRecipients(
  executor: Executor,
  context: WriteContext,
  recipients: readonly { name: string; type: string }[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (recipients.length === 0) return ids;
  for (let start = 0; start < recipients.length; start += IMPORT_BATCH_ROWS) {
    const batch = recipients.slice(start, start + IMPORT_BATCH_ROWS).map((r) => ({ name: r.name, type: r.type }));
    const created = await queryRows<{ id: number; name: string; type: string }>(
      executor,
      sql`insert into recipients (locality_id, name, type)
          select ${context.localityId}, x.name, x.type
          from jsonb_to_recordset(${toJson(batch)}::jsonb) as x(name text, type recipient_type)
          on conflict do nothing
          returning id, name, type::text as type`,
    );
    await writeAudit(
      executor,
      created.map((row) => ({
        user_id: context.userId,
        locality_id: context.localityId,
        action: 'create',
        entity: 'recipient',
        entity_id: String(row.id),
        after: { name: row.name, type: row.type, livedExperienceLed: false },
        reason: `${context.via} of ${context.fileName}`,
      })),
    );
    // Matched the way the unique index compares names, so a row another session created is found too.
    const rows = await queryRows<{ wanted: string; id: number }>(
      executor,
      sql`select x.name as wanted, r.id
          from jsonb_to_recordset(${toJson(batch)}::jsonb) as x(name text)
          join recipients r on r.locality_id = ${context.localityId} and lower(r.name) = lower(x.name)`,
    );
    for (const row of rows) ids.set(row.wanted.toLowerCase(), Number(row.id));
  }
  return ids;
}

interface AuditRow {
  user_id: number | null;
  locality_id: number;
  action: string;
  entity: string;
  entity_id: string;
  after: unknown;
  reason: string;
}

async function writeAudit(executor: Executor, rows: readonly AuditRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += IMPORT_BATCH_ROWS) {
    const batch = rows.slice(start, start + IMPORT_BATCH_ROWS);
    await executor.execute(sql`
      insert into audit_log (user_id, locality_id, action, entity, entity_id, after, reason)
      select x.user_id, x.locality_id, x.action, x.entity, x.entity_id, x.after, x.reason
      from jsonb_to_recordset(${toJson(batch)}::jsonb)
        as x(user_id integer, locality_id integer, action text, entity text, entity_id text, after jsonb, reason text)`);
  }
}

/** The id of a row's recipient: one recorded before, or one this import created (by lower(name)); null for none. */
export function recipientIdOf(recipient: { id: number | null; name: string } | null, created: ReadonlyMap<string, number>): number | null {
  if (!recipient) return null;
  const id = recipient.id ?? created.get(recipient.name.toLowerCase());
  if (id === undefined) throw new Error(`recipient ${recipient.name} was not created`);
  return id;
}

/**
 * One batch of lines: the allocations, their category splits, their imported spending, and one audit row per line
 * whose "after" holds all of it. Returns the new allocation ids in the order of `lines`.
 */
export async function writeLines(
  executor: Executor,
  context: WriteContext,
  lines: readonly PlannedLine[],
  recipientIds: ReadonlyMap<string, number>,
): Promise<number[]> {
  if (lines.length === 0) return [];
  // Separation of duties, checked again where it is written: a person's import creates these lines, so it never
  // decides on them (the plan refuses such rows first, with the row; the database refuses them last).
  const decidedByCreator = context.userId === null ? undefined : lines.find((line) => line.status === 'approved' || line.status === 'returned');
  if (decidedByCreator) {
    throw new Forbidden(`Row ${decidedByCreator.row}: this import creates the line, so another member of the board must decide on it; nothing was imported.`);
  }
  const allocationRows = lines.map((line) => ({
    fiscal_year: line.fiscalYear,
    last_fiscal_year: line.lastFiscalYear,
    program: line.program,
    description: line.description,
    recipient_id: recipientIdOf(line.recipient, recipientIds),
    source_id: line.sourceId,
    cost_type: line.costType,
    amount_cents: line.amountCents,
    status: line.status,
    import_key: line.importKey,
    submitted: line.status !== 'draft',
    decided: line.status === 'approved' || line.status === 'returned',
  }));
  const inserted = await queryRows<{ id: number; importKey: string }>(
    executor,
    sql`insert into allocations (locality_id, fiscal_year, last_fiscal_year, program, description, recipient_id, source_id, cost_type, amount_cents,
          status, import_key, created_by, updated_by, submitted_by, submitted_at, decided_by, decided_at, decision_reason)
        select ${context.localityId}, x.fiscal_year, x.last_fiscal_year, x.program, x.description, x.recipient_id, x.source_id, x.cost_type, x.amount_cents,
          x.status, x.import_key, ${context.userId}::integer, ${context.userId}::integer,
          case when x.submitted then ${context.userId}::integer end, case when x.submitted then now() end,
          case when x.decided then ${context.userId}::integer end, case when x.decided then now() end,
          case when x.decided then ${`Imported as decided (${context.via} of ${context.fileName})`} end
        from jsonb_to_recordset(${toJson(allocationRows)}::jsonb) as x(
          fiscal_year smallint, last_fiscal_year smallint, program text, description text, recipient_id integer, source_id integer,
          cost_type cost_type, amount_cents bigint, status allocation_status, import_key text, submitted boolean, decided boolean)
        returning id, import_key as "importKey"`,
  );
  const ids = idsByImportKey(inserted, lines, (line) => `line of row ${line.row} was not created`);

  const splitRows = lines.flatMap((line, index) =>
    line.splits.map((split) => ({
      allocation_id: ids[index],
      category_id: split.categoryId,
      share_bp: split.shareBasisPoints,
      amount_cents: split.amountCents,
    })),
  );
  for (let start = 0; start < splitRows.length; start += IMPORT_BATCH_ROWS * 2) {
    const batch = splitRows.slice(start, start + IMPORT_BATCH_ROWS * 2);
    await executor.execute(sql`
      insert into allocation_splits (allocation_id, category_id, share_bp, amount_cents)
      select x.allocation_id, x.category_id, x.share_bp, x.amount_cents
      from jsonb_to_recordset(${toJson(batch)}::jsonb)
        as x(allocation_id integer, category_id integer, share_bp integer, amount_cents bigint)`);
  }

  const spentRows = lines.flatMap((line, index) =>
    line.spent
      ? [
          {
            allocation_id: ids[index],
            paid_on: line.spent.paidOn,
            fiscal_year: line.fiscalYear,
            amount_cents: line.spent.amountCents,
            import_key: `${line.importKey}:spent`,
          },
        ]
      : [],
  );
  if (spentRows.length > 0) {
    await executor.execute(sql`
      insert into expenditures (allocation_id, locality_id, paid_on, fiscal_year, amount_cents, description,
        import_key, created_by, posted_at, posted_by)
      select x.allocation_id, ${context.localityId}, x.paid_on, x.fiscal_year, x.amount_cents,
        'Spending to date (imported)', x.import_key, ${context.userId}::integer,
        -- Posted: this is part of the line's own figures, which count only once the line is approved.
        now(), ${context.userId}::integer
      from jsonb_to_recordset(${toJson(spentRows)}::jsonb) as x(
        allocation_id integer, paid_on date, fiscal_year smallint, amount_cents bigint, import_key text)`);
  }

  await auditCreatedRecords(
    executor,
    context,
    {
      entity: 'allocation',
      table: 'allocations',
      alias: 'a',
      joins: sql`left join recipients r on r.id = a.recipient_id`,
      after: sql`jsonb_build_object(
        'fiscalYear', a.fiscal_year, 'lastFiscalYear', a.last_fiscal_year, 'program', a.program, 'description', a.description,
        'recipientId', a.recipient_id, 'recipient', r.name, 'sourceId', a.source_id,
        'costType', a.cost_type, 'amountCents', a.amount_cents::text, 'status', a.status, 'importKey', a.import_key,
        'splits', (select jsonb_agg(jsonb_build_object('categoryId', s.category_id, 'shareBasisPoints', s.share_bp,
                     'amountCents', s.amount_cents::text) order by s.category_id)
                   from allocation_splits s where s.allocation_id = a.id),
        'spent', (select jsonb_build_object('expenditureId', x.id, 'amountCents', x.amount_cents::text,
                    'paidOn', x.paid_on::text)
                  from expenditures x where x.locality_id = a.locality_id and x.import_key = a.import_key || ':spent'))`,
    },
    ids,
    lines,
  );
  return ids;
}

/** A line changed in Abate after the import's plan read it: the whole import is refused. */
export class ImportLineConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportLineConflict';
  }
}

/** "Line #12 (FY2026 "Naloxone kits", row 5) was changed by Ana at … since the preview (version 2, now 3)". */
export async function lineConflictMessage(
  executor: Executor,
  update: Pick<PlannedUpdate, 'allocationId' | 'fiscalYear' | 'program' | 'row'>,
  seen: number,
  now: { version: number; deleted: boolean } | null,
): Promise<string> {
  const change = await lastChangeOf(executor, 'allocation', update.allocationId);
  const by = change ? `by ${change.by} at ${formatChangeTime(change.at)} ` : '';
  const what =
    now === null || now.deleted
      ? `was deleted ${by}since the preview`
      : `was changed ${by}since the preview (version ${seen} then, ${now.version} now)`;
  return (
    `Line #${update.allocationId} (FY${update.fiscalYear} "${update.program}", row ${update.row}) ${what}; nothing was ` +
    'imported. Preview again to see the changes as they are now.'
  );
}

const STEP_ACTION: Record<StatusStep, string> = { submit: 'submit', decide: '', 'return-to-draft': 'return_to_draft' };

/**
 * The stored lines a re-import changes, each with ONE update over the version the plan read (version bumped,
 * updated_by), its category splits rewritten when the amount or categories change, its import key set to the row's,
 * and one audit row with the line before and after, as the web's verbs write it. A line whose version moved in the
 * meantime throws ImportLineConflict, which rolls the whole import back.
 */
export async function writeUpdates(executor: Executor, context: WriteContext, updates: readonly PlannedUpdate[]): Promise<void> {
  for (const update of updates) {
    const before = await readAllocationSnapshot(executor, update.allocationId);
    if (!before || before.deletedAt || before.version !== update.version) {
      throw new ImportLineConflict(
        await lineConflictMessage(executor, update, update.version, before && { version: before.version, deleted: before.deletedAt !== null }),
      );
    }
    const [old] = await queryRows<{ importKey: string | null; createdBy: number | null }>(
      executor,
      sql`select import_key as "importKey", created_by as "createdBy" from allocations where id = ${update.allocationId}`,
    );
    const now = new Date();
    const decided = update.status === 'approved' || update.status === 'returned';
    const reason = `${importRowReason(context, update.row)}: ${describeLineChanges(update.changes)}`;
    const steps = update.statusSteps;
    if (steps.includes('decide') && context.userId !== null) {
      const conflict = steps.includes('submit')
        ? 'submitted'
        : separationOfDutiesConflict({ createdBy: old?.createdBy ?? null, submittedBy: before.submittedBy }, context.userId);
      if (conflict) {
        throw new Forbidden(
          `Row ${update.row}: you ${conflict} line #${update.allocationId}, so another member of the board must decide on it; nothing was imported.`,
        );
      }
    }
    const statusColumns: Partial<typeof allocations.$inferInsert> =
      steps.length === 0
        ? {}
        : steps[0] === 'return-to-draft'
          ? { submittedBy: null, submittedAt: null, decidedBy: null, decidedAt: null, decisionReason: null }
          : {
              ...(steps.includes('submit') ? { submittedBy: context.userId, submittedAt: now } : {}),
              decidedBy: decided ? context.userId : null,
              decidedAt: decided ? now : null,
              decisionReason: decided ? `Decided by ${reason}` : null,
            };
    const written = await executor
      .update(allocations)
      .set({
        amountCents: update.amountCents,
        lastFiscalYear: update.lastFiscalYear,
        description: update.description,
        sourceId: update.sourceId,
        costType: update.costType,
        status: update.status,
        importKey: update.importKey,
        ...statusColumns,
        version: sql`${allocations.version} + 1`,
        updatedBy: context.userId,
        updatedAt: now,
      })
      .where(and(eq(allocations.id, update.allocationId), eq(allocations.version, update.version)))
      .returning({ version: allocations.version });
    if (written.length === 0) {
      const current = await readAllocationSnapshot(executor, update.allocationId);
      throw new ImportLineConflict(
        await lineConflictMessage(executor, update, update.version, current && { version: current.version, deleted: current.deletedAt !== null }),
      );
    }
    if (update.splits) {
      await executor.delete(allocationSplits).where(eq(allocationSplits.allocationId, update.allocationId));
      await executor.insert(allocationSplits).values(
        update.splits.map((split) => ({
          allocationId: update.allocationId,
          categoryId: split.categoryId,
          shareBasisPoints: split.shareBasisPoints,
          amountCents: split.amountCents,
        })),
      );
    }
    // The spending an import recorded is found by the line's import key: it follows the key.
    if (old?.importKey && old.importKey !== update.importKey) {
      await executor.execute(sql`
        update expenditures set import_key = ${`${update.importKey}:spent`}
        where locality_id = ${context.localityId} and import_key = ${`${old.importKey}:spent`}`);
    }
    const after = await readAllocationSnapshot(executor, update.allocationId);
    const last = steps.at(-1);
    const action =
      last === undefined ? 'update' : last === 'decide' ? (update.status === 'approved' ? 'approve' : 'return') : STEP_ACTION[last];
    await recordAudit(executor, {
      userId: context.userId,
      localityId: context.localityId,
      action,
      entity: 'allocation',
      entityId: update.allocationId,
      before,
      after: { ...after, importId: context.importId, row: update.row },
      reason,
    });
  }
}
