import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { localities, receipts, reportFilings } from '@/db/schema';
import { describeEachDriver, useTestDatabase } from '@/db/testing/test-database';
import { Forbidden, Invalid } from '@/lib/errors';
import { markReportFiled } from '@/lib/services/localities/mark-report-filed';
import { auditRowsFor, captureError, createServiceFixture, type ServiceFixture } from '@/lib/services/testing';
import type { FundYear } from '@/lib/data/fund';
import { getReportDeadlines, sortDeadlines, yearsRequiring } from './deadlines';
import { findReport, REPORTS } from './index';

describe('sortDeadlines (pure)', () => {
  it('lists unfiled reports whose date has passed as late, and the earliest one still to come as next', () => {
    const result = sortDeadlines(REPORTS, [2024, 2025], 7, new Set(['pa-annual-report:2024']), '2025-01-01');
    expect(result.late.map((d) => `${d.report}:${d.fiscalYear}:${d.dueOn}`)).toEqual([
      'ma-municipal-report:2024:2024-08-31',
      'nc-annual-financial-report:2024:2024-09-28',
      'nc-annual-impact-report:2024:2024-09-28',
    ]);
    expect(result.next).toMatchObject({ report: 'ma-municipal-report', fiscalYear: 2025, dueOn: '2025-08-31' });
  });

  it('asks for NC’s impact report only in years the fund spent money, its financial report whenever it held some', () => {
    const year = (fiscalYear: number, beginningCents: bigint, spentCents: bigint) => ({ fiscalYear, beginningCents, receivedCents: 0n, spentCents }) as FundYear;
    const years = [year(2024, 500_00n, 0n), year(2025, 500_00n, 1n), year(2026, 0n, 0n)];
    const [financial, impact] = [findReport('nc-annual-financial-report')!, findReport('nc-annual-impact-report')!];
    expect(yearsRequiring(financial, years)).toEqual([2024, 2025]);
    expect(yearsRequiring(impact, years)).toEqual([2025]);
  });
});

describeEachDriver('report filings and deadlines', (driver) => {
  const testDb = useTestDatabase(driver);
  let db: Database;
  let fx: ServiceFixture;

  beforeAll(async () => {
    db = testDb.db();
    fx = await createServiceFixture(db);
    await db.update(localities).set({ stateCode: 'NC' }).where(eq(localities.id, fx.localityA));
    await db.insert(receipts).values({ localityId: fx.localityA, sourceId: fx.sourceId, receivedOn: '2023-09-01', fiscalYear: 2024, amountCents: 500_00n, postedAt: new Date() });
  });

  const input = (values: Record<string, string>) => ({ localityId: String(fx.localityA), report: 'nc-annual-financial-report', fiscalYear: '2024', filedOn: '2024-10-01', ...values });

  it('shows the state’s report as late once its date has passed, and the next year’s as next', async () => {
    const deadlines = await getReportDeadlines(db, { localityId: fx.localityA, today: '2024-10-15' });
    expect(deadlines.late).toEqual([{ report: 'nc-annual-financial-report', title: REPORTS[0]!.title, fiscalYear: 2024, dueOn: '2024-09-28' }]);
    expect(deadlines.next).toMatchObject({ report: 'nc-annual-financial-report', fiscalYear: 2025, dueOn: '2025-09-28' });
    // Birch City's state (ZZ) has no report: nothing is due there.
    expect(await getReportDeadlines(db, { localityId: fx.localityB, today: '2024-10-15' })).toEqual({ next: null, late: [] });
  });

  it('refuses a reviewer, another locality’s editor, an unknown report and a future date; nothing is written', async () => {
    expect(await captureError(markReportFiled({ db, actor: fx.reviewerA }, input({}), '2024-10-15'))).toBeInstanceOf(Forbidden);
    expect(await captureError(markReportFiled({ db, actor: fx.editorB }, input({}), '2024-10-15'))).toBeInstanceOf(Forbidden);
    const unknown = await captureError(markReportFiled({ db, actor: fx.editorA }, input({ report: 'tx-report' }), '2024-10-15'));
    expect(Object.keys((unknown as Invalid).fieldErrors)).toEqual(['report']);
    const future = await captureError(markReportFiled({ db, actor: fx.editorA }, input({ filedOn: '2024-10-16' }), '2024-10-15'));
    expect((future as Invalid).fieldErrors).toEqual({ filedOn: ['The filing date cannot be in the future.'] });
    expect(await db.select().from(reportFilings)).toEqual([]);
  });

  it('marks a report filed once, audited; it is no longer late', async () => {
    const filed = await markReportFiled({ db, actor: fx.editorA }, input({}), '2024-10-15');
    expect(filed).toMatchObject({ report: 'nc-annual-financial-report', fiscalYear: 2024, filedOn: '2024-10-01', filedBy: fx.editorA.userId });
    expect(await auditRowsFor(db, 'report_filing', filed.id)).toHaveLength(1);
    const again = await captureError(markReportFiled({ db, actor: fx.secondEditorA }, input({ filedOn: '2024-10-02' }), '2024-10-15'));
    expect((again as Invalid).fieldErrors.report![0]).toContain('already marked as filed on 2024-10-01');
    const deadlines = await getReportDeadlines(db, { localityId: fx.localityA, today: '2024-10-15' });
    expect(deadlines.late).toEqual([]);
  });
});
