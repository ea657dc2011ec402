import fs from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import type { Actor } from '@/lib/auth/authorize';
import { queryRows } from '@/lib/data/rows';
import { Forbidden, Unauthenticated } from '@/lib/errors';
import { cliActor } from './actor';
import { commitAllocationImport, previewAllocationImport } from './allocations';
import { addMember, countRows, createImportDatabase, csv, TODAY } from './testing';

/**
 * The messy file is the one the end-to-end test uploads: a UTF-8 BOM, Windows line endings, a title and a note
 * above the header, "$1,234.56", a blank row, a totals row, and one bad row (row 10: "(500.00)" as the allocated
 * amount). Negative allocated amounts are refused: an allocation is money set aside, and a negative one would
 * silently lower the totals. Negative spent is refused too (spending to date of a line cannot be below zero; a
 * refund is recorded as its own expenditure). The fixed file has 500.00 there.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../../../e2e/fixtures');
const messy = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'messy-allocations.csv')));
const fixed = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'messy-allocations-fixed.csv')));

describeEachDriver('allocation import', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let cedarId: number;
  let otherId: number;
  let editor: Actor;
  let otherEditor: Actor;
  let reviewer: Actor;

  const count = (table: string, where?: SQL) => countRows(db, table, where);

  beforeAll(async () => {
    ({ database, db, localityIds: [cedarId, otherId] } = await createImportDatabase(driver, [
      { slug: 'cedar-test', name: 'Cedar Test County', kind: 'county', stateCode: 'ZZ', fyStartMonth: 7 },
      { slug: 'other-test', name: 'Other Test City', kind: 'city', stateCode: 'ZZ', fyStartMonth: 1 },
    ]));
    editor = await addMember(db, 'editor@test.invalid', 'editor@test.invalid', cedarId, 'editor');
    otherEditor = await addMember(db, 'other@test.invalid', 'other@test.invalid', otherId, 'editor');
    reviewer = await addMember(db, 'reviewer@test.invalid', 'reviewer@test.invalid', cedarId, 'reviewer');
  });
  afterAll(() => database?.drop());

  const input = (bytes: Uint8Array, fileName = 'budget.csv') => ({ localityId: cedarId, fileName, bytes, today: TODAY });

  it('previews the messy file: names the bad row, lists skipped rows, and resolves every kind of category name', async () => {
    const preview = await previewAllocationImport({ db, actor: editor }, input(messy));
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.committable).toBe(false);
    expect(preview.errors).toEqual([
      { row: 10, column: 'Amount Allocated', value: '(500.00)', reason: 'allocated amount cannot be negative' },
    ]);
    expect(preview.skipped.map((s) => [s.row, s.kind])).toEqual([
      [1, 'not-a-line'],
      [2, 'not-a-line'],
      [3, 'not-a-line'],
      [8, 'not-a-line'],
      [11, 'not-a-line'],
    ]);
    expect(preview.skipped.find((s) => s.row === 11)?.reason).toMatch(/totals row/);
    expect(preview.create.map((line) => line.row)).toEqual([5, 6, 7, 9]);

    const [jail, naloxone, outreach, housing] = preview.create;
    expect(jail?.amountCents).toBe(1_234_56n);
    expect(jail?.spent).toEqual({ amountCents: 200_00n, paidOn: '2026-06-30' });
    expect(jail?.splits.map((s) => [s.frameworkKey, s.label])).toEqual([['health-first', expect.stringMatching(/^Medications/)]]);
    // An Exhibit E label and a North Carolina key resolve to their own framework's category.
    expect(naloxone?.splits.map((s) => s.frameworkKey)).toEqual(['exhibit-e']);
    expect(naloxone?.sourceName).toMatch(/Teva/);
    expect(outreach?.splits.map((s) => s.frameworkKey)).toEqual(['nc-high-impact']);
    expect(housing?.splits.map((s) => [s.shareBasisPoints, s.amountCents])).toEqual([
      [4000, 32_000_00n],
      [6000, 48_000_00n],
    ]);
    expect(housing?.status).toBe('draft');
    expect(preview.newRecipients.map((r) => [r.name, r.type])).toEqual([
      ['Cedarholm Jail Health Services', 'health_care_provider'],
      ['Harbor Harm Reduction Collective', 'community_based_organization'],
      ['Second Step Housing', 'community_based_organization'],
    ]);
    expect(await count('allocations')).toBe(0);
  });

  it('refuses to commit a file with a bad row and writes nothing at all', async () => {
    const result = await commitAllocationImport({ db, actor: editor }, input(messy));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.row)).toEqual([10]);
    expect(result.reason).toMatch(/nothing was imported/);
    for (const table of ['allocations', 'allocation_splits', 'expenditures', 'recipients', 'audit_log', 'import_mappings']) {
      expect(await count(table), table).toBe(0);
    }
  });

  it('commits the fixed file: exactly the good rows, exact totals, spending, recipients, audit and mapping', async () => {
    const progress: [number, number][] = [];
    const result = await commitAllocationImport({ db, actor: editor }, {
      ...input(fixed, 'messy-allocations-fixed.csv'),
      expectedRowCount: 5,
      onProgress: (done, total) => progress.push([done, total]),
    });
    if (!result.ok) throw new Error(`${result.reason} ${JSON.stringify(result.errors)}`);
    expect(result.created).toBe(5);
    expect(result.alreadyImported).toBe(0);
    expect(progress.at(-1)).toEqual([5, 5]);

    const [totals] = await queryRows<{ lines: number; amount: string; splits: string; drafts: number; mine: number }>(
      db,
      sql`select count(*)::int as lines, sum(amount_cents)::text as amount,
            (select sum(amount_cents)::text from allocation_splits) as splits,
            count(*) filter (where status = 'draft')::int as drafts,
            count(*) filter (where created_by = ${editor.userId})::int as mine
          from allocations where locality_id = ${cedarId}`,
    );
    expect(totals).toEqual({ lines: 5, amount: '15473456', splits: '15473456', drafts: 5, mine: 5 });
    expect(await count('allocation_splits')).toBe(6);

    const spending = await queryRows<{ amount: string; paidOn: string; fy: number; description: string; key: string }>(
      db,
      sql`select x.amount_cents::text as amount, x.paid_on::text as "paidOn", x.fiscal_year::int as fy, x.description,
            x.import_key as key
          from expenditures x order by x.amount_cents`,
    );
    expect(spending.map((s) => [s.amount, s.paidOn, s.fy, s.description])).toEqual([
      ['20000', '2026-06-30', 2026, 'Spending to date (imported)'],
      ['1250000', '2026-06-30', 2026, 'Spending to date (imported)'],
    ]);
    expect(spending[0]?.key).toMatch(/:spent$/);

    const recipientRows = await queryRows<{ name: string; type: string }>(
      db,
      sql`select name, type::text as type from recipients where locality_id = ${cedarId} order by name`,
    );
    expect(recipientRows).toEqual([
      { name: 'Cedarholm Crisis Center', type: 'community_based_organization' },
      { name: 'Cedarholm Jail Health Services', type: 'health_care_provider' },
      { name: 'Harbor Harm Reduction Collective', type: 'community_based_organization' },
      { name: 'Second Step Housing', type: 'community_based_organization' },
    ]);

    expect(await count('audit_log', sql`entity = 'allocation' and action = 'create' and user_id = ${editor.userId}`)).toBe(5);
    expect(await count('audit_log', sql`entity = 'recipient'`)).toBe(4);
    const [jailAudit] = await queryRows<{ after: Record<string, unknown>; reason: string }>(
      db,
      sql`select l.after, l.reason from audit_log l join allocations a on a.id::text = l.entity_id
          where l.entity = 'allocation' and a.program = 'Jail medication program'`,
    );
    expect(jailAudit?.after).toMatchObject({
      fiscalYear: 2026,
      amountCents: '123456',
      status: 'draft',
      recipient: 'Cedarholm Jail Health Services',
      splits: [{ shareBasisPoints: 10000, amountCents: '123456' }],
      spent: { amountCents: '20000', paidOn: '2026-06-30' },
      row: 5,
    });
    expect(jailAudit?.reason).toBe('spreadsheet import of messy-allocations-fixed.csv (row 5)');
    const [summary] = await queryRows<{ userId: number; after: { fileName: string; created: number; amountCents: string } }>(
      db,
      sql`select user_id as "userId", after from audit_log where action = 'import'`,
    );
    expect(summary?.userId).toBe(editor.userId);
    expect(summary?.after).toMatchObject({ fileName: 'messy-allocations-fixed.csv', created: 5, amountCents: '15473456' });

    const [mapping] = await queryRows<{ mapping: Record<string, string | null> }>(
      db,
      sql`select mapping from import_mappings where locality_id = ${cedarId}`,
    );
    expect(mapping?.mapping).toMatchObject({ 'Amount Allocated': 'amount', 'Spent to date': 'spent', Category: 'category' });
  });

  it('importing the same file again changes nothing and counts each row as already up to date, naming its line', async () => {
    const preview = await previewAllocationImport({ db, actor: editor }, input(fixed));
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.create).toEqual([]);
    const already = preview.skipped.filter((s) => s.kind === 'already-imported');
    expect(already.map((s) => s.row)).toEqual([5, 6, 7, 9, 10]);
    expect(already[0]?.reason).toMatch(/^already up to date \(line #\d+\)$/);
    expect(preview.counts).toEqual({ new: 0, changed: 0, upToDate: 5, refused: 0 });

    const result = await commitAllocationImport({ db, actor: editor }, { ...input(fixed), expectedRowCount: 0 });
    if (!result.ok) throw new Error(result.reason);
    expect([result.created, result.alreadyImported]).toEqual([0, 5]);
    expect(await count('allocations')).toBe(5);
    expect(await count('expenditures')).toBe(5 - 3);
  });

  it('remembers the mapping: next time a renamed column is found without being mapped again', async () => {
    const file = csv(['Year,Line,Money,Tag', '2026,Drug checking strips,"1,000",drug-checking']);
    const first = await previewAllocationImport({ db, actor: editor }, input(file));
    expect(first.ok).toBe(false);
    const mapping = { Year: 'fiscal_year', Line: 'program', Money: 'amount', Tag: 'category' } as const;
    const committed = await commitAllocationImport({ db, actor: editor }, { ...input(file), mapping });
    expect(committed.ok && committed.created).toBe(1);
    const again = await previewAllocationImport({ db, actor: editor }, input(csv(['Year,Line,Money,Tag', '2026,Other,5,moud'])));
    expect(again.ok && again.mapping).toMatchObject(mapping);
  });

  it('refuses an editor of another locality, a reviewer, and nobody signed in, before reading anything', async () => {
    await expect(previewAllocationImport({ db, actor: otherEditor }, input(fixed))).rejects.toBeInstanceOf(Forbidden);
    await expect(commitAllocationImport({ db, actor: otherEditor }, input(fixed))).rejects.toBeInstanceOf(Forbidden);
    await expect(previewAllocationImport({ db, actor: reviewer }, input(fixed))).rejects.toBeInstanceOf(Forbidden);
    await expect(commitAllocationImport({ db, actor: reviewer }, input(fixed))).rejects.toBeInstanceOf(Forbidden);
    await expect(commitAllocationImport({ db, actor: null }, input(fixed))).rejects.toBeInstanceOf(Unauthenticated);
  });

  it('refuses a category name two frameworks report differently, takes one they report alike, and framework/key', async () => {
    const preview = await previewAllocationImport(
      { db, actor: editor },
      input(
        csv([
          'fiscal_year,program,category,amount',
          '2026,Peers A,recovery-support,100',
          '2026,Peers B,nc-high-impact/recovery-support,100',
          '2026,Kits C,Naloxone Distribution And Training,100',
          '2026,Kits D,police cars,100',
          '2026,Kits E,naloxone,100',
        ]),
      ),
    );
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'category'],
      [5, 'category'],
    ]);
    expect(preview.errors[0]?.reason).toMatch(
      /ambiguous: it names health-first\/recovery-support .* and nc-high-impact\/recovery-support .*reported differently/,
    );
    expect(preview.errors[1]?.reason).toMatch(/unknown category "police cars"/);
    // "naloxone" is a key of both lists, but each is reported as the other and as the same Exhibit E use.
    expect(preview.create.map((line) => [line.program, line.splits[0]?.frameworkKey])).toEqual([
      ['Peers B', 'nc-high-impact'],
      ['Kits C', 'health-first'],
      ['Kits E', 'health-first'],
    ]);
  });

  it('keeps decisions with the board, refuses spending in a year that has not begun, and checks the previewed count', async () => {
    const file = csv([
      'fiscal_year,program,category,amount,spent,status',
      '2026,Approved line,moud,100,,approved',
      '2031,Future line,moud,100,50,draft',
    ]);
    const preview = await previewAllocationImport({ db, actor: editor }, input(file));
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'status'],
      [3, 'spent'],
    ]);
    expect(preview.errors[1]?.reason).toMatch(/FY2031 begins on 2030-07-01/);

    const ok = csv(['fiscal_year,program,category,amount', '2026,Counted line,moud,100']);
    const changed = await commitAllocationImport({ db, actor: editor }, { ...input(ok), expectedRowCount: 2 });
    expect(changed.ok).toBe(false);
    expect(!changed.ok && changed.reason).toMatch(/preview said 2 lines/);
    expect(await count('allocations', sql`program = 'Counted line'`)).toBe(0);
  });

  it('imports from the command line as the system: no user, the reason says so, and it may load approved lines', async () => {
    const file = csv(['fiscal_year,program,category,amount,status', '2025,Historic line,treatment,"2,500.00",approved']);
    const result = await commitAllocationImport({ db, actor: cliActor() }, input(file, 'history.csv'));
    if (!result.ok) throw new Error(result.reason);
    const [audit] = await queryRows<{ userId: number | null; reason: string }>(
      db,
      sql`select user_id as "userId", reason from audit_log where action = 'import' order by id desc limit 1`,
    );
    expect(audit).toEqual({ userId: null, reason: 'command-line import' });
    const [line] = await queryRows<{ status: string; createdBy: number | null; decided: boolean }>(
      db,
      sql`select status::text as status, created_by as "createdBy", decided_at is not null as decided
          from allocations where id = ${result.allocationIds[0]!}`,
    );
    expect(line).toEqual({ status: 'approved', createdBy: null, decided: true });
    expect(await count('audit_log', sql`entity = 'allocation' and reason like 'command-line import of history.csv%'`)).toBe(1);
  });

  it('imports a workbook, and two imports of one file at the same time create its lines once', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('FY2027 plan');
    sheet.addRow(['FY', 'Program', 'Strategy', 'Budget', 'Recipient', 'Recipient type']);
    const row = sheet.addRow([2027, 'Workbook line', 'Syringe Service Program', 12500.5, 'Harbor Harm Reduction Collective', 'CBO']);
    row.getCell(4).numFmt = '$#,##0.00';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const [first, second] = await Promise.all([
      commitAllocationImport({ db, actor: editor }, input(bytes, 'plan.xlsx')),
      commitAllocationImport({ db, actor: editor }, input(bytes, 'plan.xlsx')),
    ]);
    if (!first.ok || !second.ok) throw new Error('both imports should succeed');
    expect([first.created, second.created].sort()).toEqual([0, 1]);
    expect(first.alreadyImported + second.alreadyImported).toBe(1);
    const [line] = await queryRows<{ amount: string; recipientType: string; framework: string }>(
      db,
      sql`select a.amount_cents::text as amount, r.type::text as "recipientType", f.key as framework
          from allocations a join recipients r on r.id = a.recipient_id
          join allocation_splits s on s.allocation_id = a.id join categories c on c.id = s.category_id
          join frameworks f on f.id = c.framework_id
          where a.program = 'Workbook line'`,
    );
    // The recipient existed (from the fixed file) and keeps its type; "Syringe Service Program" is NC's label.
    expect(line).toEqual({ amount: '1250050', recipientType: 'community_based_organization', framework: 'nc-high-impact' });
  });

  it('refuses a file over the size limit with the limit in the message', async () => {
    const preview = await previewAllocationImport({ db, actor: editor }, { ...input(fixed), maxBytes: 100 });
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.reason).toMatch(/limit/);
  });
});
