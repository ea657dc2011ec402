import { describe, expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { percentOf } from './ledger';
import { maMunicipalReport } from './ma-municipal-report';
import { sourcesOf, table, useKnownLedger } from './testing';

describe('the MA report rules (pure)', () => {
  it('is due on the last day of the second month after the fiscal year ends', () => {
    expect(maMunicipalReport.dueDate(2024, 7)).toBe('2024-08-31');
    expect(maMunicipalReport.dueDate(2024, 1)).toBe('2025-02-28');
  });

  it('computes a percentage exactly, rounded half away from zero to two places', () => {
    expect(percentOf(1n, 3n)).toBe('33.33');
    expect(percentOf(2n, 3n)).toBe('66.67');
    expect(percentOf(1n, 8n)).toBe('12.50');
    expect(percentOf(-1n, 8n)).toBe('-12.50');
    expect(percentOf(5n, 0n)).toBeNull();
  });
});

describeEachDriver('the MA municipal report', (driver) => {
  const known = useKnownLedger(driver, { stateCode: 'MA' });

  it('FY2024: funds available, line items by cost type expended and encumbered, totals and percent remaining', async () => {
    const report = await known.build(maMunicipalReport, 2024);
    expect(report.dueOn).toBe('2024-08-31');
    expect(table(report, 'funds')).toEqual([
      ['FY2024 disbursement (received in the fiscal year)', '50123.45'],
      ['Carryover (balance on 2023-07-01)', '10000.00'],
      ['Total available', '60123.45'],
    ]);
    // Encumbered = approved − paid to the end of FY2024; the draft line and its payment are not in the report.
    expect(table(report, 'line-items')).toEqual([
      ['Annual audit', '', 'Audit costs', '2000.00', '1500.00', '500.00', 'Expended and encumbered'],
      ['Naloxone kits', '', 'Program supplies', '10000.01', '3333.33', '6666.68', 'Expended and encumbered'],
      ['Peer recovery coaches', 'Hope Recovery Center', 'Salaries', '30000.00', '12000.00', '18000.00', 'Expended and encumbered'],
      ['Sheriff overtime', 'Pine County Sheriff', '', '1000.00', '400.00', '600.00', 'Expended and encumbered'],
    ]);
    // 60,123.45 − 17,233.33 − 25,766.68 = 17,123.44
    expect(table(report, 'totals')).toEqual([
      ['Total expended', '17233.33', '28.66'],
      ['Total encumbered', '25766.68', '42.86'],
      ['Remaining (available − expended − encumbered)', '17123.44', '28.48'],
    ]);
    expect(sourcesOf(report, 'totals', 'expended', 'amount').payments).toEqual(
      [known.ledger.payments.peers2024, known.ledger.payments.naloxone2024, known.ledger.payments.audit2024, known.ledger.payments.police2024].sort((a, b) => a - b),
    );
    expect(sourcesOf(report, 'line-items', `line-${known.ledger.lines.peers}`, 'encumbered')).toEqual({ receipts: [], payments: [known.ledger.payments.peers2024], lines: [known.ledger.lines.peers], fund: false });
  });

  it('FY2025: a multi-year line in its second year, and an older line paid in the year', async () => {
    const report = await known.build(maMunicipalReport, 2025);
    expect(table(report, 'funds')).toEqual([
      ['FY2025 disbursement (received in the fiscal year)', '20000.00'],
      ['Carryover (balance on 2024-07-01)', '42890.12'],
      ['Total available', '62890.12'],
    ]);
    expect(table(report, 'line-items')).toEqual([
      ['Peer recovery coaches', 'Hope Recovery Center', 'Salaries', '30000.00', '5000.00', '13000.00', 'Expended and encumbered'],
      ['Recovery housing 2025–2027', '', '', '9000.00', '3000.00', '6000.00', 'Expended and encumbered'],
    ]);
    expect(table(report, 'totals')).toEqual([
      ['Total expended', '8000.00', '12.72'],
      ['Total encumbered', '19000.00', '30.21'],
      ['Remaining (available − expended − encumbered)', '35890.12', '57.07'],
    ]);
  });
});
