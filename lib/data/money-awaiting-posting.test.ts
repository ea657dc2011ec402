import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { fundingSources, localities } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { Forbidden } from '@/lib/errors';
import { createAllocation } from '@/lib/services/allocations/create';
import { createExpenditure } from '@/lib/services/expenditures/create';
import { createReceipt } from '@/lib/services/receipts/create';
import { deleteReceipt } from '@/lib/services/receipts/delete';
import { postMoney } from '@/lib/services/money/post';
import { approveForTest, captureError, type ServiceFixture, useServiceFixture } from '@/lib/services/testing';
import { buildMoneyPostingQueue } from '@/lib/views/money-posting-view';
import { listMoneyAwaitingPosting } from './money-awaiting-posting';

describeEachDriver('receipts and payments awaiting the board', (driver) => {
  const { db, f } = useServiceFixture(driver);

  const receipt = (actor: ServiceFixture['editorA'], localityId: number, receivedOn: string, amount: string, extra: Record<string, unknown> = {}) =>
    createReceipt({ db: db(), actor }, { localityId: String(localityId), sourceId: String(f.sourceId), receivedOn, amount, note: '', ...extra });

  it('lists the drafts oldest first, with who paid or was paid and who recorded them; never posted, deleted or another locality’s', async () => {
    const [source] = await db().select({ name: fundingSources.name }).from(fundingSources).where(eq(fundingSources.id, f.sourceId));
    const later = await receipt(f.editorA, f.localityA, '2025-11-03', '2,000.00', { note: 'Second installment' });
    const earlier = await receipt(f.secondEditorA, f.localityA, '2025-09-01', '1,000.00');
    await receipt(f.editorA, f.localityA, '2025-08-01', '3.00', { intent: 'post' });
    const deleted = await receipt(f.editorA, f.localityA, '2025-08-02', '4.00');
    await deleteReceipt({ db: db(), actor: f.editorA }, { id: String(deleted.id), version: '1', localityId: String(f.localityA), reason: 'entered twice' });
    await receipt(f.editorB, f.localityB, '2025-09-01', '5.00');
    const line = await createAllocation({ db: db(), actor: f.editorA }, {
      localityId: String(f.localityA),
      fiscalYear: '2026',
      program: 'Mobile crisis team',
      amount: '10,000',
      recipientMode: 'new',
      newRecipientName: 'Alder Crisis Center',
      newRecipientType: 'community_based_organization',
      splits: [{ categoryId: String(f.category('health-first', 'naloxone')), percent: '100' }],
    });
    await approveForTest(db(), line.id);
    const payment = await createExpenditure({ db: db(), actor: f.editorA }, {
      localityId: String(f.localityA),
      allocationId: String(line.id),
      paidOn: '2025-10-01',
      amount: '400.25',
      description: 'October salaries',
    });

    const awaiting = await listMoneyAwaitingPosting(db(), { localityId: f.localityA });
    expect(awaiting.receiptCount).toBe(2);
    expect(awaiting.paymentCount).toBe(1);
    expect(awaiting.receipts.map((row) => row.id)).toEqual([earlier.id, later.id]);
    expect(awaiting.receipts[1]).toMatchObject({
      version: 1,
      date: '2025-11-03',
      fiscalYear: 2026,
      party: source!.name,
      note: 'Second installment',
      allocation: null,
      amountCents: 2_000_00n,
      recordedBy: { id: f.editorA.userId, name: 'Ana Editor', role: 'editor' },
    });
    expect(awaiting.receipts[1]!.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    // A person without a name is named by their email.
    expect(awaiting.receipts[0]!.recordedBy).toEqual({ id: f.secondEditorA.userId, name: 'ben@alder.test', role: 'editor' });
    expect(awaiting.payments).toEqual([
      expect.objectContaining({
        id: payment.id,
        date: '2025-10-01',
        party: 'Alder Crisis Center',
        note: 'October salaries',
        allocation: { id: line.id, program: 'Mobile crisis team' },
        amountCents: 400_25n,
      }),
    ]);

    // A limit lists fewer, and still counts them all.
    const first = await listMoneyAwaitingPosting(db(), { localityId: f.localityA, limit: 1 });
    expect(first.receipts.map((row) => row.id)).toEqual([earlier.id]);
    expect(first.receiptCount).toBe(2);
    expect(await listMoneyAwaitingPosting(db(), { localityId: f.localityB })).toMatchObject({ receiptCount: 1, paymentCount: 0, payments: [] });
  });

  it('where the board approves money, a board member posts what the queue lists, except what they recorded themselves', async () => {
    await db().update(localities).set({ moneyNeedsApproval: true }).where(eq(localities.id, f.localityA));
    try {
      const own = await receipt(f.adminReviewerA, f.localityA, '2025-12-01', '7.00');
      const awaiting = await listMoneyAwaitingPosting(db(), { localityId: f.localityA });
      expect(awaiting.receipts.find((row) => row.id === own.id)?.recordedBy).toEqual({ id: f.adminReviewerA.userId, name: 'Sam Admin', role: 'reviewer' });

      // The view offers Sam no checkbox on his own receipt, and the service refuses it anyway.
      const queue = buildMoneyPostingQueue(awaiting, { actorUserId: f.adminReviewerA.userId, base: '/staff/l/alder-county' });
      const ownRow = queue.sections[0]!.rows.find((row) => row.id === String(own.id))!;
      expect(ownRow.notYours).toBe('You recorded this receipt: another board member posts it.');
      const refused = await captureError(
        postMoney({ db: db(), actor: f.adminReviewerA }, { localityId: String(f.localityA), kind: 'receipt', lines: [{ id: ownRow.id, version: ownRow.version }] }),
      );
      expect(refused).toBeInstanceOf(Forbidden);

      // Rita posts every listed line, from the ids and versions her queue gives, in two bulk posts.
      for (const section of buildMoneyPostingQueue(awaiting, { actorUserId: f.reviewerA.userId, base: '/staff/l/alder-county' }).sections) {
        const lines = section.rows.filter((row) => row.notYours === null).map((row) => ({ id: row.id, version: row.version }));
        expect((await postMoney({ db: db(), actor: f.reviewerA }, { localityId: String(f.localityA), kind: section.kind, lines })).count).toBe(lines.length);
      }
      // Sam's receipt among them: another board member may post it.
      expect(await listMoneyAwaitingPosting(db(), { localityId: f.localityA })).toEqual({ receipts: [], payments: [], receiptCount: 0, paymentCount: 0 });
    } finally {
      await db().update(localities).set({ moneyNeedsApproval: false }).where(eq(localities.id, f.localityA));
    }
  });
});
