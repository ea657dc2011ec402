import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { sql } from 'drizzle-orm';
import { generateCsv } from '../bench/generate-import-csv';
import type { DatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { localities } from '../db/schema';
import { seedDemoData } from '../lib/demo/seed-demo';

/** The locality every fault import writes into, alone in its database. */
export const SLUG = 'fault-county';

export interface ImportFile {
  file: string;
  lines: number;
  amountCents: bigint;
  spentLines: number;
  spentCents: bigint;
}

function cents(text: string): bigint {
  const digits = text.replace(/[$,]/g, '');
  const [whole, fraction = ''] = digits.split('.');
  return BigInt(whole ?? '0') * 100n + BigInt((fraction + '00').slice(0, 2));
}

/** Writes the benchmark's CSV (a fixed seed) and works out, independently of Abate, what a full import holds. */
export function writeImportFile(folder: string, rows: number): ImportFile {
  const text = generateCsv(rows);
  const file = path.join(folder, `allocations-${rows}.csv`);
  fs.writeFileSync(file, text);
  const table = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const header = table.findIndex((row) => row[0] === 'Fiscal Year');
  const lines = table.slice(header + 1).filter((row) => row[0] !== 'Total');
  let amountCents = 0n;
  let spentCents = 0n;
  let spentLines = 0;
  for (const row of lines) {
    amountCents += cents(row[6] ?? '0');
    if (row[7]) {
      spentLines += 1;
      spentCents += cents(row[7]);
    }
  }
  return { file, lines: lines.length, amountCents, spentLines, spentCents };
}

/** Migrations, reference data and the empty locality: what every run starts from. */
export async function prepareImportTarget(handle: DatabaseHandle, options: { demo?: boolean } = {}): Promise<void> {
  try {
    await prepareDatabase(handle, { demo: options.demo ? seedDemoData : null });
    await handle.db.insert(localities).values({ slug: SLUG, name: 'Fault County', kind: 'county', stateCode: 'ZZ', fyStartMonth: 7 });
  } finally {
    await handle.close();
  }
}

export interface ImportState {
  lines: number;
  amountCents: bigint;
  spentLines: number;
  spentCents: bigint;
  recipients: number;
  importAudits: number;
  linesWithoutAudit: number;
  auditWithoutLine: number;
  recipientsWithoutAudit: number;
  auditWithoutRecipient: number;
  splitMismatches: number;
}

/** What the database holds for the fault locality, and every way its rows and audit log could disagree. */
export async function readImportState(handle: DatabaseHandle): Promise<ImportState> {
  const result = (await handle.db.execute(sql`
    with l as (select id from localities where slug = ${SLUG})
    select
      (select count(*)::int from allocations where locality_id = (select id from l)) as lines,
      (select coalesce(sum(amount_cents), 0)::text from allocations where locality_id = (select id from l)) as amount,
      (select count(*)::int from expenditures where locality_id = (select id from l)) as spent_lines,
      (select coalesce(sum(amount_cents), 0)::text from expenditures where locality_id = (select id from l)) as spent,
      (select count(*)::int from recipients where locality_id = (select id from l)) as recipients,
      (select count(*)::int from audit_log where entity = 'import' and locality_id = (select id from l)) as import_audits,
      (select count(*)::int from allocations a where a.locality_id = (select id from l) and not exists
        (select 1 from audit_log g where g.entity = 'allocation' and g.entity_id = a.id::text)) as lines_without_audit,
      (select count(*)::int from audit_log g where g.entity = 'allocation' and g.locality_id = (select id from l) and not exists
        (select 1 from allocations a where a.id::text = g.entity_id)) as audit_without_line,
      (select count(*)::int from recipients r where r.locality_id = (select id from l) and not exists
        (select 1 from audit_log g where g.entity = 'recipient' and g.entity_id = r.id::text)) as recipients_without_audit,
      (select count(*)::int from audit_log g where g.entity = 'recipient' and g.locality_id = (select id from l) and not exists
        (select 1 from recipients r where r.id::text = g.entity_id)) as audit_without_recipient,
      (select count(*)::int from allocations a where a.locality_id = (select id from l) and a.amount_cents <>
        (select coalesce(sum(s.amount_cents), 0) from allocation_splits s where s.allocation_id = a.id)) as split_mismatches
  `)) as unknown as { rows: Record<string, number | string>[] };
  const row = result.rows[0]!;
  return {
    lines: Number(row.lines),
    amountCents: BigInt(row.amount!),
    spentLines: Number(row.spent_lines),
    spentCents: BigInt(row.spent!),
    recipients: Number(row.recipients),
    importAudits: Number(row.import_audits),
    linesWithoutAudit: Number(row.lines_without_audit),
    auditWithoutLine: Number(row.audit_without_line),
    recipientsWithoutAudit: Number(row.recipients_without_audit),
    auditWithoutRecipient: Number(row.audit_without_recipient),
    splitMismatches: Number(row.split_mismatches),
  };
}

/** Problems with `state`: it must be the whole import or nothing of it, with the audit log matching the rows. */
export function importStateProblems(state: ImportState, file: ImportFile): string[] {
  const problems: string[] = [];
  const whole = state.lines === file.lines;
  const none = state.lines === 0;
  if (!whole && !none) problems.push(`${state.lines} of ${file.lines} lines present (a partial import)`);
  if (whole) {
    if (state.amountCents !== file.amountCents) problems.push(`allocated ${state.amountCents} cents, the file says ${file.amountCents}`);
    if (state.spentLines !== file.spentLines || state.spentCents !== file.spentCents) {
      problems.push(`spending ${state.spentLines} lines / ${state.spentCents} cents, the file says ${file.spentLines} / ${file.spentCents}`);
    }
    if (state.importAudits !== 1) problems.push(`${state.importAudits} import audit rows, expected 1`);
  }
  if (none && (state.spentLines !== 0 || state.recipients !== 0 || state.importAudits !== 0)) {
    problems.push(`no lines, yet ${state.spentLines} spending rows, ${state.recipients} recipients, ${state.importAudits} import audit rows`);
  }
  if (state.linesWithoutAudit > 0) problems.push(`${state.linesWithoutAudit} lines without their audit row`);
  if (state.auditWithoutLine > 0) problems.push(`${state.auditWithoutLine} audit rows for missing lines`);
  if (state.recipientsWithoutAudit > 0) problems.push(`${state.recipientsWithoutAudit} recipients without their audit row`);
  if (state.auditWithoutRecipient > 0) problems.push(`${state.auditWithoutRecipient} audit rows for missing recipients`);
  if (state.splitMismatches > 0) problems.push(`${state.splitMismatches} lines whose category splits do not add up`);
  return problems;
}
