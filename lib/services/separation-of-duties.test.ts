import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { queryRows } from '@/lib/data/rows';
import { Forbidden } from '@/lib/errors';
import { createAllocation } from './allocations/create';
import { decideAllocation } from './allocations/decide';
import { cliActor } from './import/actor';
import { commitAllocationImport, previewAllocationImport } from './import/allocations';
import type { PlannedLine } from './import/plan';
import { writeLines } from './import/write';
import { submitAllocation } from './allocations/submit';
import { countMoneyRows, useServiceFixture } from './testing';

/**
 * Issue #14: the same person never creates or submits a line and also decides on it, by any path — the line page
 * and the review page (decideAllocation), an import of new lines with status approved, a re-import that approves
 * a line, the import's writes themselves, and SQL by hand (the database's trigger).
 */
const TODAY = '2026-11-23';
const HEADER = 'fiscal_year,program,recipient,category,amount,description,status';

function csv(lines: string[]): Uint8Array {
  return new TextEncoder().encode([HEADER, ...lines].join('\n') + '\n');
}

describeEachDriver('separation of duties on every path', (driver) => {
  const { db, f } = useServiceFixture(driver);


  const input = (bytes: Uint8Array) => ({ localityId: f.localityA, fileName: 'budget.csv', bytes, today: TODAY });

  function form(program: string) {
    return {
      localityId: String(f.localityA),
      fiscalYear: '2026',
      program,
      description: 'Medication for people held in the jail.',
      amount: '$1,000.00',
      sourceId: String(f.sourceId),
      recipientMode: 'none',
      splits: [{ categoryId: String(f.category('health-first', 'moud')), percent: '100' }],
    };
  }

  async function line(id: number) {
    const [row] = await queryRows<{ status: string; version: number; decidedBy: number | null }>(
      db(),
      sql`select status::text as status, version, decided_by as "decidedBy" from allocations where id = ${id}`,
    );
    return row!;
  }

  it('the line page and the review page: whoever created a line cannot decide on it, even after another person submitted it', async () => {
    // A site administrator who sits on A's board may enter money there, and decide there: never on their own line.
    const { id } = await createAllocation({ db: db(), actor: f.adminReviewerA }, form('Created by the board member'));
    const submitted = await submitAllocation({ db: db(), actor: f.editorA }, { id, version: 1 });
    for (const decision of ['approve', 'return'] as const) {
      const refused = decideAllocation({ db: db(), actor: f.adminReviewerA }, { id, version: submitted.version, decision, reason: 'Not enough detail.' });
      await expect(refused).rejects.toBeInstanceOf(Forbidden);
      await expect(refused).rejects.toThrow('You created this line, so another member of the board must decide on it.');
    }
    expect(await line(id)).toEqual({ status: 'submitted', version: submitted.version, decidedBy: null });
    // Another member of the board may.
    await decideAllocation({ db: db(), actor: f.reviewerA }, { id, version: submitted.version, decision: 'approve' });
    expect(await line(id)).toMatchObject({ status: 'approved', decidedBy: f.reviewerA.userId });
  });

  it('the line page: whoever submitted a line cannot decide on it', async () => {
    const { id } = await createAllocation({ db: db(), actor: f.editorA }, form('Submitted by the board member'));
    const submitted = await submitAllocation({ db: db(), actor: f.adminReviewerA }, { id, version: 1 });
    await expect(decideAllocation({ db: db(), actor: f.adminReviewerA }, { id, version: submitted.version, decision: 'approve' })).rejects.toThrow(
      'You submitted this line, so another member of the board must decide on it.',
    );
    expect(await line(id)).toMatchObject({ status: 'submitted', decidedBy: null });
  });

  it('an import: an administrator who made themself a reviewer cannot import lines as approved or returned; nothing is written', async () => {
    const before = await countMoneyRows(db());
    const file = csv([
      '2026,Self-approved jail line,County Jail Health,moud,"5,000.00",MOUD in the jail,approved',
      '2026,Self-returned line,County Jail Health,moud,"1,000.00",Something,returned',
    ]);
    const preview = await previewAllocationImport({ db: db(), actor: f.adminReviewerA }, input(file));
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.committable).toBe(false);
    expect(preview.errors.map((error) => [error.row, error.column, error.reason.split(':')[0]])).toEqual([
      [2, 'status', 'this import creates the line, so you cannot also mark it approved'],
      [3, 'status', 'this import creates the line, so you cannot also mark it returned'],
    ]);
    const result = await commitAllocationImport({ db: db(), actor: f.adminReviewerA }, input(file));
    expect(result.ok).toBe(false);
    expect(await countMoneyRows(db())).toEqual(before);
  });

  it('a re-import: a board member cannot approve a line they submitted, or one they created', async () => {
    const submitted = csv(['2026,Imported and submitted,Second Step,treatment,"2,000.00",Coaches,submitted']);
    const created = await commitAllocationImport({ db: db(), actor: f.adminReviewerA }, input(submitted));
    if (!created.ok) throw new Error(created.reason);
    const approve = csv(['2026,Imported and submitted,Second Step,treatment,"2,000.00",Coaches,approved']);
    const preview = await previewAllocationImport({ db: db(), actor: f.adminReviewerA }, input(approve));
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.errors[0]?.reason).toBe(
      `line #${created.allocationIds[0]} cannot be marked approved by you: you submitted it, so another member of the board must decide on it`,
    );
    expect((await commitAllocationImport({ db: db(), actor: f.adminReviewerA }, input(approve))).ok).toBe(false);
    expect(await line(created.allocationIds[0]!)).toMatchObject({ status: 'submitted', decidedBy: null });
  });

  it('the import’s writes refuse a decided line from a person even when handed one without the plan’s check', async () => {
    const before = await countMoneyRows(db());
    const planned: PlannedLine = {
      row: 7,
      importKey: 'f'.repeat(40),
      fiscalYear: 2026,
      lastFiscalYear: null,
      program: 'Bypassing the plan',
      description: 'A decided line',
      recipient: null,
      splits: [{ categoryId: f.category('health-first', 'moud'), label: 'MOUD', frameworkKey: 'health-first', shareBasisPoints: 10_000, amountCents: 100n }],
      amountCents: 100n,
      spent: null,
      sourceId: null,
      sourceName: null,
      costType: null,
      status: 'approved',
    };
    const context = { localityId: f.localityA, userId: f.adminReviewerA.userId, importId: 'x', fileName: 'budget.csv', via: 'spreadsheet import' };
    await expect(db().transaction((tx) => writeLines(tx, context, [planned], new Map()))).rejects.toThrow(
      'Row 7: this import creates the line, so another member of the board must decide on it; nothing was imported.',
    );
    expect(await countMoneyRows(db())).toEqual(before);
    // The command line is not a person: it records decisions taken outside Abate.
    const [id] = await db().transaction((tx) => writeLines(tx, { ...context, userId: null, via: cliActor().reason }, [planned], new Map()));
    expect(await line(id!)).toEqual({ status: 'approved', version: 1, decidedBy: null });
  });

  it('the database refuses a decision by the line’s creator or submitter, whoever writes it', async () => {
    const me = f.adminReviewerA.userId;
    const other = f.reviewerA.userId;
    const insert = (createdBy: number | null, submittedBy: number | null, decidedBy: number | null) =>
      db().execute(sql`
        insert into allocations (locality_id, fiscal_year, program, amount_cents, status, created_by, submitted_by, submitted_at, decided_by, decided_at)
        values (${f.localityA}, 2026, ${`Hand-written ${createdBy}-${submittedBy}-${decidedBy}`}, 0, 'approved', ${createdBy}, ${submittedBy}, now(), ${decidedBy}, now())
        returning id`);
    const REFUSAL = 'the person who created or submitted a line cannot decide on it';
    /** The database's own message (drizzle wraps it with the query). */
    const refusal = async (statement: Promise<unknown>): Promise<string> => {
      try {
        await statement;
        return 'accepted';
      } catch (error) {
        const cause = (error as { cause?: { message?: string } }).cause;
        return (cause?.message ?? (error as Error).message).replace(/^allocation \d+: /, '');
      }
    };
    expect(await refusal(insert(me, me, me))).toBe(REFUSAL);
    expect(await refusal(insert(other, me, me))).toBe(REFUSAL);
    expect(await refusal(insert(me, other, me))).toBe(REFUSAL);
    expect(await refusal(insert(null, null, null))).toBe('accepted');
    const allowed = (await insert(me, me, other)) as unknown as { rows: { id: number }[] };
    const id = allowed.rows[0]!.id;
    // Changing who decided, or who submitted, to make them the same person.
    expect(await refusal(db().execute(sql`update allocations set decided_by = ${me} where id = ${id}`))).toBe(REFUSAL);
    expect(await refusal(db().execute(sql`update allocations set submitted_by = ${other} where id = ${id}`))).toBe(REFUSAL);
    expect(await refusal(db().execute(sql`update allocations set decided_by = null, status = 'submitted' where id = ${id}`))).toBe('accepted');
  });
});
