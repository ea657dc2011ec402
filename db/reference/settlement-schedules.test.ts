import { describe, expect, it } from 'vitest';
import { findFundingSource } from './funding-sources';
import { SETTLEMENT_SCHEDULES } from './settlement-schedules';

describe('settlement schedules', () => {
  it('names only known settlements, pays within their spans, and adds up to their totals', () => {
    for (const [key, schedule] of Object.entries(SETTLEMENT_SCHEDULES)) {
      const source = findFundingSource(key);
      expect(source?.kind, key).toBe('settlement');
      expect(schedule.sources.length, key).toBeGreaterThan(0);
      for (const { paymentYear } of schedule.payments) {
        expect(paymentYear, key).toBeGreaterThanOrEqual(source!.firstPaymentYear!);
        expect(paymentYear, key).toBeLessThanOrEqual(source!.lastPaymentYear!);
      }
      const sum = schedule.payments.reduce((total, p) => total + p.nationalCents, 0n);
      expect(sum, key).toBe(source!.totalCents);
    }
  });
});
