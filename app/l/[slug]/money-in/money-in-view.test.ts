import { describe, expect, it } from 'vitest';
import type { ReconciliationRow } from '@/lib/data/reconciliation';
import { wordsFor } from '@/lib/i18n/testing';
import { formatCents } from '@/lib/money';
import { buildMoneyInView, moneyInChartData, moneyInSummary, moneyOrDash } from './money-in-view';

const row = (over: Partial<ReconciliationRow>): ReconciliationRow => ({
  sourceKey: 'distributors',
  sourceName: 'Distributors',
  paymentYear: 2025,
  expectedCents: 100_00n,
  receivedCents: 100_00n,
  differenceCents: 0n,
  expectedOn: '2025-07-15',
  status: 'received-in-full',
  estimate: { estimatedOn: '2025-01-01', source: 'BrownGreer' },
  ...over,
});

describe('the Money coming in summary and chart data', () => {
  it('says how much was expected through the payment year, how much arrived, and how many payments are overdue', () => {
    const rows = [
      row({ paymentYear: 2025, expectedCents: 1_000_000_00n, receivedCents: 1_000_000_00n }),
      row({ sourceKey: 'janssen', sourceName: 'Janssen', paymentYear: 2026, expectedCents: 250_000_50n, receivedCents: 0n, status: 'overdue' }),
      // A later year is not yet part of "through 2026".
      row({ paymentYear: 2027, expectedCents: 9_999_999_00n, receivedCents: 0n, status: 'not-yet-due' }),
    ];
    expect(moneyInSummary(rows, 2026)).toBe('Of $1,250,000.50 expected through payment year 2026, $1,000,000.00 has arrived; 1 payment is overdue.');
    expect(moneyInSummary([rows[0]!], 2026)).toBe('Of $1,000,000.00 expected through payment year 2026, $1,000,000.00 has arrived; no payment is overdue.');
    expect(moneyInSummary([rows[1]!, { ...rows[1]!, paymentYear: 2025 }], 2026)).toContain('2 payments are overdue.');
    expect(moneyInSummary([], 2026)).toBe('No settlement payments are expected through payment year 2026 yet; $0.00 has arrived from settlements; no payment is overdue.');
  });

  it('stacks expected and received by settlement per payment year, in exact cents, biggest settlement first', () => {
    const data = moneyInChartData([
      row({ paymentYear: 2025, expectedCents: 10n, receivedCents: 7n }),
      row({ sourceName: 'Teva', paymentYear: 2024, expectedCents: null, receivedCents: 5_000_000_000_000_01n, status: 'not-expected' }),
    ]);
    expect(data.paymentYears).toEqual([2024, 2025]);
    expect(data.settlements.map((s) => s.name)).toEqual(['Teva', 'Distributors']);
    expect(data.expected).toEqual({ '2024': { Teva: '0' }, '2025': { Distributors: '10' } });
    expect(data.received).toEqual({ '2024': { Teva: '500000000000001' }, '2025': { Distributors: '7' } });
  });
});

describe('the Money coming in summary in the reader\u2019s words', () => {
  const rows = [
    row({ paymentYear: 2025, expectedCents: 1_000_000_00n, receivedCents: 1_000_000_00n }),
    row({ sourceKey: 'janssen', sourceName: 'Janssen', paymentYear: 2026, expectedCents: 250_000_50n, receivedCents: 0n, status: 'overdue' }),
  ];

  it('writes the English of the messages exactly as the English view always has', () => {
    const en = wordsFor('en');
    for (const list of [rows, [rows[0]!], [rows[1]!, { ...rows[1]!, paymentYear: 2025 }], []]) {
      expect(moneyInSummary(list, 2026, en)).toBe(moneyInSummary(list, 2026));
    }
    const view = buildMoneyInView(rows, 2026, en);
    expect(view.statusLabel(rows[1]!)).toBe('Overdue');
    expect(view.statusLabel(rows[0]!)).toBe('Received in full');
  });

  it('writes Spanish, with es-US money', () => {
    const es = wordsFor('es');
    expect(moneyInSummary(rows, 2026, es)).toBe('De $1,250,000.50 esperados hasta el año de pago 2026, han llegado $1,000,000.00; 1 pago está atrasado.');
    expect(moneyInSummary([rows[0]!], 2026, es)).toContain('ningún pago está atrasado.');
    expect(moneyInSummary([rows[1]!, { ...rows[1]!, paymentYear: 2025 }], 2026, es)).toContain('2 pagos están atrasados.');
    expect(moneyInSummary([], 2026, es)).toBe(
      'Todavía no se esperan pagos de acuerdos hasta el año de pago 2026; han llegado $0.00 de acuerdos; ningún pago está atrasado.',
    );
    const view = buildMoneyInView(rows, 2026, es);
    expect(view.statusLabel(rows[1]!)).toBe('Atrasado');
    expect(view.statusLabel(rows[0]!)).toBe('Recibido por completo');
  });
});

describe('an amount in the reconciliation and the overdue list', () => {
  it('is written in the reader\u2019s locale, and as an em dash when there is none', () => {
    expect(moneyOrDash(1_234_56n, 'en')).toBe('$1,234.56');
    expect(moneyOrDash(0n, 'en')).toBe('$0.00');
    expect(moneyOrDash(null, 'en')).toBe('—');
    expect(moneyOrDash(null, 'es')).toBe('—');
    expect(moneyOrDash(1_234_56n, 'es')).toBe(formatCents(1_234_56n, { locale: 'es' }));
  });
});
