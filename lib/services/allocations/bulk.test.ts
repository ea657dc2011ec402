import { expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { decideAllocations, MAX_BULK_LINES, submitAllocations } from './bulk';
import { createAllocation } from './create';
import { decideAllocation } from './decide';
import { submitAllocation } from './submit';
import { auditRowsFor, captureError, countMoneyRows, useServiceFixture } from '../testing';
import { updateAllocation } from './update';

describeEachDriver('bulk allocation services', (driver) => {
  const { db, f } = useServiceFixture(driver);

  function form(overrides: Record<string, unknown> = {}) {
    return {
      localityId: String(f.localityA),
      fiscalYear: '2026',
      program: 'Naloxone kits',
      description: 'Kits for libraries and shelters.',
      amount: '$10,000',
      sourceId: String(f.sourceId),
      recipientMode: 'none',
      recipientId: '',
      newRecipientName: '',
      newRecipientType: '',
      splits: [{ categoryId: String(f.category('health-first', 'moud')), percent: '100' }],
      ...overrides,
    };
  }

  /** `count` drafts of locality A created by `editorA`, named `${prefix} 1…count`. */
  async function drafts(prefix: string, count: number) {
    const made: { id: number; version: number; program: string }[] = [];
    for (let n = 1; n <= count; n += 1) {
      const program = `${prefix} ${n}`;
      const { id } = await createAllocation({ db: db(), actor: f.editorA }, form({ program }));
      made.push({ id, version: 1, program });
    }
    return made;
  }

  async function submitted(prefix: string, count: number) {
    const lines = await drafts(prefix, count);
    const result = await submitAllocations({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), lines: lines.map(({ id, version }) => ({ id, version })) });
    return result.lines.map((line) => ({ id: line.id, version: line.version, program: line.program }));
  }

  const refs = (lines: { id: number; version: number }[]) => lines.map(({ id, version }) => ({ id: String(id), version: String(version) }));

  it('submits many drafts at once, with one audit row per line', async () => {
    const lines = await drafts('Bulk submit', 4);
    const result = await submitAllocations({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), lines: refs(lines) });
    expect(result.count).toBe(4);
    for (const line of lines) {
      expect(await readAllocationSnapshot(db(), line.id)).toMatchObject({ status: 'submitted', version: 2, submittedBy: f.editorA.userId });
      expect((await auditRowsFor(db(), 'allocation', line.id)).map((row) => row.action)).toEqual(['create', 'submit']);
    }
  });

  it('is all or nothing: one line that cannot go (no description) refuses all, naming it, and changes nothing', async () => {
    const lines = await drafts('All or nothing', 3);
    const { id: bare } = await createAllocation({ db: db(), actor: f.editorA }, form({ program: 'Undescribed line', description: '' }));
    const before = await countMoneyRows(db());
    const error = (await captureError(
      submitAllocations({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), lines: refs([...lines, { id: bare, version: 1 }]) }),
    )) as Invalid;
    expect(error).toBeInstanceOf(Invalid);
    expect(error.message).toMatch(/^“Undescribed line”: Edit the allocation first/);
    expect(error.fieldErrors.description).toEqual(['“Undescribed line”: Add a plain-language description before submitting.']);
    expect(await countMoneyRows(db())).toEqual(before);
    for (const line of lines) expect(await readAllocationSnapshot(db(), line.id)).toMatchObject({ status: 'draft', version: 1 });
  });

  it('refuses a line changed since it was listed (its version), naming it', async () => {
    const lines = await drafts('Stale', 2);
    await updateAllocation({ db: db(), actor: f.secondEditorA }, { ...form({ program: 'Stale 2 (edited)' }), id: lines[1]!.id, version: '1' });
    const error = (await captureError(submitAllocations({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), lines: refs(lines) }))) as Conflict;
    expect(error).toBeInstanceOf(Conflict);
    expect(error.message).toMatch(/^“Stale 2 \(edited\)”: Changed by/);
    expect(await readAllocationSnapshot(db(), lines[0]!.id)).toMatchObject({ status: 'draft' });
  });

  it('approves three and returns one with one reason for all, or a reason each', async () => {
    const lines = await submitted('Decide', 5);
    const approved = await decideAllocations({ db: db(), actor: f.reviewerA }, {
      localityId: String(f.localityA),
      decision: 'approve',
      reason: '',
      lines: refs(lines.slice(0, 3)),
    });
    expect(approved.lines.map((line) => line.status)).toEqual(['approved', 'approved', 'approved']);
    const returned = await decideAllocations({ db: db(), actor: f.reviewerA }, {
      localityId: String(f.localityA),
      decision: 'return',
      reason: 'Name the provider.',
      lines: [
        { ...refs([lines[3]!])[0], reason: '' },
        { ...refs([lines[4]!])[0], reason: 'Split the amount by site.' },
      ],
    });
    expect(returned.count).toBe(2);
    expect(await readAllocationSnapshot(db(), lines[3]!.id)).toMatchObject({ status: 'returned', decisionReason: 'Name the provider.' });
    expect(await readAllocationSnapshot(db(), lines[4]!.id)).toMatchObject({ status: 'returned', decisionReason: 'Split the amount by site.' });
    const audit = await auditRowsFor(db(), 'allocation', lines[4]!.id);
    expect(audit.map((row) => [row.action, row.reason])).toEqual([
      ['create', null],
      ['submit', null],
      ['return', 'Split the amount by site.'],
    ]);
    expect((await auditRowsFor(db(), 'allocation', lines[0]!.id)).map((row) => row.action)).toEqual(['create', 'submit', 'approve']);
  });

  it('a return needs a reason for every line: the line without one is named, nothing is decided', async () => {
    const lines = await submitted('Reasonless', 2);
    const before = await countMoneyRows(db());
    const error = (await captureError(
      decideAllocations({ db: db(), actor: f.reviewerA }, {
        localityId: String(f.localityA),
        decision: 'return',
        reason: '  ',
        lines: [{ ...refs([lines[0]!])[0], reason: 'Too vague.' }, refs([lines[1]!])[0]],
      }),
    )) as Invalid;
    expect(error).toBeInstanceOf(Invalid);
    expect(error.fieldErrors.reason).toEqual([`“Reasonless 2”: Say why the line is returned, so the editors know what to change. The reason is public.`]);
    expect(await countMoneyRows(db())).toEqual(before);
    expect(await readAllocationSnapshot(db(), lines[0]!.id)).toMatchObject({ status: 'submitted' });
  });

  it('separation of duties: a reviewer who submitted one of the lines decides none, and is told which', async () => {
    const lines = await drafts('Duties', 2);
    // The admin who sits on A's board may submit; then they may not decide that line.
    const mine = await submitAllocation({ db: db(), actor: f.adminReviewerA }, { id: lines[1]!.id, version: 1 });
    const other = await submitAllocation({ db: db(), actor: f.editorA }, { id: lines[0]!.id, version: 1 });
    const before = await countMoneyRows(db());
    const error = (await captureError(
      decideAllocations({ db: db(), actor: f.adminReviewerA }, {
        localityId: String(f.localityA),
        decision: 'approve',
        lines: refs([other, mine]),
      }),
    )) as Forbidden;
    expect(error).toBeInstanceOf(Forbidden);
    expect(error.message).toBe('“Duties 2”: You submitted this line, so another member of the board must decide on it.');
    expect(await countMoneyRows(db())).toEqual(before);
    // The single verb says the same, without the name.
    await expect(decideAllocation({ db: db(), actor: f.adminReviewerA }, { ...mine, decision: 'approve' })).rejects.toBeInstanceOf(Forbidden);
  });

  it('authorizes role and locality: an editor cannot decide, a reviewer cannot submit, another locality is refused', async () => {
    const lines = await submitted('Roles', 1);
    const draftLines = await drafts('Roles draft', 1);
    const before = await countMoneyRows(db());
    expect(await captureError(decideAllocations({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), decision: 'approve', lines: refs(lines) }))).toBeInstanceOf(
      Forbidden,
    );
    expect(await captureError(submitAllocations({ db: db(), actor: f.reviewerA }, { localityId: String(f.localityA), lines: refs(draftLines) }))).toBeInstanceOf(Forbidden);
    expect(await captureError(submitAllocations({ db: db(), actor: f.editorB }, { localityId: String(f.localityA), lines: refs(draftLines) }))).toBeInstanceOf(Forbidden);
    // B's editor naming their own locality with A's line: not found, by number only.
    const foreign = (await captureError(submitAllocations({ db: db(), actor: f.editorB }, { localityId: String(f.localityB), lines: refs(draftLines) }))) as NotFound;
    expect(foreign).toBeInstanceOf(NotFound);
    expect(foreign.message).not.toContain('Roles draft');
    await expect(submitAllocations({ db: db(), actor: null }, { localityId: String(f.localityA), lines: refs(draftLines) })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(await countMoneyRows(db())).toEqual(before);
  });

  it('refuses more than 200 lines, none, a line twice, and an already submitted line by name', async () => {
    const many = Array.from({ length: MAX_BULK_LINES + 1 }, (_, index) => ({ id: String(index + 1), version: '1' }));
    const tooMany = (await captureError(submitAllocations({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), lines: many }))) as Invalid;
    expect(tooMany).toBeInstanceOf(Invalid);
    expect(Object.values(tooMany.fieldErrors).flat()).toContain('Select at most 200 lines at a time.');
    expect(await captureError(submitAllocations({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), lines: [] }))).toBeInstanceOf(Invalid);
    const lines = await submitted('Twice', 1);
    expect(await captureError(submitAllocations({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), lines: refs([...lines, ...lines]) }))).toBeInstanceOf(
      Invalid,
    );
    const again = (await captureError(submitAllocations({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), lines: refs(lines) }))) as Invalid;
    expect(again.message).toBe('“Twice 1”: This allocation is already submitted.');
  });
});
