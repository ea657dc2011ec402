import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { equityGoals, flagSettings } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { fiscalQuarterOf } from '@/lib/fiscal-year';
import { computeFlags, DEFAULT_FLAG_SETTINGS, readFlagSettings } from './flags';
import { useEquityDataSet } from './testing';
import { computeGoalTrend, fiscalQuarterBounds } from './trend';

describe('fiscalQuarterBounds', () => {
  it.each([
    [2026, 7, 1, '2025-07-01', '2025-09-30'],
    [2026, 7, 3, '2026-01-01', '2026-03-31'],
    [2026, 10, 4, '2026-07-01', '2026-09-30'],
    [2026, 1, 2, '2026-04-01', '2026-06-30'],
    [2024, 3, 4, '2023-12-01', '2024-02-29'],
  ] as const)('FY%i (start month %i) Q%i runs %s..%s', (fy, start, quarter, first, last) => {
    expect(fiscalQuarterBounds(fy, start, quarter)).toEqual({ start: first, end: last });
    expect(fiscalQuarterOf(first, start)).toBe(quarter);
    expect(fiscalQuarterOf(last, start)).toBe(quarter);
  });
});

describeEachDriver('goal trends and flags', (driver) => {
  const equity = useEquityDataSet(driver);
  const db = equity.db;

  async function saveGoal(values: Partial<typeof equityGoals.$inferInsert> & Pick<typeof equityGoals.$inferInsert, 'measure'>) {
    const [row] = await db()
      .insert(equityGoals)
      .values({ localityId: equity.data.localityId, fiscalYear: 2026, comparator: 'at_least', target: 2500n, reason: 'test', ...values })
      .returning();
    return row!;
  }

  describe('computeGoalTrend', () => {
    it('gives a spent-basis goal per fiscal year with data, and year to date per quarter', async () => {
      const goal = await saveGoal({ measure: 'group_share', subject: 'Harm reduction', basis: 'spent', target: 8000n, amberMargin: 500n });
      const trend = await computeGoalTrend(db(), goal, { asOf: '2026-11-23' });
      // Receipts reach back to FY2024, context forward to FY2027.
      expect(trend.years.map((p) => [p.fiscalYear, p.actual, p.status])).toEqual([
        [2024, null, 'not_enough_data'],
        [2025, '100.00', 'met'],
        [2026, '77.06', 'close'],
        [2027, null, 'not_enough_data'],
      ]);
      expect(trend.years[0]!.missing).toEqual(['spending recorded for FY2024']);
      // Q1: $12,000, all harm reduction. Q2 adds a2's $100.01 (of which $30.00 naloxone): 12,030 / 12,100.01.
      // Q3 adds $5,000 of naloxone; Q4 adds $5,000 of police and equals the whole year.
      expect(trend.quarters.map((p) => [p.quarter, p.through, p.actual])).toEqual([
        [1, '2025-09-30', '100.00'],
        [2, '2025-12-31', '99.42'],
        [3, '2026-03-31', '99.59'],
        [4, '2026-06-30', '77.06'],
      ]);
      expect(trend.quarterNote).toMatch(/year to date/);
      const early = await computeGoalTrend(db(), goal, { asOf: '2025-11-15' });
      expect(early.quarters.map((p) => p.quarter)).toEqual([1, 2]);
    });

    it('counts receipts year to date too for spend-down', async () => {
      const goal = await saveGoal({ measure: 'spend_down', basis: 'spent', target: 6000n });
      const trend = await computeGoalTrend(db(), goal, { asOf: '2026-11-23' });
      // Q1: $12,000 of $40,000; Q2: $12,100.01 of $40,000; Q3: $17,100.01 of $50,000; Q4: $22,100.01 of $50,000.
      expect(trend.quarters.map((p) => p.actual)).toEqual(['30.00', '30.25', '34.20', '44.20']);
      expect(trend.years.find((p) => p.fiscalYear === 2025)?.actual).toBe('40.00');
    });

    it('shows allocated-basis goals per fiscal year only, and says why', async () => {
      const goal = await saveGoal({ measure: 'group_share', subject: 'Harm reduction' });
      const trend = await computeGoalTrend(db(), goal, { asOf: '2026-11-23' });
      expect(trend.years.map((p) => p.actual)).toEqual([null, '100.00', '44.55', null]);
      expect(trend.quarters).toEqual([]);
      expect(trend.quarterNote).toMatch(/per fiscal year only/);
    });
  });

  describe('computeFlags', () => {
    beforeAll(async () => {
      await db()
        .insert(flagSettings)
        .values({ localityId: equity.data.localityId, idleAfterMonths: 12, recipientShareBasisPoints: 3500, lineShareBasisPoints: 3000 });
    });

    it('flags police spending (also through the crosswalk), idle money, a dominant recipient, an oversized line and a line without description', async () => {
      const flags = await computeFlags(db(), equity.data.localityId, 2026, { asOf: '2026-06-30' });
      expect(flags.map((f) => [f.kind, f.severity, f.allocationId ?? f.recipientId ?? null, f.amountCents, f.share ?? null])).toEqual([
        // Paid to Alder Sheriff (law enforcement), whatever the category.
        ['criminal_legal_recipient', 'high', equity.data.lines.a3, 2_000_000n, null],
        ['criminal_legal_recipient', 'high', equity.data.lines.a6, 300_000n, null],
        ['discouraged_use', 'high', equity.data.lines.a3, 2_000_000n, '18.18'],
        ['discouraged_use', 'high', equity.data.lines.a6, 300_000n, '2.73'],
        // Received up to 2025-06-30: $50,000; spent by 2026-06-30: $30,100.01 → $19,899.99 idle (39.80%).
        ['idle_money', 'medium', null, 1_989_999n, '39.80'],
        ['dominant_recipient', 'medium', equity.data.recipients.harbor, 4_000_000n, '36.36'],
        ['oversized_line', 'medium', equity.data.lines.a1, 4_000_000n, '36.36'],
        ['missing_description', 'medium', equity.data.lines.a4, 1_000_000n, null],
      ]);
      const [sheriff, , police, taskForce, idle] = flags;
      expect(sheriff).toMatchObject({ title: 'Paid to a criminal-legal-system recipient: Alder Sheriff — “Patrol vehicles”', recipients: ['Alder Sheriff'] });
      expect(sheriff!.detail).toContain('This money goes to Alder Sheriff');
      expect(sheriff!.detail).toContain('applied unequally');
      expect(police).toMatchObject({ title: 'Law enforcement: “Patrol vehicles”', categoryKey: 'law-enforcement' });
      expect(police!.detail).toContain('$20,000.00 of this FY2026 line (18.18% of all money allocated in FY2026)');
      expect(police!.detail).toContain('$5,000.00 of the money paid out in FY2026 against it');
      expect(taskForce!.detail).toContain('tagged “I. First responders (National settlements: Exhibit E)”');
      expect(idle!.detail).toContain('received on or before 2025-06-30 — more than 12 months earlier');
      expect(idle!.detail).toContain('oldest money first');
    });

    it('never counts drafts or deleted lines, and moves with a line under review', async () => {
      const flags = await computeFlags(db(), equity.data.localityId, 2026, { asOf: '2026-06-30' });
      const ids = flags.map((f) => f.allocationId);
      expect(ids).not.toContain(equity.data.lines.draft);
      expect(ids).not.toContain(equity.data.lines.deleted);
      // With s1 ($25,000 to Harbor): Harbor has $65,000 of $135,000 (48.15%); a1 falls to 29.63%, under 30%.
      const review = await computeFlags(db(), equity.data.localityId, 2026, { asOf: '2026-06-30', includeAllocationId: equity.data.lines.s1 });
      expect(review.find((f) => f.kind === 'dominant_recipient')).toMatchObject({ share: '48.15', amountCents: 6_500_000n });
      expect(review.filter((f) => f.kind === 'oversized_line')).toEqual([]);
    });

    it('marks money idle for more than twice the limit as high severity', async () => {
      const flags = await computeFlags(db(), equity.data.localityId, 2026, { asOf: '2027-06-30' });
      const idle = flags.find((f) => f.kind === 'idle_money');
      // Up to 2026-06-30: $100,000 received, $30,100.01 spent → $69,899.99; $19,899.99 of it from before 2025-06-30.
      expect(idle).toMatchObject({ severity: 'high', amountCents: 6_989_999n });
      expect(idle!.detail).toContain('$19,899.99 of it has waited more than 24 months');
    });

    it('uses the default lines when the board has set none', async () => {
      await db().delete(flagSettings).where(eq(flagSettings.localityId, equity.data.localityId));
      expect(await readFlagSettings(db(), equity.data.localityId)).toEqual(DEFAULT_FLAG_SETTINGS);
      const flags = await computeFlags(db(), equity.data.localityId, 2026, { asOf: '2026-06-30' });
      // 18 months: up to 2024-12-31 only $30,000 came in, all spent since. No recipient has half; two lines pass 25%.
      expect(flags.filter((f) => f.kind === 'idle_money')).toEqual([]);
      expect(flags.filter((f) => f.kind === 'dominant_recipient')).toEqual([]);
      expect(flags.filter((f) => f.kind === 'oversized_line').map((f) => [f.allocationId, f.share])).toEqual([
        [equity.data.lines.a1, '36.36'],
        [equity.data.lines.a2, '27.27'],
      ]);
    });

    it('has nothing to say about a year without approved lines or receipts', async () => {
      expect(await computeFlags(db(), equity.data.f.localityB, 2026, { asOf: '2026-06-30' })).toEqual([]);
    });
  });
});
