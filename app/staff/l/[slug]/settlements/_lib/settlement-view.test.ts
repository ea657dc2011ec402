import { describe, expect, it } from 'vitest';
import { overdueNotice, reconciliationTableRows, revisionGroups } from './settlement-view';

describe('settlement page shaping', () => {
  it('shows money to the cent, a signed difference, the status label and the estimate', () => {
    const rows = reconciliationTableRows([
      {
        sourceKey: 'distributors',
        sourceName: 'Distributors',
        paymentYear: 2024,
        expectedCents: 200000n,
        receivedCents: 50000n,
        differenceCents: -150000n,
        expectedOn: '2024-07-15',
        status: 'overdue',
        estimate: { estimatedOn: '2024-03-01', source: 'BrownGreer allocation estimate, 2024-03-01' },
      },
      {
        sourceKey: 'teva',
        sourceName: 'Teva',
        paymentYear: 2026,
        expectedCents: null,
        receivedCents: 4567n,
        differenceCents: null,
        expectedOn: null,
        status: 'not-expected',
        estimate: null,
      },
    ]);
    expect(rows).toEqual([
      {
        key: 'distributors:2024',
        settlement: 'Distributors',
        paymentYear: '2024',
        expected: '$2,000.00',
        received: '$500.00',
        difference: '-$1,500.00',
        status: 'Overdue',
        overdue: true,
        expectedOn: '2024-07-15',
        estimate: 'BrownGreer allocation estimate, 2024-03-01 (estimated 2024-03-01)',
      },
      {
        key: 'teva:2026',
        settlement: 'Teva',
        paymentYear: '2026',
        expected: '—',
        received: '$45.67',
        difference: '—',
        status: 'Not expected',
        overdue: false,
        expectedOn: '—',
        estimate: '—',
      },
    ]);
  });

  it('groups revisions by settlement and year, and names who recorded each', () => {
    const base = { sourceKey: 'janssen', sourceName: 'Janssen', paymentYear: 2025, expectedOn: null, recordedAt: new Date(0) };
    const groups = revisionGroups([
      { ...base, id: 2, amountCents: 80001n, estimatedOn: '2025-11-15', estimateSource: 'B', recordedBy: 'Ana', current: true },
      { ...base, id: 1, amountCents: 80000n, estimatedOn: '2025-10-01', estimateSource: 'A', recordedBy: null, current: false },
    ]);
    expect(groups.map((group) => [group.title, group.revisions.map((r) => [r.amount, r.recordedBy, r.current])])).toEqual([
      ['Janssen, payment year 2025', [['$800.01', 'Ana', true], ['$800.00', 'command-line import', false]]],
    ]);
  });

  it('says how many payments are overdue, or nothing', () => {
    expect(overdueNotice(0)).toBeNull();
    expect(overdueNotice(1)).toBe('1 payment overdue');
    expect(overdueNotice(3)).toBe('3 payments overdue');
  });
});
