import { describe, expect, it } from 'vitest';
import { equityGoals } from '@/db/schema';
import { getSpendingByCategory } from '@/lib/data/spending-by-category';
import { describeEachDriver } from '@/db/testing/test-database';
import { computeEquityGoals, evaluateGoal } from './evaluate-goal';
import { useEquityDataSet } from './testing';
import type { EquityGoal } from './types';

type GoalValues = Partial<typeof equityGoals.$inferInsert> & Pick<typeof equityGoals.$inferInsert, 'measure'>;

describeEachDriver('equity goals computed from the database', (driver) => {
  const equity = useEquityDataSet(driver);
  const db = equity.db;

  /** A goal row that is not saved: `evaluateGoal` only reads its fields. */
  function goal(values: GoalValues): EquityGoal {
    return {
      id: 0,
      localityId: equity.data.localityId,
      fiscalYear: 2026,
      subject: null,
      frameworkKey: 'health-first',
      basis: 'allocated',
      comparator: 'at_least',
      target: 0n,
      amberMargin: 0n,
      reason: 'test',
      version: 1,
      createdBy: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      deletedAt: null,
      ...values,
    } as EquityGoal;
  }

  const evaluate = (values: GoalValues, includeAllocationId?: number) =>
    evaluateGoal(db(), goal(values), includeAllocationId === undefined ? {} : { includeAllocationId });

  describe('shares of spending in a group or category', () => {
    it('counts only approved, non-deleted lines of the year, split by their shares, over every approved dollar', async () => {
      // Harm reduction: a1 $40,000 + a2's 30% ($9,000) of $110,000 = 44.5454…% → 44.55.
      const harm = await evaluate({ measure: 'group_share', subject: 'Harm reduction', target: 2500n, amberMargin: 500n });
      expect(harm).toMatchObject({ actual: '44.55', actualUnits: 4455n, actualUnit: 'percent', status: 'met', missing: [] });
      expect(harm.inputs.part).toEqual({ label: 'Allocated to Harm reduction', value: '49000.00', unit: 'dollars' });
      expect(harm.inputs.total).toEqual({ label: 'Allocated in all approved lines', value: '110000.00', unit: 'dollars' });
      expect(harm.thresholds).toEqual({ green: 'green at 25% or more', amber: 'amber from 20% up to 25%; red below 20%' });
      // Group labels match without regard to case.
      expect((await evaluate({ measure: 'group_share', subject: 'harm REDUCTION' })).actual).toBe('44.55');
    });

    it('carries lines tagged in another framework through the crosswalk (Exhibit E use-i → law enforcement)', async () => {
      // a3 $20,000 + a6 $3,000 of $110,000 = 20.9090…% → 20.91; the deleted $70,000 police line does not count.
      const criminal = await evaluate({ measure: 'group_share', subject: 'Criminal-legal', comparator: 'at_most' });
      expect(criminal).toMatchObject({ actual: '20.91', status: 'missed' });
      expect(criminal.thresholds).toEqual({ green: 'green at 0%: none at all', amber: 'no amber band: red above 0%' });
      const police = await evaluate({ measure: 'category_share', subject: 'law-enforcement', comparator: 'at_most' });
      expect(police.actual).toBe('20.91');
      // …and the other way: measured in Exhibit E, health-first law enforcement is reported as use-i.
      const firstResponders = await evaluate({ measure: 'category_share', subject: 'use-i', frameworkKey: 'exhibit-e' });
      expect(firstResponders.actual).toBe('20.91');
      const treatment = await evaluate({ measure: 'group_share', subject: 'Treatment', target: 3000n, amberMargin: 500n });
      // moud: 70% of $30,000 = $21,000 of $110,000 = 19.0909…% → 19.09: below 25%, so red.
      expect(treatment).toMatchObject({ actual: '19.09', status: 'missed' });
      const roads = await evaluate({ measure: 'category_share', subject: 'non-remediation', comparator: 'at_most' });
      expect(roads).toMatchObject({ actual: '0.00', status: 'met' });
    });

    it('agrees to the cent with the public spending-by-category numbers', async () => {
      const rows = await getSpendingByCategory(db(), equity.data.localityId, 2026, 'health-first');
      const harmAllocated = rows.filter((r) => r.group === 'Harm reduction').reduce((s, r) => s + r.allocatedCents, 0n);
      const harmSpent = rows.filter((r) => r.group === 'Harm reduction').reduce((s, r) => s + r.spentCents, 0n);
      const allSpent = rows.reduce((s, r) => s + r.spentCents, 0n);
      const allocated = await evaluate({ measure: 'group_share', subject: 'Harm reduction' });
      const spent = await evaluate({ measure: 'group_share', subject: 'Harm reduction', basis: 'spent' });
      expect(BigInt(allocated.inputs.part!.value!.replace('.', ''))).toBe(harmAllocated);
      expect(BigInt(spent.inputs.part!.value!.replace('.', ''))).toBe(harmSpent);
      expect(BigInt(spent.inputs.total!.value!.replace('.', ''))).toBe(allSpent);
    });

    it('measures spending separately from allocations, splitting each payment by largest remainder', async () => {
      // Spent in FY2026 against approved lines: $22,100.01. Harm reduction: a1 $15,000 + a0 $2,000 + a2's naloxone
      // part of $100.01 (30% = 3000.3 cents → 3000, the leftover cent goes to moud) = $17,030.00 → 77.0588…% → 77.06.
      const spent = await evaluate({ measure: 'group_share', subject: 'Harm reduction', basis: 'spent' });
      expect(spent).toMatchObject({ actual: '77.06', status: 'met' });
      expect(spent.inputs.part).toMatchObject({ label: 'Spent to Harm reduction', value: '17030.00' });
      expect(spent.inputs.total).toMatchObject({ value: '22100.01' });
    });

    it('says what is missing instead of dividing by zero', async () => {
      const noLines = await evaluate({ measure: 'group_share', subject: 'Harm reduction', fiscalYear: 2027 });
      expect(noLines).toMatchObject({ actual: null, actualUnits: null, status: 'not_enough_data', missing: ['approved allocations for FY2027'] });
      const noSpending = await evaluate({ measure: 'group_share', subject: 'Harm reduction', basis: 'spent', fiscalYear: 2027 });
      expect(noSpending.missing).toEqual(['spending recorded for FY2027']);
      const unknown = await evaluate({ measure: 'category_share', subject: 'police-cars' });
      expect(unknown).toMatchObject({ status: 'not_enough_data', missing: ['a category "police-cars" in the Abate health-first framework'] });
    });

    it('moves the actual as if a submitted line were approved, and never counts drafts', async () => {
      // + s1 $25,000 syringe services: $74,000 of $135,000 = 54.8148…% → 54.81.
      const ifApproved = await evaluate({ measure: 'group_share', subject: 'Harm reduction' }, equity.data.lines.s1);
      expect(ifApproved.actual).toBe('54.81');
      const withDraft = await evaluate({ measure: 'group_share', subject: 'Harm reduction' });
      expect(withDraft.actual).toBe('44.55');
      // Another locality's line changes nothing.
      const foreign = await evaluate({ measure: 'group_share', subject: 'Harm reduction' }, 999_999);
      expect(foreign.actual).toBe('44.55');
    });
  });

  describe('recipients', () => {
    it('measures the share to community-based and to lived-experience-led recipients', async () => {
      // Community-based: a1 $40,000 + a4 $10,000 = 45.4545…% → 45.45; lived experience: a1 only = 36.36.
      const community = await evaluate({ measure: 'recipient_share', subject: 'community_based', target: 3000n, amberMargin: 500n });
      expect(community).toMatchObject({ actual: '45.45', status: 'met' });
      expect(community.inputs.part).toEqual({ label: 'Allocated to community-based organizations', value: '50000.00', unit: 'dollars' });
      const lived = await evaluate({ measure: 'recipient_share', subject: 'lived_experience', target: 4000n, amberMargin: 500n });
      expect(lived).toMatchObject({ actual: '36.36', status: 'close' });
      // Spent: a1 $15,000 + a0 $2,000 of $22,100.01 = 76.9230…% → 76.92.
      expect((await evaluate({ measure: 'recipient_share', subject: 'community_based', basis: 'spent' })).actual).toBe('76.92');
      // If s1 were approved: $75,000 of $135,000 = 55.56.
      expect((await evaluate({ measure: 'recipient_share', subject: 'community_based' }, equity.data.lines.s1)).actual).toBe('55.56');
      expect((await evaluate({ measure: 'recipient_share', subject: 'churches' })).status).toBe('not_enough_data');
    });

    it('measures the share to criminal-legal-system recipients next to the share in criminal-legal categories', async () => {
      // Alder Sheriff: a3 $20,000 (law-enforcement) + a6 $3,000 (Exhibit E first responders) of $110,000 = 20.9090…%.
      const sheriff = await evaluate({ measure: 'recipient_share', subject: 'criminal_legal', comparator: 'at_most', target: 0n, amberMargin: 0n });
      expect(sheriff).toMatchObject({ actual: '20.91', actualUnits: 2091n, status: 'missed' });
      expect(sheriff.inputs.part).toEqual({ label: 'Allocated to criminal-legal-system recipients', value: '23000.00', unit: 'dollars' });
      // Spent: a3 $5,000 of $22,100.01 = 22.6244…% → 22.62.
      expect((await evaluate({ measure: 'recipient_share', subject: 'criminal_legal', basis: 'spent' })).actual).toBe('22.62');
      // The category measure counts the same money through the crosswalk: also $23,000.
      const group = await evaluate({ measure: 'group_share', subject: 'Criminal-legal', comparator: 'at_most', target: 0n, amberMargin: 0n });
      expect(group.actual).toBe('20.91');
    });
  });

  describe('dollars per overdose death and per resident', () => {
    it('divides allocated or spent money by the year’s context, to the cent', async () => {
      const perDeath = await evaluate({ measure: 'dollars_per_death', target: 250_000n, amberMargin: 50_000n });
      // $110,000 ÷ 40 deaths = $2,750.00.
      expect(perDeath).toMatchObject({ actual: '2750.00', actualUnit: 'dollars', status: 'met' });
      expect(perDeath.inputs.overdoseDeaths).toEqual({ label: 'Overdose deaths', value: '40', unit: 'deaths' });
      expect(perDeath.thresholds.green).toBe('green at $2,500 per overdose death or more');
      // $22,100.01 ÷ 40 = $552.50025 → $552.50.
      expect((await evaluate({ measure: 'dollars_per_death', basis: 'spent' })).actual).toBe('552.50');
      // $110,000 ÷ 100,000 residents = $1.10.
      expect((await evaluate({ measure: 'dollars_per_resident' })).actual).toBe('1.10');
    });

    it('says which figure is missing when deaths or population are not known', async () => {
      const noDeaths = await evaluate({ measure: 'dollars_per_death', basis: 'spent', fiscalYear: 2027 });
      expect(noDeaths).toMatchObject({ actual: null, status: 'not_enough_data', missing: ['overdose deaths for FY2027'] });
      const allocated2027 = await evaluate({ measure: 'dollars_per_death', fiscalYear: 2027 });
      expect(allocated2027.missing).toEqual(['approved allocations for FY2027', 'overdose deaths for FY2027']);
      expect((await evaluate({ measure: 'dollars_per_resident', fiscalYear: 2025 })).missing).toEqual(['population for FY2025']);
      // FY2027 has a population but nothing spent yet: $0.00 per resident is an answer, not missing equity.data.
      expect((await evaluate({ measure: 'dollars_per_resident', basis: 'spent', fiscalYear: 2027 })).actual).toBe('0.00');
    });
  });

  describe('reach parity', () => {
    it('compares the share of people served with the share of overdose deaths, in approved programs only', async () => {
      // Black: 40 of 100 served (40%) against 12 of 40 deaths (30%) → 1.3333; the draft's 1,000 do not count.
      const black = await evaluate({ measure: 'reach_parity', subject: 'black', target: 10_000n, amberMargin: 2_000n });
      expect(black).toMatchObject({ actual: '1.3333', actualUnits: 13_333n, actualUnit: 'ratio', status: 'met' });
      expect(black.inputs).toMatchObject({
        servedInGroup: { value: '40', unit: 'people' },
        servedTotal: { value: '100', unit: 'people' },
        deathsInGroup: { value: '12', unit: 'deaths' },
        deathsTotal: { value: '40', unit: 'deaths' },
        servedShare: { value: '40.00', unit: 'percent' },
        deathsShare: { value: '30.00', unit: 'percent' },
      });
      expect(black.thresholds).toEqual({
        green: 'green at a ratio of 1 or more',
        amber: 'amber from a ratio of 0.8 up to a ratio of 1; red below a ratio of 0.8',
      });
      // Hispanic: 8% served against 15% of deaths → 0.5333.
      const hispanic = await evaluate({ measure: 'reach_parity', subject: 'hispanic', target: 8_000n, amberMargin: 1_000n });
      expect(hispanic).toMatchObject({ actual: '0.5333', status: 'missed' });
      expect((await evaluate({ measure: 'reach_parity', subject: 'white', target: 10_000n, comparator: 'exactly' })).status).toBe('met');
    });

    it('needs people served and deaths by race/ethnicity', async () => {
      expect((await evaluate({ measure: 'reach_parity', subject: 'black', fiscalYear: 2027 })).missing).toEqual([
        'people served by race/ethnicity for FY2027',
        'overdose deaths by race/ethnicity for FY2027',
      ]);
      expect((await evaluate({ measure: 'reach_parity', subject: 'asian' })).missing).toEqual(['overdose deaths of asian residents for FY2026']);
    });
  });

  describe('spend-down and completeness', () => {
    it('divides money spent by money received in the year', async () => {
      // $22,100.01 of $50,000 received in FY2026 = 44.20002% → 44.20.
      const spendDown = await evaluate({ measure: 'spend_down', basis: 'spent', target: 6000n, amberMargin: 1000n });
      expect(spendDown).toMatchObject({ actual: '44.20', status: 'missed' });
      expect(spendDown.inputs).toEqual({
        spent: { label: 'Spent from approved lines', value: '22100.01', unit: 'dollars' },
        received: { label: 'Received', value: '50000.00', unit: 'dollars' },
      });
      expect((await evaluate({ measure: 'spend_down', fiscalYear: 2027 })).missing).toEqual(['money received in FY2027']);
    });

    it('counts approved lines with a description, a recipient and a category', async () => {
      // 6 lines; a4 has only spaces as a description and a5 no category: 4 of 6 = 66.67%.
      const complete = await evaluate({ measure: 'completeness', target: 9500n, amberMargin: 500n });
      expect(complete).toMatchObject({ actual: '66.67', status: 'missed' });
      expect(complete.inputs).toMatchObject({
        completeLines: { value: '4' },
        lines: { value: '6' },
        linesWithoutDescription: { value: '1' },
        linesWithoutRecipient: { value: '0' },
        linesWithoutCategory: { value: '1' },
      });
      // With s1 approved: 5 of 7 = 71.43%.
      expect((await evaluate({ measure: 'completeness' }, equity.data.lines.s1)).actual).toBe('71.43');
      expect((await evaluate({ measure: 'completeness', fiscalYear: 2027 })).missing).toEqual(['approved allocations for FY2027']);
    });
  });

  describe('computeEquityGoals', () => {
    it('returns every non-deleted goal of the locality and year, and moves them for a line under review', async () => {
      const base = { localityId: equity.data.localityId, fiscalYear: 2026, reason: 'Seeds' };
      await db()
        .insert(equityGoals)
        .values([
          { ...base, measure: 'group_share', subject: 'Harm reduction', comparator: 'at_least', target: 5000n, amberMargin: 1000n },
          { ...base, measure: 'completeness', comparator: 'at_least', target: 9500n },
          { ...base, measure: 'spend_down', comparator: 'at_least', target: 6000n, deletedAt: new Date() },
          { ...base, fiscalYear: 2025, measure: 'completeness', comparator: 'at_least', target: 9500n },
          { ...base, localityId: equity.data.f.localityB, measure: 'completeness', comparator: 'at_least', target: 9500n },
        ]);
      const now = await computeEquityGoals(db(), equity.data.localityId, 2026);
      expect(now.map((r) => [r.goal.measure, r.actual, r.status, r.target])).toEqual([
        ['group_share', '44.55', 'close', '50.00'],
        ['completeness', '66.67', 'missed', '95.00'],
      ]);
      const ifApproved = await computeEquityGoals(db(), equity.data.localityId, 2026, { includeAllocationId: equity.data.lines.s1 });
      expect(ifApproved.map((r) => [r.actual, r.status])).toEqual([
        ['54.81', 'met'],
        ['71.43', 'missed'],
      ]);
    });
  });
});
