import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { queryRows } from '@/lib/data/rows';
import { cliActor } from './actor';
import { commitAllocationImport, previewAllocationImport, type AllocationImportPreview } from './allocations';
import { csv as csvFile, TODAY } from './testing';
import { countMoneyRows, useServiceFixture } from '../testing';

/**
 * Re-importing a file whose rows were edited: the stored lines are changed in place (same ids, versions bumped,
 * audited), the preview lists each change first, a line saved in between refuses the whole import, and status
 * changes follow the web's rules, separation of duties included.
 */
const HEADER = 'fiscal_year,program,recipient,category,amount,description,status';
const MOUD = 'Medications for opioid use disorder (methadone, buprenorphine, naltrexone), including in jails';
const TREATMENT = 'Voluntary treatment and counseling, Medicaid-covered care';

/** The file of these rows under HEADER. */
function csv(lines: string[]): Uint8Array {
  return csvFile([HEADER, ...lines]);
}

function ok<T extends AllocationImportPreview>(preview: T): Extract<T, { ok: true }> {
  if (!preview.ok) throw new Error(preview.reason);
  return preview as Extract<T, { ok: true }>;
}

interface LineRow {
  id: number;
  program: string;
  amount: string;
  description: string;
  status: string;
  version: number;
  splits: string;
  updatedBy: number | null;
  submittedBy: number | null;
  decidedBy: number | null;
}

describeEachDriver('re-import of changed rows', (driver) => {
  const { db, f } = useServiceFixture(driver);


  const input = (bytes: Uint8Array, fileName = 'budget.csv') => ({ localityId: f.localityA, fileName, bytes, today: TODAY });

  async function lines(): Promise<LineRow[]> {
    return queryRows<LineRow>(
      db(),
      sql`select a.id, a.program, a.amount_cents::text as amount, a.description, a.status::text as status, a.version,
            (select string_agg(c.key || ' ' || s.share_bp || ' ' || s.amount_cents, ', ' order by c.key)
               from allocation_splits s join categories c on c.id = s.category_id where s.allocation_id = a.id) as splits,
            a.updated_by as "updatedBy", a.submitted_by as "submittedBy", a.decided_by as "decidedBy"
          from allocations a where a.locality_id = ${f.localityA} and a.deleted_at is null order by a.id`,
    );
  }

  const original = csv([
    '2026,Naloxone kits,Harbor Harm Reduction,moud,"56,700.00",Kits for first responders,draft',
    '2026,Peer recovery coaches,Second Step,treatment,"60,000.00",Coaches in the ER,draft',
  ]);
  const edited = csv([
    // amount and category changed: found by fiscal year + program + recipient (case and spaces differ).
    '2026,naloxone  KITS,harbor harm reduction,treatment,"60,000.00",Kits for first responders,draft',
    // same amount and category, new description, submitted.
    '2026,Peer recovery coaches,Second Step,treatment,"60,000.00",Coaches in the emergency room,submitted',
  ]);

  it('lists each change before commit, updates the lines in place, and a second re-import changes nothing', async () => {
    const first = await commitAllocationImport({ db: db(), actor: f.editorA }, input(original));
    if (!first.ok) throw new Error(first.reason);
    const [kits, peers] = await lines();

    const preview = ok(await previewAllocationImport({ db: db(), actor: f.editorA }, input(edited)));
    expect(preview.counts).toEqual({ new: 0, changed: 2, upToDate: 0, refused: 0 });
    expect(preview.create).toEqual([]);
    expect(preview.update.map((u) => [u.row, u.allocationId, u.version, u.matchedBy])).toEqual([
      [2, kits!.id, 1, 'line-key'],
      [3, peers!.id, 1, 'import-key'],
    ]);
    expect(preview.update[0]!.changes).toEqual([
      { field: 'amount', before: '$56,700.00', after: '$60,000.00' },
      { field: 'categories', before: `${MOUD} 100%`, after: `${TREATMENT} 100%` },
    ]);
    expect(preview.update[1]!.changes).toEqual([
      { field: 'description', before: 'Coaches in the ER', after: 'Coaches in the emergency room' },
      { field: 'status', before: 'draft', after: 'submitted' },
    ]);
    expect(await lines()).toEqual([kits, peers]);

    const expectedChanges = preview.update.map((u) => ({ allocationId: u.allocationId, version: u.version }));
    const result = await commitAllocationImport({ db: db(), actor: f.editorA }, { ...input(edited), expectedRowCount: 0, expectedChanges });
    if (!result.ok) throw new Error(result.reason);
    expect(result.counts).toEqual({ new: 0, changed: 2, upToDate: 0, refused: 0 });
    expect(result.created).toBe(0);

    const after = await lines();
    expect(after.map((line) => line.id)).toEqual([kits!.id, peers!.id]);
    expect(after[0]).toMatchObject({ amount: '6000000', version: 2, splits: 'treatment 10000 6000000', updatedBy: f.editorA.userId });
    expect(after[1]).toMatchObject({
      description: 'Coaches in the emergency room',
      status: 'submitted',
      version: 2,
      submittedBy: f.editorA.userId,
    });

    const audit = await queryRows<{ entityId: string; action: string; before: { amountCents: string; status: string }; after: { amountCents: string; status: string }; reason: string }>(
      db(),
      sql`select entity_id as "entityId", action, before, after, reason from audit_log
          where entity = 'allocation' and before is not null order by id`,
    );
    expect(audit.map((row) => [Number(row.entityId), row.action, row.before.amountCents, row.after.amountCents])).toEqual([
      [kits!.id, 'update', '5670000', '6000000'],
      [peers!.id, 'submit', '6000000', '6000000'],
    ]);
    expect(audit[0]!.reason).toBe(
      `spreadsheet import of budget.csv (row 2): amount $56,700.00 → $60,000.00; categories ${MOUD} 100% → ${TREATMENT} 100%`,
    );

    const again = ok(await previewAllocationImport({ db: db(), actor: f.editorA }, input(edited)));
    expect(again.counts).toEqual({ new: 0, changed: 0, upToDate: 2, refused: 0 });
    expect(again.skipped.map((s) => s.reason)).toEqual([`already up to date (line #${kits!.id})`, `already up to date (line #${peers!.id})`]);
    const before = await countMoneyRows(db());
    const none = await commitAllocationImport({ db: db(), actor: f.editorA }, { ...input(edited), expectedChanges: [] });
    expect(none.ok && none.counts).toEqual({ new: 0, changed: 0, upToDate: 2, refused: 0 });
    expect(await lines()).toEqual(after);
    expect((await countMoneyRows(db())).allocations).toBe(before.allocations);
  });

  it('refuses the whole import, naming the line, when a previewed line was saved by someone else in between', async () => {
    const [kits] = await lines();
    const file = csv(['2026,Naloxone kits,Harbor Harm Reduction,treatment,"65,000.00",Kits for first responders,draft']);
    const preview = ok(await previewAllocationImport({ db: db(), actor: f.editorA }, input(file)));
    expect(preview.update.map((u) => [u.allocationId, u.version])).toEqual([[kits!.id, 2]]);
    // Someone saves the line in the app between the preview and the commit.
    await db().execute(sql`update allocations set description = 'Edited in the app', version = version + 1 where id = ${kits!.id}`);
    const counts = await countMoneyRows(db());

    const result = await commitAllocationImport({ db: db(), actor: f.editorA }, {
      ...input(file),
      expectedChanges: preview.update.map((u) => ({ allocationId: u.allocationId, version: u.version })),
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe(
      `Line #${kits!.id} (FY2026 "Naloxone kits", row 2) was changed by Ana Editor at ${(await lastAuditTime(kits!.id))} ` +
        'since the preview (version 2 then, 3 now); nothing was imported. Preview again to see the changes as they are now.',
    );
    expect(await countMoneyRows(db())).toEqual(counts);
    expect((await lines())[0]).toMatchObject({ amount: '6000000', version: 3, description: 'Edited in the app' });
  });

  it('keeps separation of duties: no deciding a line one created or submitted, or creates in the same import', async () => {
    const [, peers] = await lines();
    const approve = csv(['2026,Peer recovery coaches,Second Step,treatment,"60,000.00",Coaches in the emergency room,approved']);

    // An editor is not on the board.
    const byEditor = ok(await previewAllocationImport({ db: db(), actor: f.editorA }, input(approve)));
    expect(byEditor.errors).toEqual([
      { row: 2, column: 'status', value: 'approved', reason: expect.stringMatching(/^only a reviewer of the locality can mark line #\d+ approved/) },
    ]);

    // A board member who imports a new line cannot approve it in the same import.
    const newApproved = csv(['2026,Recovery housing,Second Step,treatment,"10,000.00",Beds,approved']);
    const creates = ok(await previewAllocationImport({ db: db(), actor: f.adminReviewerA }, input(newApproved)));
    expect(creates.errors).toEqual([
      { row: 2, column: 'status', value: 'approved', reason: expect.stringMatching(/^this import creates the line, so you cannot also mark it approved/) },
    ]);
    expect(creates.counts.refused).toBe(1);

    // Nor a line they submitted themselves (here: submitted by this very import from draft).
    const draft = csv(['2026,Jail MOUD,County Jail Health,moud,"5,000.00",MOUD in the jail,draft']);
    const created = await commitAllocationImport({ db: db(), actor: f.adminReviewerA }, input(draft));
    if (!created.ok) throw new Error(created.reason);
    const ownDraft = ok(
      await previewAllocationImport({ db: db(), actor: f.adminReviewerA }, input(csv(['2026,Jail MOUD,County Jail Health,moud,"5,000.00",MOUD in the jail,approved']))),
    );
    expect(ownDraft.errors[0]).toMatchObject({
      column: 'status',
      value: 'approved',
      reason: `line #${created.allocationIds[0]} cannot be marked approved by you: this import would submit it, so another member of the board must decide on it`,
    });

    // Another board member decides on a line an editor created and submitted: allowed, recorded as an approval.
    const decided = await commitAllocationImport({ db: db(), actor: f.adminReviewerA }, input(approve));
    if (!decided.ok) throw new Error(decided.reason);
    expect(decided.updated.map((u) => [u.allocationId, u.changes, u.version])).toEqual([
      [peers!.id, [{ field: 'status', before: 'submitted', after: 'approved' }], 3],
    ]);
    const [action] = await queryRows<{ action: string; userId: number }>(
      db(),
      sql`select action, user_id as "userId" from audit_log where entity = 'allocation' and entity_id = ${String(peers!.id)}
          order by id desc limit 1`,
    );
    expect(action).toEqual({ action: 'approve', userId: f.adminReviewerA.userId });
    expect((await lines()).find((line) => line.id === peers!.id)).toMatchObject({ status: 'approved', decidedBy: f.adminReviewerA.userId });

    // An approved line's amount is not changed by an import: it is returned to draft first.
    const raise = csv(['2026,Peer recovery coaches,Second Step,treatment,"70,000.00",Coaches in the emergency room,']);
    const refused = ok(await previewAllocationImport({ db: db(), actor: f.editorA }, input(raise)));
    expect(refused.errors).toEqual([
      {
        row: 2,
        column: 'amount',
        value: '$70,000.00',
        reason: expect.stringMatching(new RegExp(`^line #${peers!.id} is approved, so its amount cannot be changed by an import; return it to draft first`)),
      },
    ]);
  });

  it('imports all or nothing: one refused row stops every other change and creation', async () => {
    const counts = await countMoneyRows(db());
    const before = await lines();
    const file = csv([
      '2026,Naloxone kits,Harbor Harm Reduction,treatment,"61,000.00",Edited in the app,draft',
      '2026,Peer recovery coaches,Second Step,treatment,"60,000.00",Coaches in the emergency room,submitted',
      '2026,Brand new line,Second Step,treatment,"1,000.00",New,draft',
    ]);
    const preview = ok(await previewAllocationImport({ db: db(), actor: f.editorA }, input(file)));
    expect(preview.counts).toEqual({ new: 1, changed: 1, upToDate: 0, refused: 1 });
    expect(preview.errors.map((e) => [e.row, e.column, e.value])).toEqual([[3, 'status', 'submitted']]);
    expect(preview.errors[0]!.reason).toMatch(/is approved and cannot become submitted/);
    const result = await commitAllocationImport({ db: db(), actor: f.editorA }, input(file));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/1 row has a problem; nothing was imported/);
    expect(await countMoneyRows(db())).toEqual(counts);
    expect(await lines()).toEqual(before);
  });

  it('the command line records a decision taken outside Abate, and prints the same changes', async () => {
    const [kits] = await lines();
    const file = csv(['2026,Naloxone kits,Harbor Harm Reduction,treatment,"60,000.00",Edited in the app,approved']);
    const result = await commitAllocationImport({ db: db(), actor: cliActor() }, input(file, 'board-minutes.csv'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.updated.map((u) => [u.allocationId, u.changes])).toEqual([
      [kits!.id, [{ field: 'status', before: 'draft', after: 'approved' }]],
    ]);
    expect((await lines())[0]).toMatchObject({ status: 'approved', version: 4, updatedBy: null });
  });

  async function lastAuditTime(id: number): Promise<string> {
    const [row] = await queryRows<{ at: Date | string }>(
      db(),
      sql`select at from audit_log where entity = 'allocation' and entity_id = ${String(id)} order by id desc limit 1`,
    );
    return `${new Date(row!.at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  }
});
