import { beforeAll, expect, it } from 'vitest';
import { fundOpeningBalances, receipts } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { getFundYears } from '@/lib/data/fund';
import { Conflict, Forbidden, Invalid } from '@/lib/errors';
import { readOpeningBalance, setFundOpeningBalance } from './set-opening-balance';
import { auditRowsFor, useServiceFixture } from '../testing';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to be refused');
}

describeEachDriver('the fund opening balance', (driver) => {
  const { db, f: fx } = useServiceFixture(driver);

  beforeAll(async () => {
    // Alder County (July start) already has money in FY2025.
    await db().insert(receipts).values({ localityId: fx.localityA, sourceId: fx.sourceId, receivedOn: '2024-09-01', fiscalYear: 2025, amountCents: 500_00n, postedAt: new Date() });
  });

  const input = (values: Record<string, string>) => ({ localityId: String(fx.localityA), fiscalYear: '2025', amount: '1,000.00', note: '', ...values });

  it('is refused to a reviewer and to an editor of another locality, and nothing is written', async () => {
    expect(await failure(setFundOpeningBalance({ db: db(), actor: fx.reviewerA }, input({})))).toBeInstanceOf(Forbidden);
    expect(await failure(setFundOpeningBalance({ db: db(), actor: fx.editorB }, input({})))).toBeInstanceOf(Forbidden);
    expect(await readOpeningBalance(db(), fx.localityA)).toBeNull();
  });

  it('refuses a negative balance and a year after the first year with money, naming the field; nothing is written', async () => {
    const negative = await failure(setFundOpeningBalance({ db: db(), actor: fx.editorA }, input({ amount: '(250.00)' })));
    expect(negative).toBeInstanceOf(Invalid);
    expect((negative as Invalid).fieldErrors).toEqual({ amount: ['The amount cannot be negative.'] });

    const late = await failure(setFundOpeningBalance({ db: db(), actor: fx.editorA }, input({ fiscalYear: '2026' })));
    expect(late).toBeInstanceOf(Invalid);
    expect(Object.keys((late as Invalid).fieldErrors)).toEqual(['fiscalYear']);
    expect((late as Invalid).fieldErrors.fiscalYear![0]).toContain('FY2025');

    expect(await db().select().from(fundOpeningBalances)).toEqual([]);
    expect(await auditRowsFor(db(), 'fund_opening_balance', fx.localityA)).toEqual([]);
  });

  it('is entered once by an editor, audited, starts the fund, and is edited only over the version it was opened at', async () => {
    const created = await setFundOpeningBalance({ db: db(), actor: fx.editorA }, input({ fiscalYear: 'FY2024', amount: '12,345.67', note: 'FY2023 audited statements' }));
    expect(created).toEqual({ localityId: fx.localityA, version: 1 });
    expect(await readOpeningBalance(db(), fx.localityA)).toEqual({
      localityId: fx.localityA,
      fiscalYear: 2024,
      amountCents: 12_345_67n,
      note: 'FY2023 audited statements',
      version: 1,
    });
    const fund = await getFundYears(db(), { localityId: fx.localityA, asOf: '2025-03-01' });
    expect(fund.years.map((y) => [y.fiscalYear, y.beginningCents, y.endingCents])).toEqual([
      [2024, 12_345_67n, 12_345_67n],
      [2025, 12_345_67n, 12_845_67n],
    ]);

    // A second "first" save (another tab opened before the first save) is a conflict, not a silent overwrite.
    expect(await failure(setFundOpeningBalance({ db: db(), actor: fx.secondEditorA }, input({ amount: '1.00' })))).toBeInstanceOf(Conflict);
    // An edit over an old version is a conflict that carries the saved values.
    const stale = await failure(setFundOpeningBalance({ db: db(), actor: fx.secondEditorA }, input({ amount: '1.00', version: '7' })));
    expect(stale).toBeInstanceOf(Conflict);
    expect((stale as Conflict).current).toMatchObject({ version: 1, values: { fiscalYear: '2024', amount: '12345.67' } });

    const edited = await setFundOpeningBalance({ db: db(), actor: fx.secondEditorA }, input({ fiscalYear: '2025', amount: '0', version: '1' }));
    expect(edited.version).toBe(2);
    const audit = await auditRowsFor(db(), 'fund_opening_balance', fx.localityA);
    expect(audit.map((row) => row.action)).toEqual(['create', 'update']);
    expect(audit[1]!.before).toMatchObject({ amountCents: '1234567', version: 1 });
    expect(audit[1]!.after).toMatchObject({ amountCents: '0', fiscalYear: 2025, version: 2 });
  });
});
