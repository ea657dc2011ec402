import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { localities, programOutcomes } from '@/db/schema';
import { DEMO_FISCAL_YEARS } from '@/db/demo/generate-demo';
import { seedDemoData } from '@/lib/demo/seed-demo';
import { seedReferenceData } from '@/db/seed/reference';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { listPublicOutcomes } from '@/lib/data/public-outcomes';
import { isSmallCount, SMALL_COUNT_TEXT } from '@/lib/equity/suppress';
import { MEASURES, type OutcomeMeasure } from '@/lib/outcomes/measures';
import { toApiReport } from './api';
import { ncAnnualFinancialReport } from './nc-annual-financial-report';
import { ncAnnualImpactReport } from './nc-annual-impact-report';
import { table, useKnownLedger } from './testing';
import type { ReportDocument } from './types';

const APR_JUN = { periodStart: '2024-04-01', periodEnd: '2024-06-30' };

/** The report as JSON, as the API answers it: what any reader of any format can see. */
function everythingShown(report: ReportDocument): string {
  return JSON.stringify(toApiReport(report));
}

/** Each section's money column, as cents, must add up to its total row. */
function spentColumnAddsUp(report: ReportDocument): void {
  for (const section of report.sections.filter((s) => s.key.startsWith('strategy-'))) {
    let sum = 0n;
    for (const row of section.rows.filter((r) => !r.total)) {
      const cell = row.cells.spent;
      if (cell?.kind === 'money') sum += cell.cents;
    }
    const total = section.rows.find((r) => r.total)!.cells.spent;
    expect(total?.kind === 'money' && total.cents, section.key).toBe(sum);
  }
}

/** The financial report's "disbursed by funded strategy" and the impact report's "spent by funded strategy", as cents. */
async function bothStrategyTables(db: Database, options: { localityId: number; fiscalYear: number }) {
  const [financial, impact] = await Promise.all([ncAnnualFinancialReport.build(db, options), ncAnnualImpactReport.build(db, options)]);
  const cents = (report: ReportDocument) =>
    report.sections
      .find((s) => s.key === 'strategies')!
      .rows.map((r) => [r.key, r.cells.strategy?.kind === 'text' ? r.cells.strategy.text : '', r.cells.amount?.kind === 'money' ? r.cells.amount.cents : null]);
  return { financial: cents(financial), impact: cents(impact), report: impact };
}

describe('the NC impact report’s due date', () => {
  it('is the financial report’s: 90 days after the fiscal year ends', () => {
    expect(ncAnnualImpactReport.dueDate(2024, 7)).toBe('2024-09-28');
    expect(ncAnnualImpactReport.dueDate(2024, 1)).toBe(ncAnnualFinancialReport.dueDate(2024, 1));
    expect(ncAnnualImpactReport.requiredWhen).toBe('money-spent');
  });
});

describeEachDriver('the NC annual impact report', (driver) => {
  const known = useKnownLedger(driver);

  beforeAll(async () => {
    const outcome = (allocationId: number, measure: OutcomeMeasure, units: bigint, period: { periodStart: string; periodEnd: string }, extra: { status?: 'approved' | 'submitted'; deleted?: boolean } = {}) => ({
      localityId: known.ledger.localityId,
      allocationId,
      measure,
      units,
      ...period,
      source: 'Program report',
      status: extra.status ?? ('approved' as const),
      deletedAt: extra.deleted ? new Date() : null,
    });
    await known.db.insert(programOutcomes).values([
      // 7 people in the quarter the peers line paid $12,000.00: shown as "fewer than 11", and no $1,714.29 per person.
      outcome(known.ledger.lines.peers, 'people_served', 7n, { periodStart: '2024-01-01', periodEnd: '2024-03-31' }),
      // $3,333.33 paid on 1 April: $3.33 per kit (333,333 ÷ 1,000 = 333.3 cents) and $133.33 per reversal (÷ 25).
      outcome(known.ledger.lines.naloxone, 'naloxone_kits', 1_000n, APR_JUN),
      outcome(known.ledger.lines.naloxone, 'overdose_reversals', 25n, APR_JUN),
      // Not approved, or deleted: never counted.
      outcome(known.ledger.lines.naloxone, 'naloxone_kits', 5_000n, { periodStart: '2024-01-01', periodEnd: '2024-03-31' }, { status: 'submitted' }),
      outcome(known.ledger.lines.naloxone, 'syringes_supplies', 9_999n, APR_JUN, { deleted: true }),
      // Ends in FY2025: a FY2025 figure ($5,000.00 paid on 1 August ÷ 50 = $100.00 per person).
      outcome(known.ledger.lines.peers, 'people_served', 50n, { periodStart: '2024-07-01', periodEnd: '2024-09-30' }),
      // A FY2024 outcome of a line first paid in FY2025: listed apart, nothing spent in its period.
      outcome(known.ledger.lines.multiYear, 'housing_placements', 12n, APR_JUN),
    ]);
  });

  it('FY2024: spent by strategy, to the cent, with the programs that report no outcome counted', async () => {
    const report = await known.build(ncAnnualImpactReport, 2024);
    expect(report).toMatchObject({ key: 'nc-annual-impact-report', fiscalYear: 2024, period: { start: '2023-07-01', end: '2024-06-30' }, dueOn: '2024-09-28' });
    expect(table(report, 'strategies')).toEqual([
      ['3. Recovery support services', '12000.00', '1', '0'],
      ['6. Early intervention', '1666.67', '1', '0'],
      ['7. Naloxone distribution', '1666.66', '1', '0'],
      ['Not covered by the NC strategies', '400.00', '1', '1'],
      ['Total', '15733.33', '3', '1'],
    ]);
    expect(report.sections.map((s) => s.key)).toEqual([
      'strategies',
      'strategy-recovery-support',
      'strategy-early-intervention',
      'strategy-naloxone',
      'strategy-not-covered',
      'outcomes-without-spending',
    ]);
  });

  it('lists each strategy’s programs with their approved outcomes: measure, units, period, source, exact cost per unit', async () => {
    const report = await known.build(ncAnnualImpactReport, 2024);
    const naloxoneRows = [
      ['Naloxone kits', '1666.66', 'Naloxone kits distributed', 'How much did we do?', '1,000 kits', 'Apr–Jun 2024', 'Program report', '3333.33', '$3.33 per kit'],
      ['', '', 'Overdose reversals reported', 'Is anyone better off?', '25 reversals', 'Apr–Jun 2024', 'Program report', '3333.33', '$133.33 per reversal'],
      ['Total spent under this strategy', '1666.66', '', '', '', '', '', '', ''],
    ];
    expect(table(report, 'strategy-naloxone')).toEqual(naloxoneRows);
    // The same line, split half and half, is listed under early intervention with its own share.
    expect(table(report, 'strategy-early-intervention').map((r) => r[1])).toEqual(['1666.67', '', '1666.67']);
    expect(table(report, 'strategy-not-covered')).toEqual([
      ['Sheriff overtime', '400.00', 'not reported', '', '', '', '', '', ''],
      ['Total spent under this strategy', '400.00', '', '', '', '', '', '', ''],
    ]);
    expect(table(report, 'outcomes-without-spending')).toEqual([
      ['Recovery housing 2025–2027', '', 'Housing placements', 'Is anyone better off?', '12 placements', 'Apr–Jun 2024', 'Program report', '0.00', '$0.00 per placement'],
    ]);
    // The submitted 5,000 kits and the deleted 9,999 items appear nowhere.
    expect(everythingShown(report)).not.toMatch(/5,000 kits|9,999|5000 kits/);
    spentColumnAddsUp(report);
  });

  it('never shows a count of 1 to 10 people, nor a cost per unit or total that gives it back', async () => {
    const report = await known.build(ncAnnualImpactReport, 2024);
    expect(table(report, 'strategy-recovery-support')).toEqual([
      ['Peer recovery coaches', '12000.00', 'People served', 'How much did we do?', SMALL_COUNT_TEXT, 'Jan–Mar 2024', 'Program report', '12000.00', 'withheld (small count)'],
      ['Total spent under this strategy', '12000.00', '', '', '', '', '', '', ''],
    ]);
    const shown = everythingShown(report);
    // $12,000.00 ÷ 7 = $1,714.29: neither the ratio nor the count is anywhere in the answer.
    expect(shown).not.toMatch(/1,?714\.2[89]|171429|171428/);
    expect(shown).not.toMatch(/\b7 (people|person)\b/);
    expect(shown).not.toContain('"7"');
  });

  it('FY2025: only outcomes whose period ends in the year; a program with none is "not reported"', async () => {
    const report = await known.build(ncAnnualImpactReport, 2025);
    expect(table(report, 'strategies')).toEqual([
      ['3. Recovery support services', '5000.00', '1', '0'],
      ['4. Recovery housing support', '3000.00', '1', '1'],
      ['Total', '8000.00', '2', '1'],
    ]);
    expect(table(report, 'strategy-recovery-support')[0]).toEqual([
      'Peer recovery coaches', '5000.00', 'People served', 'How much did we do?', '50 people', 'Jul–Sep 2024', 'Program report', '5000.00', '$100.00 per person',
    ]);
    expect(table(report, 'strategy-recovery-housing')[0]).toEqual(['Recovery housing 2025–2027', '3000.00', 'not reported', '', '', '', '', '', '']);
  });

  it('reconciles with the financial report’s disbursed by funded strategy, to the cent, every year', async () => {
    for (const fiscalYear of [2024, 2025, 2026]) {
      const { financial, impact, report } = await bothStrategyTables(known.db, { localityId: known.ledger.localityId, fiscalYear });
      expect(impact, `FY${fiscalYear}`).toEqual(financial);
      spentColumnAddsUp(report);
    }
  });
});

describeEachDriver('the NC annual impact report on the demo data', (driver) => {
  let testDb: TestDatabase;
  let db: Database;
  let demo: { id: number; fyStartMonth: number }[];

  beforeAll(async () => {
    testDb = await createTestDatabase(driver);
    db = testDb.handle.db;
    await seedReferenceData(db);
    await seedDemoData(db);
    demo = await db
      .select({ id: localities.id, fyStartMonth: localities.fyStartMonth })
      .from(localities)
      .where(and(eq(localities.isDemo, true), ne(localities.kind, 'state')))
      .orderBy(localities.slug);
  }, 600_000);
  afterAll(async () => {
    await testDb?.drop();
  });

  it('totals equal the financial report’s by strategy to the cent, and no small count of people shows', async () => {
    let suppressed = 0;
    let reported = 0;
    for (const locality of demo) {
      for (const fiscalYear of DEMO_FISCAL_YEARS) {
        const options = { localityId: locality.id, fiscalYear };
        const { financial, impact, report } = await bothStrategyTables(db, options);
        expect(impact, `locality ${locality.id} FY${fiscalYear}`).toEqual(financial);
        spentColumnAddsUp(report);
        // Every public outcome is in the report, and each small count of people reads "fewer than 11".
        const { outcomes } = await listPublicOutcomes(db, { ...options, fyStartMonth: locality.fyStartMonth });
        const rows = report.sections.filter((s) => s.key !== 'strategies').flatMap((s) => s.rows);
        for (const outcome of outcomes) {
          const shownRows = rows.filter((r) => r.key.endsWith(`-o${outcome.id}`));
          expect(shownRows.length).toBeGreaterThan(0);
          reported += 1;
          if (!(MEASURES[outcome.measure].countsPeople && isSmallCount(outcome.units))) continue;
          suppressed += 1;
          for (const row of shownRows) {
            expect(row.cells.units).toEqual({ kind: 'text', text: SMALL_COUNT_TEXT });
            expect(row.cells.costPerUnit).toEqual({ kind: 'text', text: 'withheld (small count)' });
          }
        }
      }
    }
    // The demo has outcomes, and some of them are small counts (housing placements): the checks above ran.
    expect(reported).toBeGreaterThan(0);
    expect(suppressed).toBeGreaterThan(0);
  }, 600_000);
});
