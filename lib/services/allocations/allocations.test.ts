import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { allocations, recipients } from '@/db/schema';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import type { ConflictCurrent } from '../conflict';
import { createAllocation } from './create';
import { decideAllocation } from './decide';
import { deleteAllocation } from './delete';
import type { AllocationFormValues } from '../form-values';
import { returnAllocationToDraft } from './return-to-draft';
import { submitAllocation } from './submit';
import { auditRowsFor, captureError, countMoneyRows, useServiceFixture } from '../testing';
import { updateAllocation } from './update';

describeEachDriver('allocation services', (driver) => {
  const { db, f } = useServiceFixture(driver);

  /** What the allocation form sends, as text, with whatever a test changes. */
  function form(overrides: Record<string, unknown> = {}) {
    return {
      localityId: String(f.localityA),
      fiscalYear: '2026',
      program: 'Buprenorphine at the county jail',
      description: 'Medication for people held in the jail, and a bridge prescription at release.',
      amount: '$120,000.01',
      sourceId: String(f.sourceId),
      recipientMode: 'none',
      recipientId: '',
      newRecipientName: '',
      newRecipientType: '',
      splits: [
        { categoryId: String(f.category('health-first', 'moud')), percent: '60' },
        { categoryId: String(f.category('health-first', 'housing')), percent: '40' },
      ],
      ...overrides,
    };
  }

  const newRecipient = {
    recipientMode: 'new',
    newRecipientName: 'Alder Recovery Collective',
    newRecipientType: 'community_based_organization',
    newRecipientLivedExperience: 'on',
  };

  /** A draft allocation with an existing recipient, for tests that are not about recipients. */
  async function draft(overrides: Record<string, unknown> = {}) {
    const [recipient] = await db().select({ id: recipients.id }).from(recipients).where(eq(recipients.localityId, f.localityA)).limit(1);
    return createAllocation(
      { db: db(), actor: f.editorA },
      form({ recipientMode: 'existing', recipientId: String(recipient!.id), newRecipientName: '', ...overrides }),
    );
  }

  it('splits a line by dollar amount, to the cent, with the shares derived; says how far off a wrong total is', async () => {
    const moud = String(f.category('health-first', 'moud'));
    const housing = String(f.category('health-first', 'housing'));
    const byAmount = (first: string, second: string) =>
      form({ amount: '$100,000.00', splitBy: 'amount', splits: [{ categoryId: moud, amount: first }, { categoryId: housing, amount: second }] });
    const { id } = await createAllocation({ db: db(), actor: f.editorA }, byAmount('$33,333.33', '66,666.67'));
    const saved = await readAllocationSnapshot(db(), id);
    const parts = saved!.splits.map((split) => [split.amountCents, split.shareBasisPoints]).sort((a, b) => Number(a[1]) - Number(b[1]));
    expect(parts).toEqual([
      [3_333_333n, 3333],
      [6_666_667n, 6667],
    ]);

    const short = await captureError(createAllocation({ db: db(), actor: f.editorA }, byAmount('$33,333.33', '$66,000.00')));
    expect(short).toBeInstanceOf(Invalid);
    expect((short as Invalid).fieldErrors.splits).toEqual([
      'The categories’ amounts add up to $99,333.33; they must add up to the amount allocated, $100,000.00 ($666.67 still to assign).',
    ]);
    const bad = await captureError(createAllocation({ db: db(), actor: f.editorA }, byAmount('', '-5')));
    expect((bad as Invalid).fieldErrors).toMatchObject({
      'splits.0.amount': ['Enter this category’s amount.'],
      'splits.1.amount': ['The amount cannot be negative.'],
    });
    const zero = await captureError(createAllocation({ db: db(), actor: f.editorA }, { ...byAmount('$0.00', '$0.00'), amount: '0' }));
    expect((zero as Invalid).fieldErrors.splits).toEqual(['A line of $0.00 cannot be split by amount; split it by percentage.']);
  });

  it('keeps the reason given for an edit in the audit row, and refuses one too long to keep', async () => {
    const { id } = await createAllocation({ db: db(), actor: f.editorA }, form());
    await updateAllocation({ db: db(), actor: f.editorA }, { ...form({ amount: '$130,000.00' }), id, version: 1, changeReason: '  The vendor quote went up.  ' });
    await updateAllocation({ db: db(), actor: f.editorA }, { ...form({ amount: '$131,000.00' }), id, version: 2, changeReason: '' });
    const history = await auditRowsFor(db(), 'allocation', id);
    expect(history.map((row) => [row.action, row.reason])).toEqual([
      ['create', null],
      ['update', 'The vendor quote went up.'],
      ['update', null],
    ]);
    const error = await captureError(updateAllocation({ db: db(), actor: f.editorA }, { ...form(), id, version: 3, changeReason: 'x'.repeat(501) }));
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).fieldErrors).toMatchObject({ changeReason: ['Keep the reason under 500 characters.'] });
  });

  it('keeps a multi-year authorization as one line with its first and last fiscal year; one year is stored as null', async () => {
    const { id } = await createAllocation({ db: db(), actor: f.editorA }, form({ fiscalYear: '2025', lastFiscalYear: 'FY2029' }));
    expect(await readAllocationSnapshot(db(), id)).toMatchObject({ fiscalYear: 2025, lastFiscalYear: 2029 });
    const single = await createAllocation({ db: db(), actor: f.editorA }, form({ lastFiscalYear: '2026' }));
    expect(await readAllocationSnapshot(db(), single.id)).toMatchObject({ fiscalYear: 2026, lastFiscalYear: null });
  });

  it('refuses an authorization that ends before it starts, or runs past 21 years, naming the field; nothing is written', async () => {
    const before = await countMoneyRows(db());
    for (const [last, message] of [
      ['2024', 'The authorization cannot end (FY2024) before it starts (FY2026).'],
      ['2047', 'An authorization may cover at most 21 fiscal years.'],
    ] as const) {
      const error = await captureError(createAllocation({ db: db(), actor: f.editorA }, form({ lastFiscalYear: last })));
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors).toMatchObject({ lastFiscalYear: [message] });
    }
    expect(await countMoneyRows(db())).toEqual(before);
  });

  it('creates an allocation split over two categories, with a new recipient, and reads it back exactly', async () => {
    const before = await countMoneyRows(db());
    const { id } = await createAllocation({ db: db(), actor: f.editorA }, form(newRecipient));
    const saved = await readAllocationSnapshot(db(), id);
    expect(saved).toMatchObject({
      localityId: f.localityA,
      fiscalYear: 2026,
      program: 'Buprenorphine at the county jail',
      amountCents: 12_000_001n,
      status: 'draft',
      version: 1,
      recipient: { name: 'Alder Recovery Collective', type: 'community_based_organization', livedExperienceLed: true },
    });
    // Largest remainder: the odd cent goes to the 60% share, and the parts add up to the amount.
    expect(saved!.splits.map((s) => [s.categoryKey, s.shareBasisPoints, s.amountCents])).toEqual([
      ['moud', 6000, 7_200_001n],
      ['housing', 4000, 4_800_000n],
    ]);
    const after = await countMoneyRows(db());
    expect(after.allocations - before.allocations).toBe(1);
    expect(after.allocation_splits - before.allocation_splits).toBe(2);
    expect(after.recipients - before.recipients).toBe(1);
    expect(after.audit_log - before.audit_log).toBe(1);
    const [audit] = await auditRowsFor(db(), 'allocation', id);
    expect(audit).toMatchObject({ action: 'create', userId: f.editorA.userId, localityId: f.localityA, before: null });
    expect(audit!.after).toMatchObject({ program: 'Buprenorphine at the county jail', amountCents: '12000001' });
    expect((audit!.after as { recipientCreated: { name: string } }).recipientCreated.name).toBe('Alder Recovery Collective');
  });

  it('stores a category of any framework as given, and percentages with two decimals', async () => {
    const { id } = await draft({
      amount: '100.00',
      splits: [
        { categoryId: String(f.category('exhibit-e', 'core-a')), percent: '33.33' },
        { categoryId: String(f.category('health-first', 'naloxone')), percent: '33.33' },
        { categoryId: String(f.category('nc-high-impact', 'naloxone')), percent: '33.34%' },
      ],
    });
    const saved = await readAllocationSnapshot(db(), id);
    expect(saved!.splits.map((s) => [s.frameworkKey, s.shareBasisPoints, s.amountCents])).toEqual([
      ['nc-high-impact', 3334, 3334n],
      ['health-first', 3333, 3333n],
      ['exhibit-e', 3333, 3333n],
    ]);
  });

  describe('validation names the field', () => {
    it.each([
      ['a bad amount', { amount: '12.345' }, 'amount'],
      ['a negative amount', { amount: '(500.00)' }, 'amount'],
      ['no amount', { amount: '' }, 'amount'],
      ['no program', { program: '   ' }, 'program'],
      ['a year out of range', { fiscalYear: '1999' }, 'fiscalYear'],
      ['a new recipient without a name', { ...newRecipient, newRecipientName: '' }, 'newRecipientName'],
      ['a new recipient without a type', { ...newRecipient, newRecipientType: '' }, 'newRecipientType'],
      ['no recipient picked', { recipientMode: 'existing', recipientId: '' }, 'recipientId'],
      ['no categories', { splits: [] }, 'splits'],
      ['a share that is not a number', { splits: [{ categoryId: '1', percent: 'sixty' }] }, 'splits.0.percent'],
      ['a share with three decimals', { splits: [{ categoryId: '1', percent: '99.999' }] }, 'splits.0.percent'],
      ['a category not picked', { splits: [{ categoryId: '', percent: '100' }] }, 'splits.0.categoryId'],
    ])('%s', async (_label, overrides, field) => {
      const before = await countMoneyRows(db());
      const error = await captureError(createAllocation({ db: db(), actor: f.editorA }, form(overrides)));
      expect(error).toBeInstanceOf(Invalid);
      expect(Object.keys((error as Invalid).fieldErrors)).toContain(field);
      expect(await countMoneyRows(db())).toEqual(before);
    });

    it('every problem at once, beside its own field', async () => {
      const error = (await captureError(
        createAllocation(
          { db: db(), actor: f.editorA },
          form({
            amount: '12.345',
            recipientMode: 'existing',
            recipientId: '',
            splits: [
              { categoryId: '', percent: '60' },
              { categoryId: String(f.category('health-first', 'housing')), percent: '30' },
            ],
          }),
        ),
      )) as Invalid;
      expect(Object.keys(error.fieldErrors).sort()).toEqual(['amount', 'recipientId', 'splits', 'splits.0.categoryId']);
      expect(error.fieldErrors.splits).toEqual(['The shares add up to 90%; they must add up to exactly 100%.']);
    });

    it('input that is not a form at all', async () => {
      const error = (await captureError(createAllocation({ db: db(), actor: f.editorA }, { localityId: f.localityA }))) as Invalid;
      expect(error).toBeInstanceOf(Invalid);
      expect(Object.keys(error.fieldErrors)).toEqual(expect.arrayContaining(['program', 'amount', 'splits']));
    });

    it('shares that do not add up to 100%', async () => {
      const error = (await captureError(
        createAllocation(
          { db: db(), actor: f.editorA },
          form({
            splits: [
              { categoryId: String(f.category('health-first', 'moud')), percent: '60' },
              { categoryId: String(f.category('health-first', 'housing')), percent: '30.5' },
            ],
          }),
        ),
      )) as Invalid;
      expect(error).toBeInstanceOf(Invalid);
      expect(error.fieldErrors.splits).toEqual(['The shares add up to 90.5%; they must add up to exactly 100%.']);
    });

    it('the same category twice, another locality’s recipient, an unknown category', async () => {
      const moud = String(f.category('health-first', 'moud'));
      const twice = (await captureError(
        createAllocation({ db: db(), actor: f.editorA }, form({ splits: [{ categoryId: moud, percent: '50' }, { categoryId: moud, percent: '50' }] })),
      )) as Invalid;
      expect(Object.keys(twice.fieldErrors)).toEqual(['splits.1.categoryId']);

      const [theirs] = await db()
        .insert(recipients)
        .values({ localityId: f.localityB, name: 'Birch Outreach', type: 'community_based_organization' })
        .returning({ id: recipients.id });
      const foreign = (await captureError(
        createAllocation({ db: db(), actor: f.editorA }, form({ recipientMode: 'existing', recipientId: String(theirs!.id) })),
      )) as Invalid;
      expect(Object.keys(foreign.fieldErrors)).toEqual(['recipientId']);

      const unknown = (await captureError(
        createAllocation({ db: db(), actor: f.editorA }, form({ splits: [{ categoryId: '999999', percent: '100' }] })),
      )) as Invalid;
      expect(Object.keys(unknown.fieldErrors)).toEqual(['splits.0.categoryId']);
    });

    it('a new recipient whose name exists already (in any case)', async () => {
      const error = (await captureError(createAllocation({ db: db(), actor: f.editorA }, form({ ...newRecipient, newRecipientName: 'alder recovery COLLECTIVE' })))) as Invalid;
      expect(Object.keys(error.fieldErrors)).toEqual(['newRecipientName']);
    });
  });

  it('refuses an editor of another locality, and a reviewer, and changes nothing', async () => {
    const { id } = await draft();
    const saved = (await readAllocationSnapshot(db(), id))!;
    const before = await countMoneyRows(db());
    const attempts: [string, () => Promise<unknown>][] = [
      ['create in A as B’s editor', () => createAllocation({ db: db(), actor: f.editorB }, form())],
      ['update A’s line as B’s editor', () => updateAllocation({ db: db(), actor: f.editorB }, { ...form({ program: 'Hijacked' }), id, version: 1 })],
      ['update claiming B’s locality', () => updateAllocation({ db: db(), actor: f.editorB }, { ...form({ localityId: String(f.localityB) }), id, version: 1 })],
      ['delete A’s line as B’s editor', () => deleteAllocation({ db: db(), actor: f.editorB }, { id, version: 1 })],
      ['submit A’s line as B’s editor', () => submitAllocation({ db: db(), actor: f.editorB }, { id, version: 1 })],
      ['create as A’s reviewer', () => createAllocation({ db: db(), actor: f.reviewerA }, form())],
      ['update as A’s reviewer', () => updateAllocation({ db: db(), actor: f.reviewerA }, { ...form(), id, version: 1 })],
      ['delete as A’s reviewer', () => deleteAllocation({ db: db(), actor: f.reviewerA }, { id, version: 1 })],
      ['submit as A’s reviewer', () => submitAllocation({ db: db(), actor: f.reviewerA }, { id, version: 1 })],
      ['decide as A’s editor', () => decideAllocation({ db: db(), actor: f.editorA }, { id, version: 1, decision: 'approve' })],
    ];
    for (const [label, attempt] of attempts) {
      // B's editor cannot see A's lines: told "not found", as for an id that does not exist (issue #14).
      const unseen = label.includes('B’s') && !label.startsWith('create');
      expect(await captureError(attempt()), label).toBeInstanceOf(unseen ? NotFound : Forbidden);
    }
    expect(await countMoneyRows(db())).toEqual(before);
    expect(await readAllocationSnapshot(db(), id)).toEqual(saved);
  });

  it('refuses nobody signed in, and says "not found" for an id that does not exist', async () => {
    await expect(createAllocation({ db: db(), actor: null }, form())).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(updateAllocation({ db: db(), actor: f.editorA }, { ...form(), id: 987654, version: 1 })).rejects.toBeInstanceOf(NotFound);
  });

  it('optimistic locking: two saves from version 1 — the second gets a Conflict with the first person’s values', async () => {
    const { id } = await draft({ program: 'Naloxone vending machines' });
    const first = await updateAllocation({ db: db(), actor: f.editorA }, { ...form({ program: 'Naloxone vending machines (six sites)' }), id, version: '1' });
    expect(first.version).toBe(2);

    const before = await countMoneyRows(db());
    const error = (await captureError(
      updateAllocation({ db: db(), actor: f.secondEditorA }, { ...form({ program: 'Naloxone boxes', amount: '99' }), id, version: '1' }),
    )) as Conflict;
    expect(error).toBeInstanceOf(Conflict);
    expect(error.message).toMatch(/^Changed by Ana Editor at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC since you opened it/);
    const current = error.current as ConflictCurrent<AllocationFormValues>;
    expect(current).toMatchObject({ entity: 'allocation', id, version: 2, changedBy: 'Ana Editor' });
    expect(current.values.program).toBe('Naloxone vending machines (six sites)');
    expect(current.values.splits).toEqual([
      { categoryId: String(f.category('health-first', 'moud')), percent: '60', amount: '$72,000.01' },
      { categoryId: String(f.category('health-first', 'housing')), percent: '40', amount: '$48,000.00' },
    ]);
    expect(await countMoneyRows(db())).toEqual(before);

    // Re-applying on top of the new version keeps the second person's edit, and the first is in the history.
    await updateAllocation({ db: db(), actor: f.secondEditorA }, { ...form({ program: 'Naloxone boxes', amount: '99' }), id, version: String(current.version) });
    const saved = await readAllocationSnapshot(db(), id);
    expect(saved).toMatchObject({ program: 'Naloxone boxes', amountCents: 9900n, version: 3 });
    const history = await auditRowsFor(db(), 'allocation', id);
    expect(history.map((row) => [row.action, (row.after as { program: string }).program])).toEqual([
      ['create', 'Naloxone vending machines'],
      ['update', 'Naloxone vending machines (six sites)'],
      ['update', 'Naloxone boxes'],
    ]);
  });

  it('optimistic locking holds when two saves race', async () => {
    const { id } = await draft({ program: 'Race' });
    const results = await Promise.allSettled([
      updateAllocation({ db: db(), actor: f.editorA }, { ...form({ program: 'Race — Ana' }), id, version: 1 }),
      updateAllocation({ db: db(), actor: f.secondEditorA }, { ...form({ program: 'Race — Ben' }), id, version: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(Conflict);
    const saved = await readAllocationSnapshot(db(), id);
    expect(saved!.version).toBe(2);
    expect((refused.reason as Conflict).current).toMatchObject({ version: 2, values: { program: saved!.program } });
  });

  it('status rules: a submitted line cannot be edited or deleted until it is returned to draft, which is recorded', async () => {
    const { id } = await draft({ program: 'Peer recovery coaches' });
    const submitted = await submitAllocation({ db: db(), actor: f.editorA }, { id, version: '1' });
    expect(submitted).toMatchObject({ status: 'submitted', version: 2 });

    const before = await countMoneyRows(db());
    const edit = (await captureError(updateAllocation({ db: db(), actor: f.editorA }, { ...form(), id, version: 2 }))) as Invalid;
    expect(edit).toBeInstanceOf(Invalid);
    expect(edit.message).toBe('This allocation is submitted; return it to draft before changing it.');
    expect(await captureError(deleteAllocation({ db: db(), actor: f.editorA }, { id, version: 2 }))).toBeInstanceOf(Invalid);
    expect(await captureError(submitAllocation({ db: db(), actor: f.editorA }, { id, version: 2 }))).toBeInstanceOf(Invalid);
    const noReason = (await captureError(returnAllocationToDraft({ db: db(), actor: f.editorA }, { id, version: 2, reason: ' ' }))) as Invalid;
    expect(Object.keys(noReason.fieldErrors)).toEqual(['reason']);
    expect(await countMoneyRows(db())).toEqual(before);

    await returnAllocationToDraft({ db: db(), actor: f.editorA }, { id, version: 2, reason: 'The amount was for two years, not one.' });
    const history = await auditRowsFor(db(), 'allocation', id);
    expect(history.at(-1)).toMatchObject({ action: 'return_to_draft', reason: 'The amount was for two years, not one.' });
    expect(history.at(-1)!.before).toMatchObject({ status: 'submitted' });
    expect(history.at(-1)!.after).toMatchObject({ status: 'draft' });
    await updateAllocation({ db: db(), actor: f.editorA }, { ...form({ program: 'Peer recovery coaches (one year)' }), id, version: 3 });
  });

  it('a reviewer approves or returns (with a reason); nobody decides on a line they submitted', async () => {
    const { id } = await draft({ program: 'Syringe services van' });
    await expect(submitAllocation({ db: db(), actor: f.editorA }, { id, version: 1 })).resolves.toMatchObject({ status: 'submitted' });
    const returned = (await captureError(decideAllocation({ db: db(), actor: f.reviewerA }, { id, version: 2, decision: 'return', reason: '' }))) as Invalid;
    expect(Object.keys(returned.fieldErrors)).toEqual(['reason']);
    await decideAllocation({ db: db(), actor: f.reviewerA }, { id, version: 2, decision: 'return', reason: 'Say which neighborhoods the van serves.' });
    let saved = await readAllocationSnapshot(db(), id);
    expect(saved).toMatchObject({ status: 'returned', decisionReason: 'Say which neighborhoods the van serves.' });

    await updateAllocation({ db: db(), actor: f.editorA }, { ...form({ program: 'Syringe services van (east side)' }), id, version: 3 });
    await submitAllocation({ db: db(), actor: f.editorA }, { id, version: 4 });
    await decideAllocation({ db: db(), actor: f.reviewerA }, { id, version: 5, decision: 'approve' });
    saved = await readAllocationSnapshot(db(), id);
    expect(saved).toMatchObject({ status: 'approved', version: 6, decisionReason: null });
    expect((await auditRowsFor(db(), 'allocation', id)).map((r) => r.action)).toEqual([
      'create',
      'submit',
      'return',
      'update',
      'submit',
      'approve',
    ]);

    // The site administrator sits on the board: they may submit, but then not decide on their own submission.
    const own = await draft({ program: 'Admin-submitted' });
    await submitAllocation({ db: db(), actor: f.adminReviewerA }, { id: own.id, version: 1 });
    expect(await captureError(decideAllocation({ db: db(), actor: f.adminReviewerA }, { id: own.id, version: 2, decision: 'approve' }))).toBeInstanceOf(
      Forbidden,
    );
    await decideAllocation({ db: db(), actor: f.reviewerA }, { id: own.id, version: 2, decision: 'approve' });
  });

  it('submitting needs a description', async () => {
    const { id } = await draft({ description: '' });
    const error = (await captureError(submitAllocation({ db: db(), actor: f.editorA }, { id, version: 1 }))) as Invalid;
    expect(Object.keys(error.fieldErrors)).toEqual(['description']);
  });

  it('every write leaves exactly one audit row with before and after', async () => {
    const count = async () => (await countMoneyRows(db())).audit_log;
    let n = await count();
    const { id } = await draft({ program: 'Audit me' });
    expect(await count()).toBe(++n);
    const steps: [string, () => Promise<unknown>][] = [
      ['update', () => updateAllocation({ db: db(), actor: f.editorA }, { ...form({ program: 'Audit me, edited' }), id, version: 1 })],
      ['submit', () => submitAllocation({ db: db(), actor: f.editorA }, { id, version: 2 })],
      ['return_to_draft', () => returnAllocationToDraft({ db: db(), actor: f.editorA }, { id, version: 3, reason: 'One more change' })],
      ['delete', () => deleteAllocation({ db: db(), actor: f.editorA }, { id, version: 4, reason: 'Entered twice' })],
    ];
    for (const [action, step] of steps) {
      await step();
      expect(await count(), action).toBe(++n);
      const last = (await auditRowsFor(db(), 'allocation', id)).at(-1)!;
      expect(last.action).toBe(action);
      expect(last.before, action).not.toBeNull();
      expect(last.after, action).not.toBeNull();
      expect(last.userId).toBe(f.editorA.userId);
    }
  });

  it('deletes softly: the row stays, marked, and can no longer be edited', async () => {
    const { id } = await draft({ program: 'Delete me' });
    await deleteAllocation({ db: db(), actor: f.editorA }, { id, version: 1 });
    const [row] = await db().select().from(allocations).where(eq(allocations.id, id));
    expect(row!.deletedAt).toBeInstanceOf(Date);
    const error = (await captureError(updateAllocation({ db: db(), actor: f.editorA }, { ...form(), id, version: 2 }))) as Conflict;
    expect(error).toBeInstanceOf(Conflict);
    expect(error.message).toMatch(/^Deleted by Ana Editor/);
    await expect(deleteAllocation({ db: db(), actor: f.editorA }, { id, version: 2 })).rejects.toBeInstanceOf(NotFound);
  });
});
