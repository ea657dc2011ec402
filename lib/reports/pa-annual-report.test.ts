import { describe, expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { addMonths } from './ledger';
import { paAnnualReport, spendFirstInFirstOut } from './pa-annual-report';
import { sourcesOf, table, useKnownLedger } from './testing';

describe('the PA report rules (pure)', () => {
  it('is due 15 March after the fiscal year ends', () => {
    expect(paAnnualReport.dueDate(2024, 1)).toBe('2025-03-15');
    expect(paAnnualReport.dueDate(2024, 7)).toBe('2025-03-15');
    expect(paAnnualReport.dueDate(2024, 3)).toBe('2024-03-15'); // the year ends 29 February 2024
  });

  it('spends the oldest money first and counts 18 months to the day (or the month’s last day)', () => {
    const t = (id: number, cents: bigint) => ({ receiptId: id, receivedOn: `2024-01-0${id}`, label: `r${id}`, amountCents: cents });
    expect(spendFirstInFirstOut([t(1, 100n), t(2, 50n), t(3, 70n)], 120n).map((x) => x.unspentCents)).toEqual([0n, 30n, 70n]);
    expect(spendFirstInFirstOut([t(1, 100n)], -5n).map((x) => x.unspentCents)).toEqual([100n]);
    expect(spendFirstInFirstOut([t(1, 100n)], 500n).map((x) => x.unspentCents)).toEqual([0n]);
    expect(addMonths('2023-08-31', 18)).toBe('2025-02-28');
    expect(addMonths('2022-08-31', 18)).toBe('2024-02-29');
    expect(addMonths('2025-06-30', -12)).toBe('2024-06-30');
  });
});

describeEachDriver('the PA Opioid Trust annual report', (driver) => {
  const known = useKnownLedger(driver, { stateCode: 'PA' });

  it('FY2024: received, spent by Schedule A/B category, received but unspent; nothing is 12 months old yet', async () => {
    const report = await known.build(paAnnualReport, 2024);
    expect(report.dueOn).toBe('2025-03-15');
    expect(table(report, 'summary')).toEqual([
      ['Balance on 2023-07-01', '10000.00'],
      ['Received in the fiscal year', '50123.45'],
      ['Spent in the fiscal year', '17233.33'],
      ['Received but not spent on 2024-06-30', '42890.12'],
    ]);
    // Through the crosswalk from the NC strategies and Abate's own categories; the audit line has no category.
    expect(table(report, 'categories')).toEqual([
      ['Schedule A: core strategies — A. Naloxone or other FDA-approved drug to reverse opioid overdoses', '1666.66'],
      ['Schedule A: core strategies — E. Expansion of warm hand-off programs and recovery services', '12000.00'],
      ['Schedule A: core strategies — G. Prevention programs', '1666.67'],
      ['Schedule B: approved uses — I. First responders', '400.00'],
      ['Not yet categorized', '1500.00'],
      ['Total', '17233.33'],
    ]);
    expect(table(report, 'eighteen-months')).toEqual([['', 'Total at risk', '0.00', '0.00', '', '']]);
  });

  it('FY2025: the 18-month rule, first in first out, with the date each receipt must be spent by', async () => {
    const report = await known.build(paAnnualReport, 2025);
    expect(table(report, 'summary')).toEqual([
      ['Balance on 2024-07-01', '42890.12'],
      ['Received in the fiscal year', '20000.00'],
      ['Spent in the fiscal year', '8000.00'],
      ['Received but not spent on 2025-06-30', '54890.12'],
    ]);
    expect(table(report, 'categories')).toEqual([
      ['Schedule A: core strategies — E. Expansion of warm hand-off programs and recovery services', '5000.00'],
      ['Schedule B: approved uses — B. Support people in treatment and recovery', '3000.00'],
      ['Total', '8000.00'],
    ]);
    // Spent to the end of FY2025: 25,233.33 — the opening 10,000.00 first, then 15,233.33 of the distributors' 50,000.00.
    // Janssen's payment (2024-09-01) is less than 12 months old at the year's end, so it is not at risk yet.
    expect(table(report, 'eighteen-months')).toEqual([
      ['2023-08-15', 'Distributors settlement (McKesson, Cardinal Health, AmerisourceBergen)', '50000.00', '34766.67', '2025-02-15', 'Past the 18 months'],
      ['2024-01-10', 'Interest earned on settlement funds', '123.45', '123.45', '2025-07-10', 'At risk'],
      ['', 'Total at risk', '50123.45', '34890.12', '', ''],
    ]);
    expect(sourcesOf(report, 'eighteen-months', `receipt-${known.ledger.receipts.distributors}`, 'unspent').receipts).toEqual([known.ledger.receipts.distributors]);
  });
});
