import { sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { beforeAll, expect, it } from 'vitest';
import { expenditures, programOutcomes } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { addAllocation, addExpenditure } from '@/lib/equity/testing';
import { invalidatePublic } from '@/lib/cache/public-cache';
import { readStream } from '@/lib/open-data/csv';
import { openDownload } from '@/lib/open-data/downloads';
import { outcomesAnswer } from '@/lib/open-data/outcomes-answer';
import { OutcomesAnswerSchema } from '@/lib/open-data/schemas';
import { useServiceFixture } from '@/lib/services/testing';
import { outcomesView, outcomeTableRows } from '@/lib/views/outcomes-view';
import { listPublicOutcomes } from './public-outcomes';

/**
 * Alder County (July start), FY2026 = 2025-07-01 .. 2026-06-30.
 *   kits  (approved): posted $1,000.00 on 2025-08-15 and $500.00 on 2025-11-02; a draft payment of $9,999 on 2025-08-20.
 *         Outcomes: 3 kits Jul–Sep 2025 (approved), 999 kits Jul–Sep (draft), 50 kits Oct–Dec (submitted),
 *         0 kits Jan–Mar 2026 (approved), 200 kits Apr–Jun 2025 (approved, FY2025).
 *   housing (approved): posted $9,000.00 on 2025-09-01. Outcome: 7 placements Jul–Sep 2025 (approved).
 *   jail (approved): posted $2,500.00 on 2025-12-01; no outcome → "not reported".
 *   draftLine (draft): a payment and an approved outcome that must never show.
 */
describeEachDriver('public outcomes', (driver) => {
  const { db, f } = useServiceFixture(driver);
  const lines = { kits: 0, housing: 0, jail: 0, draftLine: 0 };

  const addOutcome = async (values: Partial<typeof programOutcomes.$inferInsert> & { allocationId: number }) => {
    await db()
      .insert(programOutcomes)
      .values({
        localityId: f.localityA,
        measure: 'naloxone_kits',
        periodStart: '2025-07-01',
        periodEnd: '2025-09-30',
        units: 0n,
        source: 'Program report',
        status: 'approved',
        ...values,
      });
  };

  beforeAll(async () => {
    const line = (program: string, status: 'approved' | 'draft' = 'approved') =>
      addAllocation(db(), { localityId: f.localityA, fiscalYear: 2026, amountCents: 5_000_000n, program, status });
    lines.kits = await line('Naloxone kits');
    lines.housing = await line('Bridge housing');
    lines.jail = await line('Jail MOUD');
    lines.draftLine = await line('Unapproved program', 'draft');
    await addExpenditure(db(), f.localityA, lines.kits, '2025-08-15', 100_000n);
    await addExpenditure(db(), f.localityA, lines.kits, '2025-11-02', 50_000n);
    await db().insert(expenditures).values({ allocationId: lines.kits, localityId: f.localityA, paidOn: '2025-08-20', fiscalYear: 2026, amountCents: 999_900n });
    await addExpenditure(db(), f.localityA, lines.housing, '2025-09-01', 900_000n);
    await addExpenditure(db(), f.localityA, lines.jail, '2025-12-01', 250_000n);
    await addExpenditure(db(), f.localityA, lines.draftLine, '2025-08-01', 10_000n);

    await addOutcome({ allocationId: lines.kits, units: 3n });
    await addOutcome({ allocationId: lines.kits, units: 999n, status: 'draft' });
    await addOutcome({ allocationId: lines.kits, units: 50n, status: 'submitted', periodStart: '2025-10-01', periodEnd: '2025-12-31' });
    await addOutcome({ allocationId: lines.kits, units: 0n, periodStart: '2026-01-01', periodEnd: '2026-03-31' });
    await addOutcome({ allocationId: lines.kits, units: 200n, periodStart: '2025-04-01', periodEnd: '2025-06-30' });
    await addOutcome({ allocationId: lines.kits, units: 400n, deletedAt: new Date() });
    await addOutcome({ allocationId: lines.housing, measure: 'housing_placements', units: 7n });
    await addOutcome({ allocationId: lines.draftLine, units: 80n });
  });

  it('reads approved outcomes of approved programs in the fiscal year their period ends in, with the posted spending of that period', async () => {
    const data = await listPublicOutcomes(db(), { localityId: f.localityA, fiscalYear: 2026, fyStartMonth: 7 });
    expect(data.outcomes.map((o) => [o.program, o.measure, o.periodEnd, o.units, o.spentInPeriodCents])).toEqual([
      ['Bridge housing', 'housing_placements', '2025-09-30', 7n, 900_000n],
      ['Naloxone kits', 'naloxone_kits', '2025-09-30', 3n, 100_000n],
      ['Naloxone kits', 'naloxone_kits', '2026-03-31', 0n, 0n],
    ]);
    expect(data.programs.map((p) => [p.program, p.spentInYearCents])).toEqual([
      ['Bridge housing', 900_000n],
      ['Jail MOUD', 250_000n],
      ['Naloxone kits', 150_000n],
    ]);
    const fy2025 = await listPublicOutcomes(db(), { localityId: f.localityA, fiscalYear: 2025, fyStartMonth: 7 });
    expect(fy2025.outcomes.map((o) => o.units)).toEqual([200n]);
  });

  it('computes cost per unit exactly in cents ($1,000.00 ÷ 3 kits = $333.33), and "not reported" where nothing was counted or reported', async () => {
    const view = outcomesView(await listPublicOutcomes(db(), { localityId: f.localityA, fiscalYear: 2026, fyStartMonth: 7 }), 2026, 7);
    expect(view.rows.map((r) => [r.program, r.units, r.costPerUnitCents, r.costPerUnit])).toEqual([
      ['Bridge housing', 'fewer than 11', null, 'withheld (small count)'],
      ['Naloxone kits', '3 kits', 33_333n, '$333.33 per kit'],
      ['Naloxone kits', '0 kits', null, 'not reported'],
    ]);
    expect(view.notReported).toEqual([{ allocationId: lines.jail, program: 'Jail MOUD', spentInYearCents: 250_000n }]);
  });

  it('never lets a suppressed count of people back out, through its ratio or the quarter totals', async () => {
    const view = outcomesView(await listPublicOutcomes(db(), { localityId: f.localityA, fiscalYear: 2026, fyStartMonth: 7 }), 2026, 7);
    const shown = JSON.stringify({ table: outcomeTableRows(view), quarters: view.quarterRows, summary: view.summary });
    // $9,000.00 ÷ 7 placements would be $1,285.71; 7 itself must not appear as a count.
    expect(shown).not.toContain('1,285.71');
    expect(shown).not.toContain('128571');
    expect(view.rows.find((r) => r.program === 'Bridge housing')?.unitsValue).toBeNull();
    expect(view.quarterRows.map((r) => r.measure)).toEqual(['Naloxone kits distributed (kits)']);
    expect(view.quarterTotalsLeaveOutSmallCounts).toBe(true);
  });

  it('answers GET /api/v1/localities/{slug}/outcomes with the same figures, withholding what the page withholds', async () => {
    invalidatePublic('*');
    const answer = await outcomesAnswer(db(), 'alder-county', new URLSearchParams('fy=2026'));
    expect(OutcomesAnswerSchema.parse(answer)).toEqual(answer);
    expect(answer.outcomes.map((o) => [o.program.name, o.measure, o.units, o.suppressed, o.spent_in_period.decimal, o.cost_per_unit?.decimal ?? null])).toEqual([
      ['Bridge housing', 'housing_placements', null, true, '9000.00', null],
      ['Naloxone kits', 'naloxone_kits', '3', false, '1000.00', '333.33'],
      ['Naloxone kits', 'naloxone_kits', '0', false, '0.00', null],
    ]);
    expect(answer.not_reported).toEqual([{ program: { id: lines.jail, name: 'Jail MOUD' }, spent_in_year: { cents: '250000', decimal: '2500.00' } }]);
    await expect(outcomesAnswer(db(), 'alder-county', new URLSearchParams('year=2026'))).rejects.toThrow(/year/);

    const download = await openDownload(db(), 'alder-county', 'outcomes.csv');
    if (download.kind !== 'csv') throw new Error('not a CSV');
    const csv = Papa.parse<Record<string, string>>(await readStream(download.body), { header: true, skipEmptyLines: true }).data;
    expect(csv.map((r) => [r.fiscal_year, r.program, r.units, r.suppressed, r.spent_in_period, r.cost_per_unit])).toEqual([
      ['2025', 'Naloxone kits', '200', 'false', '0.00', '0.00'],
      ['2026', 'Bridge housing', '', 'true', '9000.00', ''],
      ['2026', 'Naloxone kits', '3', 'false', '1000.00', '333.33'],
      ['2026', 'Naloxone kits', '0', 'false', '0.00', ''],
    ]);
    await expect(outcomesAnswer(db(), 'no-such-county', new URLSearchParams(''))).rejects.toThrow(/slug/);
  });

  it('shows a count of people from 11 up, with its cost per unit', async () => {
    await db().execute(sql`update ${programOutcomes} set units = 11 where measure = 'housing_placements'`);
    const view = outcomesView(await listPublicOutcomes(db(), { localityId: f.localityA, fiscalYear: 2026, fyStartMonth: 7 }), 2026, 7);
    expect(view.rows[0]).toMatchObject({ units: '11 placements', costPerUnitCents: 81_818n, costPerUnit: '$818.18 per placement' });
  });
});
