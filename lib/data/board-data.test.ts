import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocations, contextBreakdowns } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { addAllocation, useEquityDataSet, type EquityDataSet } from '@/lib/equity/testing';
import { decideAllocation } from '@/lib/services/allocations/decide';
import { setEquityGoal } from '@/lib/services/equity/set-goal';
import { parseContextCsv } from '@/lib/import/context-csv';
import { readLocalityContext } from './board-context';
import { importContextFile } from '@/lib/services/import/context-file';
import { listBoardDecisions } from './board-decisions';
import { loadGoalsPage } from './board-goals';
import { computeReviewBaseline, computeReviewImpact, listReviewYears, listSubmittedLines, loadSubjectLabels } from './board-review';
import { loadBoardSummary, WITHHELD_NOTE } from './board-summary';
import { changeSentence, decimalToUnits, formatGoalValue, goalTitle } from './board-words';
import { queryRows } from './rows';

const encode = (text: string) => new TextEncoder().encode(text);

describe('board words', () => {
  it('names goals, formats exact values and says how an actual would move', () => {
    expect(goalTitle({ measure: 'group_share', subject: 'Harm reduction', basis: 'allocated' })).toBe('Harm reduction share of allocated money');
    expect(goalTitle({ measure: 'category_share', subject: 'non-remediation', basis: 'spent' }, { categories: { 'non-remediation': 'Not opioid remediation' } })).toBe(
      'Share of money spent in “Not opioid remediation”',
    );
    expect(goalTitle({ measure: 'reach_parity', subject: 'black', basis: 'allocated' }, { raceGroups: { black: 'Black' } })).toBe(
      'Reach of Black residents against their share of overdose deaths',
    );
    expect(decimalToUnits('22.1', 'percent')).toBe(2210n);
    expect(decimalToUnits('-0.05', 'dollars')).toBe(-5n);
    expect(decimalToUnits('0.8', 'ratio')).toBe(8000n);
    expect(decimalToUnits('fewer than 11', 'percent')).toBeNull();
    expect(formatGoalValue('1234567.80', 'dollars')).toBe('$1,234,567.80');
    expect(formatGoalValue(null, 'percent')).toBe('not enough data');
    expect(changeSentence('Harm reduction share of allocated money', 'percent', { actual: '22.10', status: 'missed' }, { actual: '24.35', status: 'close' })).toBe(
      'Harm reduction share of allocated money would rise from 22.10% to 24.35% (missed (red) → close (amber)).',
    );
  });

  it('reads a context CSV: every problem at once, with its line; keys unique per dimension', () => {
    const good = parseContextCsv([
      ['Dimension', 'group_key', 'Group label', 'population', 'overdose_deaths'],
      ['race_ethnicity', 'black', 'Black', '12,000', '14'],
      ['', '', '', '', ''],
      ['area', 'district-1', 'District 1', '', '3'],
    ]);
    expect(good).toEqual({
      ok: true,
      rows: 2,
      dimensions: {
        race_ethnicity: [{ groupKey: 'black', groupLabel: 'Black', population: '12000', overdoseDeaths: '14' }],
        area: [{ groupKey: 'district-1', groupLabel: 'District 1', population: '', overdoseDeaths: '3' }],
      },
    });
    const bad = parseContextCsv([
      ['dimension', 'group_key', 'group_label', 'population', 'overdose_deaths'],
      ['race', 'Black', 'Black', '-1', '2.5'],
      ['county', 'x', '', '', ''],
      ['area', 'd1', 'D1', '', ''],
      ['area', 'd1', 'D1 again', '', ''],
    ]);
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'group_key'],
      [2, 'population'],
      [2, 'overdose_deaths'],
      [3, 'dimension'],
      [3, 'group_label'],
      [5, 'group_key'],
    ]);
    expect(parseContextCsv([['dimension', 'group_key']])).toMatchObject({ ok: false, errors: [{ column: 'group_label' }, { column: 'population' }, { column: 'overdose_deaths' }] });
  });
});

describeEachDriver('board pages data', (driver) => {
  // The equity data set (lib/equity/testing.ts), then a submitted police line and three goals on top of it.
  const equity = useEquityDataSet(driver);
  const { db } = equity;
  let data: EquityDataSet;
  let police: number;

  beforeAll(async () => {
    data = equity.data;
    const { f, localityId } = data;
    police = await addAllocation(db(), {
      localityId,
      fiscalYear: 2026,
      amountCents: 1_000_000n,
      status: 'submitted',
      program: 'Patrol vehicle equipment',
      description: 'Equipment for patrol vehicles.',
      recipientId: data.recipients.sheriff,
      splits: [[f.category('health-first', 'law-enforcement'), 10_000]],
    });
    const goal = (measure: string, subject: string, comparator: string, target: string, amberMargin: string) =>
      setEquityGoal({ db: db(), actor: f.reviewerA }, { localityId, fiscalYear: '2026', measure, subject, comparator, target, amberMargin, basis: 'allocated', reason: 'Because.' });
    await goal('group_share', 'Harm reduction', 'at_least', '25', '5');
    await goal('group_share', 'Criminal-legal', 'at_most', '0', '0');
    await goal('reach_parity', 'native', 'at_least', '0.8', '0.1');
  });

  it('lists the submitted lines of a year, with their categories, and the years with lines waiting', async () => {
    expect(await listReviewYears(db(), data.localityId)).toEqual([{ fiscalYear: 2026, submitted: 2 }]);
    const lines = await listSubmittedLines(db(), data.localityId, 2026);
    expect(lines.map((line) => [line.id, line.program, line.amountCents, line.recipient?.name, line.categories.map((c) => [c.label, c.shareBasisPoints])])).toEqual([
      [data.lines.s1, 'Syringe services', 2_500_000n, 'Harbor Harm Reduction', [['Syringe services and sterile supplies', 10_000]]],
      [police, 'Patrol vehicle equipment', 1_000_000n, 'Alder Sheriff', [['Law enforcement: equipment, task forces, drug enforcement', 10_000]]],
    ]);
    expect(await listSubmittedLines(db(), data.localityId, 2025)).toEqual([]);
  });

  it('says how each goal would move if a line were approved, and which flags it raises', async () => {
    const labels = await loadSubjectLabels(db(), data.localityId);
    expect(labels.raceGroups).toMatchObject({ native: 'American Indian', black: 'Black' });
    const baseline = await computeReviewBaseline(db(), data.localityId, 2026);

    // $110,000 approved: harm reduction $49,000 (44.55%), criminal-legal $23,000 (20.91%, the Exhibit E line included).
    const syringe = await computeReviewImpact(db(), data.localityId, 2026, data.lines.s1, baseline, labels);
    expect(syringe.goals.map((g) => [g.title, g.before.actual, g.after.actual, g.direction, g.after.status])).toEqual([
      ['Harm reduction share of allocated money', '44.55', '54.81', 'up', 'met'],
      ['Criminal-legal share of allocated money', '20.91', '17.04', 'down', 'missed'],
      ['Reach of American Indian residents against their share of overdose deaths', '0.4000', '0.4000', 'same', 'missed'],
    ]);
    expect(syringe.goals[0]!.sentence).toBe('Harm reduction share of allocated money would rise from 44.55% to 54.81% (still met (green)).');
    // Harbor's share and the naloxone line's size move, but those flags were already there: nothing new.
    expect(syringe.flags).toEqual([]);

    const patrol = await computeReviewImpact(db(), data.localityId, 2026, police, baseline, labels);
    expect(patrol.goals[1]).toMatchObject({ before: { actual: '20.91' }, after: { actual: '27.50' }, direction: 'up' });
    expect(patrol.flags.map((flag) => [flag.kind, flag.severity, flag.allocationId, flag.title])).toEqual([
      // The board sees who is paid, not only what the line is called.
      ['criminal_legal_recipient', 'high', police, 'Paid to a criminal-legal-system recipient: Alder Sheriff — “Patrol vehicle equipment”'],
      ['discouraged_use', 'high', police, 'Law enforcement: “Patrol vehicle equipment”'],
    ]);
  });

  it('lists the board’s decisions of the year from the audit log, with the reason and who decided', async () => {
    const [line] = await db().select({ version: allocations.version }).from(allocations).where(eq(allocations.id, police));
    await decideAllocation({ db: db(), actor: data.f.reviewerA }, { id: police, version: line!.version, decision: 'return', reason: 'Police equipment is not remediation.' });
    const decisions = await listBoardDecisions(db(), data.localityId, 2026);
    expect(decisions.map((d) => [d.allocationId, d.program, d.amountCents, d.decision, d.reason, d.decidedBy, d.currentStatus])).toEqual([
      [police, 'Patrol vehicle equipment', 1_000_000n, 'return', 'Police equipment is not remediation.', 'Rita Reviewer', 'returned'],
    ]);
    expect(await listBoardDecisions(db(), data.localityId, 2025)).toEqual([]);
  });

  it('gathers the board summary: totals never summed, public goals, trends with small counts withheld', async () => {
    const summary = await loadBoardSummary(db(), { id: data.localityId, fyStartMonth: 7 }, 2026, { asOf: '2026-06-30' });
    expect(summary.totals).toEqual({ receivedCents: '5000000', allocatedCents: '11000000', spentCents: '2210001', unspentCents: '2789999' });
    expect(summary.goals.map((g) => [g.subject, g.actual, g.status, g.suppression !== null])).toEqual([
      ['Harm reduction', '44.55', 'met', false],
      ['Criminal-legal', '20.91', 'missed', false],
      ['native', null, 'missed', true],
    ]);
    const reachTrend = summary.trends.find((t) => t.goalId === summary.goals[2]!.id)!;
    expect(reachTrend.years.find((p) => p.label === 'FY2026')).toEqual({ label: 'FY2026', actual: null, status: 'not_enough_data', note: WITHHELD_NOTE });
    expect(summary.trends[0]!.years.map((p) => [p.label, p.actual])).toEqual([
      ['FY2024', null],
      ['FY2025', '100.00'],
      ['FY2026', '44.55'],
      ['FY2027', null],
    ]);
    expect(summary.reach.groups.find((g) => g.group_key === 'native')).toMatchObject({ people_served: 'fewer than 11', ratio: null, suppressed: true });
    expect(summary.decisions).toHaveLength(1);
    expect(summary.flags.some((flag) => flag.kind === 'discouraged_use' && flag.title.includes('Patrol vehicles'))).toBe(true);
    expect(summary.localities.find((l) => l.slug === 'alder-county')).toMatchObject({ overdoseDeaths: '40', allocatedPerDeath: '2750.00' });
  });

  it('opens the goals page with each goal’s form values and the suggestions not yet set', async () => {
    const page = await loadGoalsPage(db(), data.localityId, 2026);
    expect(page.goals.map((g) => [g.title, g.values.target, g.values.amberMargin, g.status])).toEqual([
      ['Harm reduction share of allocated money', '25', '5', 'met'],
      ['Criminal-legal share of allocated money', '0', '0', 'missed'],
      ['Reach of American Indian residents against their share of overdose deaths', '0.8', '0.1', 'missed'],
    ]);
    expect(page.suggestions.map((s) => s.title)).not.toContain('Harm reduction share of allocated money');
    expect(page.suggestions.map((s) => s.title)).toContain('Treatment share of allocated money');
    expect(page.suggestions.find((s) => s.title === 'Treatment share of allocated money')?.target).toBe('at least 30.00%');
  });

  it('reads the context of a year: totals, breakdowns, and people served per program', async () => {
    const context = await readLocalityContext(db(), data.localityId, 2026);
    expect(context.totals).toMatchObject({ population: 100_000, overdoseDeaths: 40 });
    expect(context.raceEthnicity.map((row) => row.groupKey)).toEqual(['native', 'black', 'hispanic', 'white']);
    expect(context.areas).toEqual([]);
    expect(context.programs.find((p) => p.allocationId === data.lines.a1)?.served).toEqual({ black: 30, white: 40, hispanic: 8, native: 2 });
    expect(context.programs.some((p) => p.allocationId === data.lines.deleted)).toBe(false);
    const empty = await readLocalityContext(db(), data.localityId, 2030);
    expect(empty.totals).toEqual({ population: null, overdoseDeaths: null, source: '', updatedAt: null });
    // Groups come from the latest year that has them.
    expect(empty.raceGroups.map((g) => g.key).sort()).toEqual(['black', 'hispanic', 'native', 'white']);
  });

  it('imports a context file all or none, and only for editors and administrators', async () => {
    const { f, localityId } = data;
    const count = async () =>
      (await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from context_breakdowns where locality_id = ${localityId} and fiscal_year = 2027`))[0]!.n;
    const bad = await importContextFile({ db: db(), actor: f.editorA }, {
      localityId,
      fiscalYear: 2027,
      fileName: 'context.csv',
      bytes: encode('dimension,group_key,group_label,population,overdose_deaths\nrace_ethnicity,black,Black,100,5\narea,North End,North,10,x\n'),
    });
    expect(bad).toMatchObject({ ok: false, errors: [{ row: 3, column: 'group_key' }, { row: 3, column: 'overdose_deaths' }] });
    expect(await count()).toBe(0);

    const good = await importContextFile({ db: db(), actor: f.editorA }, {
      localityId,
      fiscalYear: 2027,
      fileName: 'context.csv',
      bytes: encode('dimension,group_key,group_label,population,overdose_deaths\nrace_ethnicity,black,Black,"1,200",5\nrace_ethnicity,white,White,900,\narea,north-end,North End,2100,5\n'),
    });
    expect(good).toEqual({
      ok: true,
      rows: 3,
      dimensions: [
        { dimension: 'race_ethnicity', groups: 2 },
        { dimension: 'area', groups: 1 },
      ],
    });
    const rows = await db()
      .select({ key: contextBreakdowns.groupKey, population: contextBreakdowns.population, deaths: contextBreakdowns.overdoseDeaths })
      .from(contextBreakdowns)
      .where(and(eq(contextBreakdowns.localityId, localityId), eq(contextBreakdowns.fiscalYear, 2027)))
      .orderBy(contextBreakdowns.groupKey);
    expect(rows).toEqual([
      { key: 'black', population: 1200, deaths: 5 },
      { key: 'north-end', population: 2100, deaths: 5 },
      { key: 'white', population: 900, deaths: null },
    ]);
    await expect(
      importContextFile({ db: db(), actor: f.reviewerA }, { localityId, fiscalYear: 2027, fileName: 'c.csv', bytes: encode('dimension,group_key,group_label,population,overdose_deaths\n') }),
    ).rejects.toThrow(/permission/);
    await expect(importContextFile({ db: db(), actor: f.editorB }, { localityId, fiscalYear: 2027, fileName: 'c.csv', bytes: encode('x') })).rejects.toThrow(/permission/);
  });
});
