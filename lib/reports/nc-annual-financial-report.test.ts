import { describe, expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { ncAnnualFinancialReport } from './nc-annual-financial-report';
import { sourcesOf, table, useKnownLedger } from './testing';

describe('the NC report due date', () => {
  it('is 90 days after the fiscal year ends', () => {
    expect(ncAnnualFinancialReport.dueDate(2024, 7)).toBe('2024-09-28');
    expect(ncAnnualFinancialReport.dueDate(2024, 1)).toBe('2025-03-31');
  });
});

describeEachDriver('the NC annual financial report (Exhibit E)', (driver) => {
  const known = useKnownLedger(driver);

  it('FY2024: beginning, received, disbursed by strategy, audit costs and ending, every cell to the cent', async () => {
    const report = await known.build(ncAnnualFinancialReport, 2024);
    expect(report).toMatchObject({ key: 'nc-annual-financial-report', fiscalYear: 2024, period: { start: '2023-07-01', end: '2024-06-30' }, dueOn: '2024-09-28' });
    expect(table(report, 'summary')).toEqual([
      ['1. Beginning balance on 2023-07-01', '10000.00'],
      ['2. Amount received during the fiscal year', '50123.45'],
      ['2a. Of which interest earned', '123.45'],
      ['3. Amount disbursed or applied to funded strategies', '15733.33'],
      ['4. Amount used for audit costs (MOA section F.3)', '1500.00'],
      ['5. Ending balance on 2024-06-30', '42890.12'],
    ]);
    // 10,000.00 + 50,123.45 − 15,733.33 − 1,500.00 = 42,890.12
    expect(table(report, 'strategies')).toEqual([
      ['3. Recovery support services', '12000.00'],
      // The odd cent of a half-and-half split goes to the category with the lower id (early intervention).
      ['6. Early intervention', '1666.67'],
      ['7. Naloxone distribution', '1666.66'],
      ['Not covered by the NC strategies', '400.00'],
      ['Total', '15733.33'],
    ]);
    expect(sourcesOf(report, 'summary', 'received', 'amount')).toEqual({ receipts: [known.ledger.receipts.distributors, known.ledger.receipts.interest], payments: [], lines: [], fund: false });
    expect(sourcesOf(report, 'summary', 'audit', 'amount').payments).toEqual([known.ledger.payments.audit2024]);
    expect(sourcesOf(report, 'summary', 'beginning', 'amount').fund).toBe(true);
    expect(sourcesOf(report, 'strategies', 'naloxone', 'amount')).toEqual({ receipts: [], payments: [known.ledger.payments.naloxone2024], lines: [known.ledger.lines.naloxone], fund: false });
    expect(sourcesOf(report, 'strategies', 'not-covered', 'amount').payments).toEqual([known.ledger.payments.police2024]);
  });

  it('FY2025 begins with FY2024’s ending; a multi-year line is reported in the year it is paid', async () => {
    const report = await known.build(ncAnnualFinancialReport, 2025);
    expect(table(report, 'summary')).toEqual([
      ['1. Beginning balance on 2024-07-01', '42890.12'],
      ['2. Amount received during the fiscal year', '20000.00'],
      ['2a. Of which interest earned', '0.00'],
      ['3. Amount disbursed or applied to funded strategies', '8000.00'],
      ['4. Amount used for audit costs (MOA section F.3)', '0.00'],
      ['5. Ending balance on 2025-06-30', '54890.12'],
    ]);
    expect(table(report, 'strategies')).toEqual([
      ['3. Recovery support services', '5000.00'],
      ['4. Recovery housing support', '3000.00'],
      ['Total', '8000.00'],
    ]);
  });
});
