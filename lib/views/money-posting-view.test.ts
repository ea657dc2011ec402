import { describe, expect, it } from 'vitest';
import type { MoneyAwaitingPosting, MoneyDraftLine } from '@/lib/data/money-awaiting-posting';
import { buildMoneyPostingQueue, moneyAwaitingSummary, recorderText } from './money-posting-view';

const BASE = '/staff/l/cedarholm-county';
const EDITOR = { id: 5, name: 'Ed Editor', role: 'editor' as const };
const REVIEWER_ID = 9;

function line(id: number, extra: Partial<MoneyDraftLine> = {}): MoneyDraftLine {
  return {
    id,
    version: 1,
    date: '2026-02-11',
    fiscalYear: 2026,
    party: 'Distributors settlement',
    note: '',
    allocation: null,
    amountCents: 1_000_00n,
    recordedBy: EDITOR,
    recordedAt: '2026-02-12 09:30 UTC',
    ...extra,
  };
}

const awaiting: MoneyAwaitingPosting = {
  receipts: [line(1, { note: 'First installment' }), line(2, { amountCents: 250_50n, recordedBy: { id: REVIEWER_ID, name: 'Rita', role: 'reviewer' } })],
  payments: [line(7, { date: '2026-03-01', party: null, allocation: { id: 40, program: 'Mobile crisis team' }, amountCents: 12_345_67n })],
  receiptCount: 2,
  paymentCount: 1,
};

describe('money posting view', () => {
  it('shapes a table of receipts and one of payments: date, who paid or was paid, amount, recorder, link', () => {
    const queue = buildMoneyPostingQueue(awaiting, { actorUserId: REVIEWER_ID, base: BASE });
    expect(queue.count).toBe(3);
    expect(queue.summary).toBe('2 receipts and 1 payment wait for the board to post them.');
    const [receipts, payments] = queue.sections;
    expect(receipts).toMatchObject({ kind: 'receipt', heading: 'Receipts', partyHeader: 'Paid by', total: '$1,250.50', totalCents: '125050', more: null });
    expect(receipts!.rows[0]).toEqual({
      id: '1',
      version: '1',
      date: '2026-02-11',
      fiscalYear: 'FY2026',
      party: 'Distributors settlement',
      amount: '$1,000.00',
      amountCents: '100000',
      recordedBy: 'Ed Editor, editor',
      recordedAt: '2026-02-12 09:30 UTC',
      href: `${BASE}/receipts?posting=draft&fy=2026`,
      linkText: 'First installment',
      label: '$1,000.00 received 2026-02-11',
      notYours: null,
    });
    // A receipt without a note is named by its number.
    expect(receipts!.rows[1]!.linkText).toBe('Receipt no. 2');
    expect(payments).toMatchObject({ kind: 'expenditure', heading: 'Payments', partyHeader: 'Paid to', total: '$12,345.67' });
    expect(payments!.rows[0]).toMatchObject({
      party: 'Not recorded',
      href: `${BASE}/allocations/40`,
      linkText: 'Mobile crisis team',
      label: '$12,345.67 paid 2026-03-01 from “Mobile crisis team”',
    });
  });

  it('offers no checkbox on a line the person looking recorded: another board member posts it', () => {
    const queue = buildMoneyPostingQueue(awaiting, { actorUserId: REVIEWER_ID, base: BASE });
    expect(queue.sections[0]!.rows.map((row) => row.notYours)).toEqual([null, 'You recorded this receipt: another board member posts it.']);
    const asEditor = buildMoneyPostingQueue(awaiting, { actorUserId: EDITOR.id, base: BASE });
    expect(asEditor.sections[1]!.rows[0]!.notYours).toBe('You recorded this payment: another board member posts it.');
  });

  it('says how many wait beyond those listed, and what an empty table says', () => {
    const queue = buildMoneyPostingQueue({ ...awaiting, receiptCount: 203, payments: [], paymentCount: 0 }, { actorUserId: REVIEWER_ID, base: BASE });
    expect(queue.count).toBe(203);
    expect(queue.sections[0]!.more).toBe('201 more receipts wait, not listed: post these first.');
    expect(queue.sections[1]!.rows).toEqual([]);
    expect(queue.sections[1]!.emptyText).toBe('No payment waits to be posted.');
    expect(queue.sections[1]!.total).toBe('$0.00');
  });

  it('summarizes in words', () => {
    expect(moneyAwaitingSummary(0, 0)).toBe('No receipts or payments wait for the board to post them.');
    expect(moneyAwaitingSummary(1, 0)).toBe('1 receipt waits for the board to post it.');
    expect(moneyAwaitingSummary(0, 3)).toBe('3 payments wait for the board to post them.');
    expect(moneyAwaitingSummary(1, 1)).toBe('1 receipt and 1 payment wait for the board to post them.');
  });

  it('names the recorder with their role in the locality', () => {
    expect(recorderText({ id: 1, name: 'Ann', role: 'admin' })).toBe('Ann, administrator');
    expect(recorderText({ id: 1, name: 'Sam', role: null })).toBe('Sam, site administrator');
    expect(recorderText(null)).toBe('Not recorded');
  });
});
