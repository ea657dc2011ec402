import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDriver } from '@/db/testing/test-database';
import { readExpenditureSnapshot } from '@/lib/data/staff-snapshots';
import { listFiscalYears } from '@/lib/data/localities';
import { queryRows } from '@/lib/data/rows';
import { Invalid } from '@/lib/errors';
import { todayIso } from '@/lib/fiscal-year';
import { createAllocation } from '../allocations/create';
import { createExpenditure } from './create';
import { createReceipt } from '../receipts/create';
import { cliActor } from '../import/actor';
import { commitAllocationImport } from '../import/allocations';
import { commitExpenditureImport, previewExpenditureImport } from '../import/expenditures';
import { previewReceiptImport } from '../import/receipts';
import { checkPayment, EARLIEST_MONEY_DATE, moneyDateProblem, PaymentRefused } from './guardrails';
import { addFormAllocation, approveForTest, captureError, countMoneyRows, useServiceFixture } from '../testing';
import { updateExpenditure } from './update';
import { updateReceipt } from '../receipts/update';

function csv(lines: string[]): Uint8Array {
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

const NEXT_YEAR = `${Number(todayIso().slice(0, 4)) + 1}-03-01`;

describe('the rules, without a database', () => {
  const budget = { id: 1, program: 'Naloxone', fiscalYear: 2025, status: 'approved', amountCents: 5_670_000n, paidCents: 0n };

  it('dates: before the first settlement money or after today are refused, the bounds are not', () => {
    expect(moneyDateProblem('1999-06-30', 'receipt', '2026-12-01')).toMatch(/^1999-06-30 is before 2021-01-01/);
    expect(moneyDateProblem('2031-01-05', 'payment', '2026-12-01')).toMatch(/^2031-01-05 is in the future \(today is 2026-12-01\)/);
    expect(moneyDateProblem(EARLIEST_MONEY_DATE, 'receipt', '2026-12-01')).toBeNull();
    expect(moneyDateProblem('2026-12-01', 'receipt', '2026-12-01')).toBeNull();
  });

  it('an overspend is refused with what remains and the excess, in dollars; a refund never is', () => {
    const refused = checkPayment(budget, 99_999_900n, null);
    expect(refused).toMatchObject({ ok: false, field: 'amount', remainingCents: 5_670_000n, excessCents: 94_329_900n });
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.reason).toContain('$999,999.00');
    expect(refused.reason).toContain('only $56,700.00 remains');
    expect(refused.reason).toContain('exceeds it by $943,299.00');
    expect(checkPayment(budget, 99_999_900n, 'Council resolution 24-17')).toEqual({ ok: true, overspend: true });
    expect(checkPayment({ ...budget, paidCents: 9_000_000n }, -100n, null)).toEqual({ ok: true, overspend: false });
    expect(checkPayment({ ...budget, status: 'draft' }, 100n, null)).toMatchObject({ ok: false, field: 'allocationId' });
  });
});

describeEachDriver('money guardrails', (driver) => {
  const { db, f } = useServiceFixture(driver);

  const allocation = (amount: string, program: string, approve = true) => addFormAllocation(db(), f, program, amount, approve);

  function pay(allocationId: number, amount: string, extra: Record<string, unknown> = {}) {
    return createExpenditure({ db: db(), actor: f.editorA }, { localityId: f.localityA, allocationId, paidOn: '2025-03-01', amount, ...extra });
  }

  it('refuses a $999,999 payment against a $56,700 allocation, saying what remains and by how much it exceeds it', async () => {
    const id = await allocation('56,700', 'Naloxone kits');
    const before = await countMoneyRows(db());
    const error = await captureError(pay(id, '999,999'));
    expect(error).toBeInstanceOf(PaymentRefused);
    const refused = error as PaymentRefused;
    expect(refused.message).toContain('$56,700.00 allocated, $0.00 already paid, so only $56,700.00 remains');
    expect(refused.message).toContain('exceeds it by $943,299.00');
    expect(refused.fieldErrors.amount).toEqual(['Exceeds what remains of the allocation by $943,299.00.']);
    expect(refused.fieldErrors.overspendReason).toBeDefined();
    expect(await countMoneyRows(db())).toEqual(before);
  });

  it('records it with an overspend reason, which is kept; a payment within the remainder keeps none', async () => {
    const id = await allocation('1,000', 'Outreach van');
    const within = await pay(id, '400', { overspendReason: 'not needed' });
    expect((await readExpenditureSnapshot(db(), within.id))?.overspendReason).toBeNull();
    const over = await pay(id, '700', { overspendReason: 'Emergency purchase approved by council resolution 24-17.' });
    expect(await readExpenditureSnapshot(db(), over.id)).toMatchObject({
      amountCents: 70_000n,
      overspendReason: 'Emergency purchase approved by council resolution 24-17.',
    });
    // Spent beyond the allocation already: a refund is still recorded.
    const refund = await pay(id, '(50.00)');
    expect((await readExpenditureSnapshot(db(), refund.id))?.amountCents).toBe(-5_000n);
    // And another payment is refused: nothing remains.
    const error = (await captureError(pay(id, '1'))) as PaymentRefused;
    expect(error.message).toContain('so nothing remains');
  });

  it('an edit does not count its own previous amount', async () => {
    const id = await allocation('1,000', 'Peer navigators');
    const first = await pay(id, '600');
    const edited = await updateExpenditure({ db: db(), actor: f.editorA }, { id: first.id, version: 1, allocationId: id, paidOn: '2025-03-01', amount: '1,000' });
    expect(edited.version).toBe(2);
    const error = (await captureError(
      updateExpenditure({ db: db(), actor: f.editorA }, { id: first.id, version: 2, allocationId: id, paidOn: '2025-03-01', amount: '1,000.01' }),
    )) as PaymentRefused;
    expect(error).toBeInstanceOf(PaymentRefused);
    expect(error.message).toContain('exceeds it by $0.01');
  });

  it('refuses a payment against an allocation that is not approved', async () => {
    const id = await allocation('1,000', 'Draft line', false);
    const error = (await captureError(pay(id, '10'))) as Invalid;
    expect(error).toBeInstanceOf(Invalid);
    expect(error.fieldErrors.allocationId?.[0]).toMatch(/is draft, not approved/);
  });

  it('refuses dates too early or in the future on the forms, naming the field', async () => {
    const id = await allocation('1,000', 'Dated line');
    const early = (await captureError(pay(id, '10', { paidOn: '1999-06-30' }))) as Invalid;
    expect(early.fieldErrors.paidOn?.[0]).toMatch(/^The date paid 1999-06-30 is before 2021-01-01/);
    const late = (await captureError(pay(id, '10', { paidOn: NEXT_YEAR }))) as Invalid;
    expect(late.fieldErrors.paidOn?.[0]).toMatch(/is in the future/);
    const receipt = { localityId: f.localityA, sourceId: f.sourceId, amount: '100' };
    const future = (await captureError(createReceipt({ db: db(), actor: f.editorA }, { ...receipt, receivedOn: NEXT_YEAR }))) as Invalid;
    expect(future.fieldErrors.receivedOn?.[0]).toMatch(/^The date received .* is in the future/);
    const saved = await createReceipt({ db: db(), actor: f.editorA }, { ...receipt, receivedOn: '2024-05-01' });
    const old = (await captureError(
      updateReceipt({ db: db(), actor: f.editorA }, { id: saved.id, version: 1, ...receipt, receivedOn: '1999-05-01' }),
    )) as Invalid;
    expect(old.fieldErrors.receivedOn?.[0]).toMatch(/before 2021-01-01/);
  });

  it('two payments saved at once cannot both spend the same remainder', async () => {
    const id = await allocation('1,000', 'Contested line');
    const results = await Promise.allSettled([pay(id, '600'), pay(id, '600')]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(PaymentRefused);
    const [row] = await queryRows<{ paid: string }>(db(), sql`select sum(amount_cents)::text as paid from expenditures where allocation_id = ${id}`);
    expect(row!.paid).toBe('60000');
  });

  it('the import: dates, approval and overspend name row and column; the remainder runs across the rows', async () => {
    await allocation('1,000', 'Import line');
    await allocation('1,000', 'Unapproved import line', false);
    const input = (lines: string[]) => ({ localityId: f.localityA, fileName: 'payments.csv', bytes: csv(lines), today: '2026-11-23' });
    const preview = await previewExpenditureImport({ db: db(), actor: f.editorA }, input([
      'Date,Program,Amount',
      '2025-03-01,Import line,600',
      '2025-03-02,Import line,600',
      '2025-03-03,Import line,-100',
      '2027-01-01,Import line,1',
      '1999-01-01,Import line,1',
      '2025-03-04,Unapproved import line,5',
    ]));
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.create.map((payment) => payment.row)).toEqual([2, 4]);
    expect(preview.errors.map(({ row, column }) => [row, column])).toEqual([
      [3, 'Amount'],
      [5, 'Date'],
      [6, 'Date'],
      [7, 'Program'],
    ]);
    expect(preview.errors[0]!.reason).toContain('only $400.00 remains; the payment exceeds it by $200.00');
    expect(preview.errors[0]!.reason).toContain('add an "Overspend reason" column');
    expect(preview.errors[1]!.reason).toBe('2027-01-01 is in the future (today is 2026-11-23): record a payment once it is made');
    expect(preview.errors[2]!.reason).toMatch(/^1999-01-01 is before 2021-01-01: no opioid-settlement money was paid out that early/);
    expect(preview.errors[3]!.reason).toMatch(/is draft, not approved/);

    const before = await countMoneyRows(db());
    const refused = await commitExpenditureImport({ db: db(), actor: cliActor() }, input(['Date,Program,Amount', '2025-03-01,Import line,600', '2025-03-02,Import line,600']));
    expect(refused.ok).toBe(false);
    expect(await countMoneyRows(db())).toEqual(before);

    const committed = await commitExpenditureImport({ db: db(), actor: cliActor() }, input([
      'Date,Program,Amount,Overspend reason',
      '2025-03-01,Import line,600,',
      '2025-03-02,Import line,600,Second invoice approved by the board on 2025-02-20',
    ]));
    if (!committed.ok) throw new Error(`${committed.reason} ${JSON.stringify(committed.errors)}`);
    const reasons = await Promise.all(committed.expenditureIds.map(async (id) => (await readExpenditureSnapshot(db(), id))?.overspendReason));
    expect(reasons).toEqual([null, 'Second invoice approved by the board on 2025-02-20']);
  });

  it('fiscal-year navigation lists the years holding counted data only: not a draft’s, and a payment’s own year', async () => {
    const line = (fiscalYear: string, program: string) =>
      createAllocation({ db: db(), actor: f.editorB }, {
        localityId: f.localityB,
        fiscalYear,
        program,
        amount: '1,000',
        recipientMode: 'none',
        splits: [{ categoryId: f.category('health-first', 'naloxone'), percent: '100' }],
      });
    const approved = await line('2024', 'Approved FY2024 line');
    await approveForTest(db(), approved.id);
    await line('2027', 'Draft FY2027 line');
    // October start: a payment of 2024-11-01 falls in FY2025, a year with no line or receipt of its own.
    await createExpenditure({ db: db(), actor: f.editorB }, { localityId: f.localityB, allocationId: approved.id, paidOn: '2024-11-01', amount: '10', intent: 'post' });
    // A draft payment is not counted yet: its year (FY2026) is not listed.
    await createExpenditure({ db: db(), actor: f.editorB }, { localityId: f.localityB, allocationId: approved.id, paidOn: '2025-11-01', amount: '10' });
    expect(await listFiscalYears(db(), f.localityB)).toEqual([2025, 2024]);
  });

  it('the allocations import refuses spending dated before the first settlement money, or beyond the line', async () => {
    const before = await countMoneyRows(db());
    const result = await commitAllocationImport({ db: db(), actor: cliActor() }, {
      localityId: f.localityA,
      fileName: 'old.csv',
      bytes: csv(['Fiscal Year,Program,Category,Amount,Spent', '2019,Old line,naloxone,100,50', '2024,New line,naloxone,100,50', '2024,Overspent line,naloxone,100,150']),
      today: '2026-11-23',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(({ row, column, reason }) => [row, column, reason])).toEqual([
      [2, 'Spent', expect.stringContaining('the spending would be dated 2019-06-30, before 2021-01-01')],
      [4, 'Spent', expect.stringContaining('$150.00 spent is more than the $100.00 allocated, by $50.00')],
    ]);
    expect(await countMoneyRows(db())).toEqual(before);
  });

  it('the receipts import refuses dates out of range, naming row and column', async () => {
    const preview = await previewReceiptImport({ db: db(), actor: f.editorA }, {
      localityId: f.localityA,
      fileName: 'receipts.csv',
      bytes: csv(['Date Received,Settlement,Amount', '2031-07-01,Distributors,100', '1999-07-01,Distributors,100', '2024-07-01,Distributors,100']),
      today: '2026-11-23',
    });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.errors.map(({ row, column, value }) => [row, column, value])).toEqual([
      [2, 'Date Received', '2031-07-01'],
      [3, 'Date Received', '1999-07-01'],
    ]);
  });
});
