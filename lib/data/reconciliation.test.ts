import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { Forbidden, Invalid } from '@/lib/errors';
import { createReceipt } from '@/lib/services/receipts/create';
import { deleteReceipt } from '@/lib/services/receipts/delete';
import { recordExpectedPayment } from '@/lib/services/expected-payments/record-expected-payment';
import { auditRowsFor, captureError, useServiceFixture } from '@/lib/services/testing';
import { updateReceipt } from '@/lib/services/receipts/update';
import { getReconciliation, listExpectedPaymentRevisions, reconciliationStatus } from './reconciliation';
import { queryRows } from './rows';

describe('reconciliationStatus', () => {
  const at = (asOf: string, expectedCents: bigint | null, receivedCents: bigint, expectedOn: string | null = '2026-01-15') =>
    reconciliationStatus({ expectedCents, receivedCents, expectedOn, asOf });

  it('is overdue from the 61st day after the expected date, and only while money is missing', () => {
    expect(at('2026-03-16', 800n, 300n)).toBe('partly-received');
    expect(at('2026-03-17', 800n, 300n)).toBe('overdue');
    expect(at('2026-03-16', 800n, 0n)).toBe('not-yet-due');
    expect(at('2026-03-17', 800n, 0n)).toBe('overdue');
    expect(at('2030-01-01', 800n, 800n)).toBe('received-in-full');
    expect(at('2030-01-01', 800n, 801n)).toBe('more-than-expected');
    expect(at('2030-01-01', 800n, 0n, null)).toBe('not-yet-due');
    expect(at('2030-01-01', null, 5n)).toBe('not-expected');
  });
});

describeEachDriver('expected payments and the reconciliation', (driver) => {
  const { db, f } = useServiceFixture(driver);
  const source = new Map<string, number>();

  async function counts() {
    const [row] = await queryRows<{ expected: number; receipts: number; audit: number }>(
      db(),
      sql`select (select count(*)::int from expected_payments) as expected, (select count(*)::int from receipts) as receipts,
            (select count(*)::int from audit_log) as audit`,
    );
    return row!;
  }
  const estimate = (key: string, paymentYear: number, amount: string, estimatedOn: string, expectedOn = '') => ({
    localityId: f.localityA,
    sourceId: String(source.get(key)),
    paymentYear: String(paymentYear),
    amount,
    expectedOn,
    estimatedOn,
    estimateSource: `BrownGreer allocation estimate, ${estimatedOn}`,
  });
  const receipt = (key: string, receivedOn: string, amount: string, paymentYear: number | '') => ({
    localityId: f.localityA,
    sourceId: String(source.get(key)),
    receivedOn,
    amount,
    paymentYear: String(paymentYear),
    intent: 'post',
  });

  beforeAll(async () => {
    const rows = await queryRows<{ id: number; key: string }>(db(), sql`select id, key from funding_sources`);
    for (const row of rows) source.set(row.key, Number(row.id));
  });

  it('refuses a bad estimate naming the field, and writes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ sourceId: String(source.get('interest-earned')) }, 'sourceId', /settlement/],
      [{ sourceId: '999999' }, 'sourceId', /settlement/],
      [{ paymentYear: '2021' }, 'paymentYear', /2021 is before its first payment year/],
      [{ sourceId: String(source.get('janssen')), paymentYear: '2031' }, 'paymentYear', /2031 is after its last payment year/],
      [{ amount: '-5.00' }, 'amount', /cannot be negative/],
      [{ estimateSource: '   ' }, 'estimateSource', /where the estimate comes from/],
      [{ estimatedOn: '' }, 'estimatedOn', /date of the estimate/],
      [{ expectedOn: '2026-02-30' }, 'expectedOn', /real date/],
    ];
    for (const [overrides, field, message] of cases) {
      const error = (await captureError(recordExpectedPayment({ db: db(), actor: f.editorA }, { ...estimate('distributors', 2024, '10', '2024-01-02'), ...overrides }))) as Invalid;
      expect(error, JSON.stringify(overrides)).toBeInstanceOf(Invalid);
      expect(Object.keys(error.fieldErrors)).toEqual([field]);
      expect(error.fieldErrors[field]![0]).toMatch(message);
    }
    await expect(recordExpectedPayment({ db: db(), actor: f.reviewerA }, estimate('distributors', 2024, '10', '2024-01-02'))).rejects.toBeInstanceOf(Forbidden);
    await expect(recordExpectedPayment({ db: db(), actor: f.editorB }, estimate('distributors', 2024, '10', '2024-01-02'))).rejects.toBeInstanceOf(Forbidden);
    expect(await counts()).toEqual(before);
  });

  it('checks a receipt’s payment year against its settlement; interest and other revenue have none', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, RegExp][] = [
      [receipt('distributors', '2025-08-01', '10', 2021), /before its first payment year/],
      [receipt('janssen', '2025-08-01', '10', 2031), /after its last payment year/],
      [receipt('interest-earned', '2025-08-01', '10', 2025), /has no payment years/],
      [receipt('other-revenue', '2025-08-01', '10', 2025), /has no payment years/],
      [{ ...receipt('teva', '2025-08-01', '10', ''), paymentYear: 'Year 3' }, /4-digit year/],
    ];
    for (const [input, message] of cases) {
      const error = (await captureError(createReceipt({ db: db(), actor: f.editorA }, input))) as Invalid;
      expect(error, JSON.stringify(input)).toBeInstanceOf(Invalid);
      expect(error.fieldErrors).toEqual({ paymentYear: [expect.stringMatching(message)] });
    }
    const { id } = await createReceipt({ db: db(), actor: f.editorA }, receipt('hikma', '2025-08-01', '10', 2019));
    const error = (await captureError(updateReceipt({ db: db(), actor: f.editorA }, { ...receipt('distributors', '2025-08-01', '10', 2020), id, version: 1 }))) as Invalid;
    expect(error.fieldErrors).toEqual({ paymentYear: [expect.stringMatching(/before its first payment year/)] });
    await deleteReceipt({ db: db(), actor: f.editorA }, { id, version: 1, reason: 'test' });
    expect((await counts()).receipts).toBe(before.receipts + 1);
  });

  it('reconciles each settlement and year to the cent, with every status, from the latest revision', async () => {
    // Distributors 2023: estimated at $1,000.00, revised to $1,234.56; received in full.
    await recordExpectedPayment({ db: db(), actor: f.editorA }, estimate('distributors', 2023, '1,000.00', '2023-01-10', '2023-07-15'));
    const { id: revised } = await recordExpectedPayment({ db: db(), actor: f.editorA }, estimate('distributors', 2023, '$1,234.56', '2023-06-01', '2023-07-15'));
    await createReceipt({ db: db(), actor: f.editorA }, receipt('distributors', '2023-07-20', '1,234.56', 2023));
    // Distributors 2024: $2,000.00 due 2024-07-15, only $500.00 came: overdue by 2026.
    await recordExpectedPayment({ db: db(), actor: f.editorA }, estimate('distributors', 2024, '2,000.00', '2024-03-01', '2024-07-15'));
    await createReceipt({ db: db(), actor: f.editorA }, receipt('distributors', '2024-08-01', '500.00', 2024));
    // A receipt recorded twice and deleted does not count.
    const twice = await createReceipt({ db: db(), actor: f.editorA }, receipt('distributors', '2024-08-01', '500.00', 2024));
    await deleteReceipt({ db: db(), actor: f.editorA }, { id: twice.id, version: 1, reason: 'Recorded twice' });
    // Janssen 2025: $800.00 due 2026-01-15, $300.00 so far; Janssen 2026: $900.00 not yet due.
    await recordExpectedPayment({ db: db(), actor: f.editorA }, estimate('janssen', 2025, '800.00', '2025-11-15', '2026-01-15'));
    await createReceipt({ db: db(), actor: f.editorA }, receipt('janssen', '2026-01-20', '300.00', 2025));
    await recordExpectedPayment({ db: db(), actor: f.editorA }, estimate('janssen', 2026, '900.00', '2025-11-15', '2026-07-15'));
    // Teva 2024: $100.00 expected (no date announced), $100.01 came.
    await recordExpectedPayment({ db: db(), actor: f.editorA }, estimate('teva', 2024, '100.00', '2024-02-01'));
    await createReceipt({ db: db(), actor: f.editorA }, receipt('teva', '2024-09-01', '100.01', 2024));
    // Teva with no payment year, received in FY2026 (July start): listed under 2026, not expected.
    await createReceipt({ db: db(), actor: f.editorA }, receipt('teva', '2025-08-10', '45.67', ''));
    // Interest and grants are not reconciled.
    await createReceipt({ db: db(), actor: f.editorA }, receipt('interest-earned', '2025-08-10', '12.34', ''));
    await createReceipt({ db: db(), actor: f.editorA }, receipt('sor-grant', '2025-08-10', '99.00', 2025));
    // Another locality's estimate is not this one's.
    await recordExpectedPayment({ db: db(), actor: f.editorB }, { ...estimate('teva', 2025, '5.00', '2025-01-01'), localityId: f.localityB });

    const rows = await getReconciliation(db(), { localityId: f.localityA, asOf: '2026-03-01' });
    expect(
      rows.map((row) => [row.sourceKey, row.paymentYear, row.expectedCents, row.receivedCents, row.differenceCents, row.expectedOn, row.status]),
    ).toEqual([
      ['distributors', 2023, 123456n, 123456n, 0n, '2023-07-15', 'received-in-full'],
      ['distributors', 2024, 200000n, 50000n, -150000n, '2024-07-15', 'overdue'],
      ['janssen', 2025, 80000n, 30000n, -50000n, '2026-01-15', 'partly-received'],
      ['janssen', 2026, 90000n, 0n, -90000n, '2026-07-15', 'not-yet-due'],
      ['teva', 2024, 10000n, 10001n, 1n, null, 'more-than-expected'],
      ['teva', 2026, null, 4567n, null, null, 'not-expected'],
    ]);
    expect(rows[0]!.estimate).toEqual({ estimatedOn: '2023-06-01', source: 'BrownGreer allocation estimate, 2023-06-01' });
    expect(rows[5]!.estimate).toBeNull();
    // 60 days after 2026-01-15 is 2026-03-16: on the next day Janssen 2025 is overdue.
    const later = await getReconciliation(db(), { localityId: f.localityA, asOf: '2026-03-17' });
    expect(later.filter((row) => row.status === 'overdue').map((row) => [row.sourceKey, row.paymentYear])).toEqual([
      ['distributors', 2024],
      ['janssen', 2025],
    ]);

    // Both revisions kept, the latest marked current; the audit row says what was recorded.
    const history = await listExpectedPaymentRevisions(db(), { localityId: f.localityA });
    expect(history.filter((row) => row.sourceKey === 'distributors' && row.paymentYear === 2023).map((row) => [row.amountCents, row.current])).toEqual([
      [123456n, true],
      [100000n, false],
    ]);
    const [audit] = await auditRowsFor(db(), 'expected_payment', revised);
    expect(audit).toMatchObject({ action: 'create', userId: f.editorA.userId });
    expect(audit!.after).toMatchObject({ amountCents: '123456', paymentYear: 2023, estimateSource: 'BrownGreer allocation estimate, 2023-06-01' });
  });
});
