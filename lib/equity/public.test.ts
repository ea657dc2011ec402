import { beforeAll, beforeEach, expect, it } from 'vitest';
import { equityGoals } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { invalidatePublic } from '@/lib/cache/public-cache';
import { EquityAnswerSchema } from './api-schema';
import { evaluateGoal } from './evaluate-goal';
import { equityApiAnswer, SUPPRESSION_NOTE, toPublicGoal } from './public';
import { approve, useEquityDataSet } from './testing';
import { apiErrorOf } from '@/lib/open-data/testing/api-error';

const q = (text: string) => new URLSearchParams(text);

describeEachDriver('the public equity answer', (driver) => {
  const equity = useEquityDataSet(driver);
  const db = equity.db;

  beforeAll(async () => {
    const base = { localityId: equity.data.localityId, fiscalYear: 2026, comparator: 'at_least' as const, reason: 'Seeds say so.' };
    await db()
      .insert(equityGoals)
      .values([
        { ...base, measure: 'group_share', subject: 'Harm reduction', target: 2500n, amberMargin: 500n },
        { ...base, measure: 'reach_parity', subject: 'black', target: 8000n, amberMargin: 1000n },
        { ...base, measure: 'reach_parity', subject: 'hispanic', target: 8000n, amberMargin: 1000n },
        { ...base, measure: 'dollars_per_death', basis: 'spent', target: 50_000n },
      ]);
  });
  // Other test files (and the other driver) use the same in-memory cache and the same ids.
  beforeEach(() => invalidatePublic('*'));

  it('answers every goal with exact strings, status, thresholds and inputs, and the flags', async () => {
    const answer = await equityApiAnswer(db(), 'alder-county', q('fy=2026'));
    expect(EquityAnswerSchema.parse(answer)).toEqual(answer);
    expect(answer.locality).toBe('alder-county');
    expect(answer.fiscal_year).toBe(2026);
    expect(answer.goals.map((g) => [g.measure, g.subject, g.unit, g.target, g.actual, g.status])).toEqual([
      ['group_share', 'Harm reduction', 'percent', '25.00', '44.55', 'met'],
      ['reach_parity', 'black', 'ratio', '0.8000', '1.3333', 'met'],
      // 8 people served and 6 deaths: counts under 11, so the ratio built on them is withheld in public.
      ['reach_parity', 'hispanic', 'ratio', '0.8000', null, 'missed'],
      ['dollars_per_death', null, 'dollars', '500.00', '552.50', 'met'],
    ]);
    const [harm, black, hispanic] = answer.goals;
    expect(harm).toMatchObject({
      measure_label: 'Share of spending in a group of categories',
      amber_margin: '5.00',
      reason: 'Seeds say so.',
      thresholds: { green: 'green at 25% or more', amber: 'amber from 20% up to 25%; red below 20%' },
      missing: [],
      inputs: { part: { value: '49000.00', unit: 'dollars' }, total: { value: '110000.00', unit: 'dollars' } },
      suppression: null,
    });
    expect(black!.inputs).toMatchObject({
      served_in_group: { value: '40' },
      deaths_in_group: { value: '12' },
      served_share: { value: '40.00' },
    });
    expect(hispanic!.inputs).toMatchObject({
      served_in_group: { value: 'fewer than 11', unit: 'people' },
      deaths_in_group: { value: 'fewer than 11', unit: 'deaths' },
      served_total: { value: '100' },
      deaths_total: { value: '40' },
      served_share: { value: null },
      deaths_share: { value: null },
    });
    expect(hispanic!.suppression).toBe(SUPPRESSION_NOTE);

    expect(answer.flags.map((f) => [f.kind, f.allocation_id, f.amount?.decimal ?? null])).toEqual([
      ['criminal_legal_recipient', equity.data.lines.a3, '20000.00'],
      ['criminal_legal_recipient', equity.data.lines.a6, '3000.00'],
      ['discouraged_use', equity.data.lines.a3, '20000.00'],
      ['discouraged_use', equity.data.lines.a6, '3000.00'],
      ['oversized_line', equity.data.lines.a1, '40000.00'],
      ['oversized_line', equity.data.lines.a2, '30000.00'],
      ['missing_description', equity.data.lines.a4, '10000.00'],
    ]);
    expect(answer.flags[0]!.amount).toEqual({ cents: '2000000', decimal: '20000.00' });
    expect(answer.flags[0]!.title).toContain('Alder Sheriff');

    // JSON-ready: no bigint, and nothing of lines that are not public.
    const json = JSON.stringify(answer);
    expect(json).not.toContain('Draft naloxone');
    expect(json).not.toContain('Deleted police line');
    expect(json).not.toContain('Syringe services');
  });

  it('never shows a count of 1 to 10 people in any public goal', async () => {
    const answer = await equityApiAnswer(db(), 'alder-county', q('fy=2026'));
    for (const goal of answer.goals) {
      for (const input of Object.values(goal.inputs)) {
        if (input.unit === 'people' || input.unit === 'deaths' || input.unit === 'residents') {
          expect(input.value === null || input.value === 'fewer than 11' || !/^(10|[1-9])$/.test(input.value), `${goal.measure} ${input.label}`).toBe(true);
        }
      }
    }
    // The staff view keeps the exact figures.
    const goals = await db().select().from(equityGoals).orderBy(equityGoals.id);
    const staff = await evaluateGoal(db(), goals.find((g) => g.subject === 'hispanic')!);
    expect(staff.actual).toBe('0.5333');
    expect(staff.inputs.servedInGroup?.value).toBe('8');
    expect(toPublicGoal(staff).actual).toBeNull();
  });

  it('moves when a line is approved, once the change reaches the cache', async () => {
    const before = await equityApiAnswer(db(), 'alder-county', q('fy=2026'));
    expect(before.goals[0]!.actual).toBe('44.55');
    await approve(db(), equity.data.lines.s1);
    invalidatePublic(String(equity.data.localityId));
    const after = await equityApiAnswer(db(), 'alder-county', q('fy=2026'));
    expect(after.goals[0]!.actual).toBe('54.81');
  });

  it('answers 400 for a bad or unknown parameter and 404 for an unknown locality', async () => {
    expect(await apiErrorOf(equityApiAnswer(db(), 'alder-county', q('fy=26')))).toMatchObject({ status: 400, code: 'invalid', field: 'fy' });
    expect(await apiErrorOf(equityApiAnswer(db(), 'alder-county', q('fy=2026&fy=2027')))).toMatchObject({ status: 400, field: 'fy' });
    expect(await apiErrorOf(equityApiAnswer(db(), 'alder-county', q('year=2026')))).toMatchObject({ status: 400, field: 'year' });
    expect(await apiErrorOf(equityApiAnswer(db(), 'nowhere-county', q('fy=2026')))).toMatchObject({ status: 404, code: 'not_found' });
    expect(await apiErrorOf(equityApiAnswer(db(), "alder'; drop table x", q('')))).toMatchObject({ status: 404 });
  });

  it('without fy, answers for the year the public page opens on, and a year without goals is empty', async () => {
    const answer = await equityApiAnswer(db(), 'alder-county', q(''));
    expect(answer.fiscal_year).toBe(2026);
    expect(EquityAnswerSchema.safeParse(answer).success).toBe(true);
    const empty = await equityApiAnswer(db(), 'birch-city', q('fy=2026'));
    expect(empty).toEqual({ locality: 'birch-city', fiscal_year: 2026, goals: [], flags: [] });
  });
});
