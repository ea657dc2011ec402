import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { createAllocation } from '@/lib/services/allocations/create';
import { createExpenditure } from '@/lib/services/expenditures/create';
import { decideAllocation } from '@/lib/services/allocations/decide';
import { submitAllocation } from '@/lib/services/allocations/submit';
import { useServiceFixture } from '@/lib/services/testing';
import { listFiscalYears } from './localities';
import { getLocalityTotals } from './locality-totals';
import { listPublicLines } from './public-lines';
import { getSpendingByCategory } from './spending-by-category';

/**
 * A five-year authorization (a North Carolina resolution's "July 1, 2024 through June 30, 2029") on the public pages:
 * one line, listed in every year it covers with what was spent against it, its amount counted once in its first year.
 */
describeEachDriver('a multi-year authorization on the public pages', (driver) => {
  const { db, f } = useServiceFixture(driver);
  let lineId: number;

  beforeAll(async () => {
    const { id } = await createAllocation({ db: db(), actor: f.editorA }, {
      localityId: f.localityA,
      fiscalYear: 2025,
      lastFiscalYear: 2029,
      program: 'Post-overdose response team',
      description: 'A nurse and a peer visit people after an overdose, for five years.',
      amount: '$500,000.00',
      recipientMode: 'none',
      splits: [{ categoryId: f.category('health-first', 'naloxone'), percent: '100' }],
    });
    lineId = id;
    await submitAllocation({ db: db(), actor: f.editorA }, { id, version: 1 });
    await decideAllocation({ db: db(), actor: f.reviewerA }, { id, version: 2, decision: 'approve', reason: '' });
    // July fiscal years: FY2025 is July 2024 – June 2025.
    await createExpenditure({ db: db(), actor: f.editorA }, { localityId: f.localityA, allocationId: id, paidOn: '2024-10-01', amount: '80000', intent: 'post' });
    await createExpenditure({ db: db(), actor: f.editorA }, { localityId: f.localityA, allocationId: id, paidOn: '2026-08-15', amount: '95000.50', intent: 'post' });
  });

  it('is listed in each year it covers, with its span and what was spent against it, and in no other year', async () => {
    for (const fy of [2025, 2027, 2029]) {
      const lines = await listPublicLines(db(), f.localityA, fy, 'health-first');
      expect(lines.map((l) => [l.id, l.fiscalYear, l.lastFiscalYear, l.allocatedCents, l.spentToDateCents])).toEqual([
        [lineId, 2025, 2029, 50_000_000n, 17_500_050n],
      ]);
    }
    expect(await listPublicLines(db(), f.localityA, 2024, 'health-first')).toEqual([]);
    expect(await listPublicLines(db(), f.localityA, 2030, 'health-first')).toEqual([]);
  });

  it('counts its amount once, in its first year, and its spending in the year it was paid', async () => {
    const totals = await Promise.all([2025, 2026, 2027, 2028, 2029].map((fy) => getLocalityTotals(db(), f.localityA, fy)));
    expect(totals.map((t) => [t.allocatedCents, t.spentCents])).toEqual([
      [50_000_000n, 8_000_000n],
      [0n, 0n],
      [0n, 9_500_050n],
      [0n, 0n],
      [0n, 0n],
    ]);
    const byCategory2027 = await getSpendingByCategory(db(), f.localityA, 2027, 'health-first');
    expect(byCategory2027.map((c) => [c.key, c.allocatedCents, c.spentCents])).toEqual([['naloxone', 0n, 9_500_050n]]);
  });

  it('offers every year it covers in the fiscal-year navigation, even one with no other money', async () => {
    expect(await listFiscalYears(db(), f.localityA)).toEqual([2029, 2028, 2027, 2026, 2025]);
  });
});
