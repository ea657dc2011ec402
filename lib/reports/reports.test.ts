/**
 * Issue #13's end-to-end ledger test: one locality with an opening balance, receipts from two settlements across two
 * fiscal years (one payment late against the expected schedule) and interest, allocations and payments including
 * audit costs — and the fund table, the reconciliation and all three state reports checked to the cent, on both
 * drivers. The ledger is lib/reports/testing.ts#buildKnownLedger; the expected schedule is added here.
 */
import { beforeAll, expect, it } from 'vitest';
import { expectedPayments, fundingSources } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { getFundYears } from '@/lib/data/fund';
import { getReconciliation } from '@/lib/data/reconciliation';
import { maMunicipalReport } from './ma-municipal-report';
import { ncAnnualFinancialReport } from './nc-annual-financial-report';
import { paAnnualReport } from './pa-annual-report';
import { table, useKnownLedger } from './testing';

const AS_OF = '2025-10-01';

describeEachDriver('the ledger, the fund, the reconciliation and the state reports agree to the cent', (driver) => {
  const known = useKnownLedger(driver);

  beforeAll(async () => {
    const sources = await known.db.select({ id: fundingSources.id, key: fundingSources.key }).from(fundingSources);
    const source = (key: string) => sources.find((s) => s.key === key)!.id;
    const expect_ = (key: string, paymentYear: number, expectedOn: string, amountCents: bigint, estimatedOn: string) => ({
      localityId: known.ledger.localityId,
      sourceId: source(key),
      paymentYear,
      expectedOn,
      amountCents,
      estimatedOn,
      estimateSource: `BrownGreer allocation estimate, ${estimatedOn}`,
    });
    await known.db.insert(expectedPayments).values([
      expect_('distributors', 2023, '2023-08-01', 48_000_00n, '2023-01-15'),
      // A later revision is the current expectation: the distributors' 2023 payment arrived in full.
      expect_('distributors', 2023, '2023-08-01', 50_000_00n, '2023-06-01'),
      expect_('distributors', 2024, '2025-12-01', 12_000_00n, '2025-06-01'),
      expect_('janssen', 2024, '2024-08-01', 20_000_00n, '2024-03-01'),
      // Expected on 1 July 2025 and still missing on 1 October: late (more than 60 days).
      expect_('janssen', 2025, '2025-07-01', 21_000_00n, '2025-03-01'),
    ]);
  });

  it('the fund table: beginning + received − spent = ending, each year beginning with the last one’s ending', async () => {
    const fund = await getFundYears(known.db, { localityId: known.ledger.localityId, asOf: AS_OF });
    expect(fund.opening).toEqual({ fiscalYear: 2024, amountCents: 10_000_00n });
    expect(
      fund.years.map((y) => [y.fiscalYear, y.beginningCents, y.receivedSettlementCents, y.receivedInterestCents, y.receivedCents, y.spentCents, y.auditCents, y.endingCents]),
    ).toEqual([
      // The deleted Teva receipt and the draft line's payment count nowhere.
      [2024, 10_000_00n, 50_000_00n, 123_45n, 50_123_45n, 17_233_33n, 1_500_00n, 42_890_12n],
      [2025, 42_890_12n, 20_000_00n, 0n, 20_000_00n, 8_000_00n, 0n, 54_890_12n],
      [2026, 54_890_12n, 0n, 0n, 0n, 0n, 0n, 54_890_12n],
    ]);
  });

  it('the reconciliation: expected vs received per settlement and payment year, the late payment overdue', async () => {
    const rows = await getReconciliation(known.db, { localityId: known.ledger.localityId, asOf: AS_OF });
    expect(rows.map((r) => [r.sourceKey, r.paymentYear, r.expectedCents, r.receivedCents, r.differenceCents, r.status, r.estimate?.estimatedOn ?? null])).toEqual([
      ['distributors', 2023, 50_000_00n, 50_000_00n, 0n, 'received-in-full', '2023-06-01'],
      ['distributors', 2024, 12_000_00n, 0n, -12_000_00n, 'not-yet-due', '2025-06-01'],
      ['janssen', 2024, 20_000_00n, 20_000_00n, 0n, 'received-in-full', '2024-03-01'],
      ['janssen', 2025, 21_000_00n, 0n, -21_000_00n, 'overdue', '2025-03-01'],
    ]);
  });

  it('the three state reports for FY2024 and FY2025, every figure matching the fund', async () => {
    const fund = await getFundYears(known.db, { localityId: known.ledger.localityId, asOf: AS_OF });
    for (const year of fund.years.slice(0, 2)) {
      const options = { localityId: known.ledger.localityId, fiscalYear: year.fiscalYear };
      const [nc, ma, pa] = await Promise.all([ncAnnualFinancialReport.build(known.db, options), maMunicipalReport.build(known.db, options), paAnnualReport.build(known.db, options)]);
      const ncSummary = Object.fromEntries(nc.sections[0]!.rows.map((r) => [r.key, r.cells.amount]));
      const cents = (cell: unknown) => (cell as { cents: bigint }).cents;
      expect(cents(ncSummary.beginning)).toBe(year.beginningCents);
      expect(cents(ncSummary.received)).toBe(year.receivedCents);
      expect(cents(ncSummary.interest)).toBe(year.receivedInterestCents);
      expect(cents(ncSummary.disbursed) + cents(ncSummary.audit)).toBe(year.spentCents);
      expect(cents(ncSummary.audit)).toBe(year.auditCents);
      expect(cents(ncSummary.ending)).toBe(year.endingCents);
      const maTotals = Object.fromEntries(ma.sections[2]!.rows.map((r) => [r.key, r.cells.amount]));
      expect(cents(maTotals.expended)).toBe(year.spentCents);
      const paSummary = Object.fromEntries(pa.sections[0]!.rows.map((r) => [r.key, r.cells.amount]));
      expect([cents(paSummary.received), cents(paSummary.spent), cents(paSummary.unspent)]).toEqual([year.receivedCents, year.spentCents, year.endingCents]);
    }

    const nc2025 = await known.build(ncAnnualFinancialReport, 2025);
    expect(table(nc2025, 'summary').map((r) => r[1])).toEqual(['42890.12', '20000.00', '0.00', '8000.00', '0.00', '54890.12']);
    const ma2024 = await known.build(maMunicipalReport, 2024);
    expect(table(ma2024, 'totals')).toEqual([
      ['Total expended', '17233.33', '28.66'],
      ['Total encumbered', '25766.68', '42.86'],
      ['Remaining (available − expended − encumbered)', '17123.44', '28.48'],
    ]);
    const pa2025 = await known.build(paAnnualReport, 2025);
    expect(table(pa2025, 'eighteen-months').at(-1)).toEqual(['', 'Total at risk', '50123.45', '34890.12', '', '']);
  });
});
