import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { localities } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { listApiReceipts } from '@/lib/data/api-receipts';
import { getLocalityTotals } from '@/lib/data/locality-totals';
import { countMoneyDrafts } from '@/lib/data/money-drafts';
import { readExpenditureSnapshot, readReceiptSnapshot } from '@/lib/data/staff-snapshots';
import { listStaffReceipts, RECEIPT_SORT } from '@/lib/data/staff-receipts';
import { parseStaffListQuery } from '@/lib/data/staff-list-query';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { createAllocation } from '../allocations/create';
import { createExpenditure } from '../expenditures/create';
import { createReceipt } from '../receipts/create';
import { MAX_POST_LINES, postMoney } from './post';
import { approveForTest, auditRowsFor, captureError, useServiceFixture } from '../testing';
import { updateReceipt } from '../receipts/update';

describeEachDriver('posting receipts and payments', (driver) => {
  const { db, f } = useServiceFixture(driver);
  /** FY2026 for locality A (July start). */
  const FY = 2026;

  const receipt = (amount: string, extra: Record<string, unknown> = {}) =>
    createReceipt({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), sourceId: String(f.sourceId), receivedOn: '2025-09-01', amount, note: '', ...extra });

  it('records a receipt as a draft that no public figure counts, and counts it once posted, with one audit row', async () => {
    const before = await getLocalityTotals(db(), f.localityA, FY);
    const { id } = await receipt('1,000.00');
    expect((await readReceiptSnapshot(db(), id))?.postedAt).toBeNull();
    expect(await getLocalityTotals(db(), f.localityA, FY)).toEqual(before);
    const publicIds = async () => (await listApiReceipts(db(), { localityId: f.localityA }, 0, 500)).map((row) => row.id);
    expect(await publicIds()).not.toContain(id);

    const result = await postMoney({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), kind: 'receipt', lines: [{ id: String(id), version: '1' }] });
    expect(result).toEqual({ count: 1, lines: [{ id, version: 2 }] });
    expect((await getLocalityTotals(db(), f.localityA, FY)).receivedCents).toBe(before.receivedCents + 1_000_00n);
    expect(await publicIds()).toContain(id);
    const audit = await auditRowsFor(db(), 'receipt', id);
    expect(audit.map((row) => row.action)).toEqual(['create', 'post']);
    expect(audit[1]!.userId).toBe(f.editorA.userId);
  });

  it('"Save and post" counts a new receipt at once; a posted receipt stays posted when edited', async () => {
    const before = await getLocalityTotals(db(), f.localityA, FY);
    const { id } = await receipt('250.00', { intent: 'post' });
    expect((await getLocalityTotals(db(), f.localityA, FY)).receivedCents).toBe(before.receivedCents + 250_00n);
    await updateReceipt({ db: db(), actor: f.editorA }, { id, version: 1, localityId: String(f.localityA), sourceId: String(f.sourceId), receivedOn: '2025-09-01', amount: '300.00', note: 'corrected' });
    expect((await readReceiptSnapshot(db(), id))?.postedAt).not.toBeNull();
    expect((await getLocalityTotals(db(), f.localityA, FY)).receivedCents).toBe(before.receivedCents + 300_00n);
  });

  it('posts many drafts in one action, all or nothing: a line posted meanwhile, another locality’s or a stale one refuses them all', async () => {
    const a = await receipt('10.00');
    const b = await receipt('20.00');
    const posted = await receipt('30.00', { intent: 'post' });
    const other = await createReceipt({ db: db(), actor: f.editorB }, { localityId: String(f.localityB), sourceId: String(f.sourceId), receivedOn: '2025-09-01', amount: '5', note: '' });
    const refs = (...lines: { id: number }[]) => lines.map(({ id }) => ({ id: String(id), version: '1' }));
    const post = (lines: { id: string; version: string }[]) => postMoney({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), kind: 'receipt', lines });

    const already = (await captureError(post(refs(a, posted)))) as Conflict;
    expect(already).toBeInstanceOf(Conflict);
    expect(already.message).toMatch(new RegExp(`receipt no\\. ${posted.id} was already posted`));
    expect(await captureError(post(refs(a, other)))).toBeInstanceOf(NotFound);
    const stale = (await captureError(post([...refs(a), { id: String(b.id), version: '7' }]))) as Conflict;
    expect(stale.message).toMatch(/changed by someone else/);
    expect((await readReceiptSnapshot(db(), a.id))?.postedAt).toBeNull();

    const draftsBefore = (await countMoneyDrafts(db(), { localityId: f.localityA, fiscalYear: FY })).receipts;
    expect((await post(refs(a, b))).count).toBe(2);
    expect((await countMoneyDrafts(db(), { localityId: f.localityA, fiscalYear: FY })).receipts).toBe(draftsBefore - 2);
    const drafts = await listStaffReceipts(db(), f.localityA, parseStaffListQuery(new URLSearchParams('posting=draft'), RECEIPT_SORT));
    expect(drafts.rows.map((row) => row.id)).not.toContain(a.id);
    expect(drafts.totals.drafts).toBe(drafts.rowCount);
  });

  it('counts a payment once posted, and only a person who writes money for the locality may post', async () => {
    const line = await createAllocation({ db: db(), actor: f.editorA }, {
      localityId: String(f.localityA),
      fiscalYear: String(FY),
      program: 'Posting test line',
      amount: '1,000',
      recipientMode: 'none',
      splits: [{ categoryId: String(f.category('health-first', 'naloxone')), percent: '100' }],
    });
    await approveForTest(db(), line.id);
    const before = await getLocalityTotals(db(), f.localityA, FY);
    const { id } = await createExpenditure({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), allocationId: String(line.id), paidOn: '2025-10-01', amount: '400' });
    expect((await getLocalityTotals(db(), f.localityA, FY)).spentCents).toBe(before.spentCents);

    const lines = [{ id: String(id), version: '1' }];
    expect(await captureError(postMoney({ db: db(), actor: f.reviewerA }, { localityId: String(f.localityA), kind: 'expenditure', lines }))).toBeInstanceOf(Forbidden);
    expect(await captureError(postMoney({ db: db(), actor: f.editorB }, { localityId: String(f.localityA), kind: 'expenditure', lines }))).toBeInstanceOf(Forbidden);
    await postMoney({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), kind: 'expenditure', lines });
    expect((await readExpenditureSnapshot(db(), id))?.postedAt).not.toBeNull();
    expect((await getLocalityTotals(db(), f.localityA, FY)).spentCents).toBe(before.spentCents + 400_00n);
  });

  it('refuses an empty selection, one over the limit, and a line selected twice, naming what is wrong', async () => {
    const post = (lines: unknown) => postMoney({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), kind: 'receipt', lines });
    expect(((await captureError(post([]))) as Invalid).fieldErrors.lines).toEqual(['Select at least one line.']);
    const many = Array.from({ length: MAX_POST_LINES + 1 }, (_, i) => ({ id: String(i + 1), version: '1' }));
    expect(((await captureError(post(many))) as Invalid).fieldErrors.lines).toEqual([`Select at most ${MAX_POST_LINES} lines at a time.`]);
    expect(((await captureError(post([{ id: '1', version: '1' }, { id: '1', version: '1' }]))) as Invalid).fieldErrors.lines).toEqual([
      'A line is selected twice; reload the page.',
    ]);
  });

  it('where the board approves money: staff save drafts only, and a board member other than the recorder posts', async () => {
    await db().update(localities).set({ moneyNeedsApproval: true }).where(eq(localities.id, f.localityA));
    try {
      const refused = (await captureError(receipt('75.00', { intent: 'post' }))) as Invalid;
      expect(refused).toBeInstanceOf(Invalid);
      expect(refused.message).toBe("This locality's board approves each receipt before it counts: save it as a draft, and a board member posts it.");
      const mine = await receipt('75.00');
      const lines = [{ id: String(mine.id), version: '1' }];
      expect(await captureError(postMoney({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), kind: 'receipt', lines }))).toBeInstanceOf(Forbidden);
      // A site administrator on the board who recorded a receipt may not post it themselves.
      const own = await createReceipt({ db: db(), actor: f.adminReviewerA }, { localityId: String(f.localityA), sourceId: String(f.sourceId), receivedOn: '2025-09-01', amount: '1', note: '' });
      const ownError = (await captureError(
        postMoney({ db: db(), actor: f.adminReviewerA }, { localityId: String(f.localityA), kind: 'receipt', lines: [{ id: String(own.id), version: '1' }] }),
      )) as Forbidden;
      expect(ownError.message).toBe(`You recorded the receipt no. ${own.id}: another board member approves and posts it.`);
      const before = await getLocalityTotals(db(), f.localityA, FY);
      await postMoney({ db: db(), actor: f.reviewerA }, { localityId: String(f.localityA), kind: 'receipt', lines });
      expect((await getLocalityTotals(db(), f.localityA, FY)).receivedCents).toBe(before.receivedCents + 75_00n);
    } finally {
      await db().update(localities).set({ moneyNeedsApproval: false }).where(eq(localities.id, f.localityA));
    }
  });
});
