import Papa from 'papaparse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { allocations, expectedPayments, expenditures, fundingSources, fundOpeningBalances, localities, receipts } from '@/db/schema';
import { seedReferenceData } from '@/db/seed/reference';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { invalidatePublic } from '@/lib/cache/public-cache';
import { todayIso } from '@/lib/fiscal-year';
import { readStream } from './csv';
import { dataPackage, openDownload } from './downloads';
import { fundAnswer } from './fund-answer';
import { FundAnswerSchema } from './schemas';
import { apiErrorOf } from './testing/api-error';

const q = (text: string) => new URLSearchParams(text);

async function csvRows(db: Database, scope: string, file: string): Promise<Record<string, string>[]> {
  const download = await openDownload(db, scope, file);
  if (download.kind !== 'csv') throw new Error('not a CSV');
  return Papa.parse<Record<string, string>>(await readStream(download.body), { header: true, skipEmptyLines: true }).data;
}

describeEachDriver('GET /api/v1/localities/{slug}/fund and the fund downloads', (driver) => {
  let testDb: TestDatabase;
  let db: Database;
  const slug = `fund-county-${driver}`;

  beforeAll(async () => {
    invalidatePublic('*');
    testDb = await createTestDatabase(driver);
    db = testDb.handle.db;
    await seedReferenceData(db);
    const [locality] = await db
      .insert(localities)
      .values({ slug, name: 'Fund County', kind: 'county', stateCode: 'ZZ', fyStartMonth: 7 })
      .returning({ id: localities.id });
    const id = locality!.id;
    const sources = await db.select({ id: fundingSources.id, key: fundingSources.key }).from(fundingSources);
    const source = (key: string) => sources.find((s) => s.key === key)!.id;
    await db.insert(fundOpeningBalances).values({ localityId: id, fiscalYear: 2024, amountCents: 10_000_00n, note: 'Audited' });
    await db.insert(receipts).values([
      { localityId: id, sourceId: source('distributors'), receivedOn: '2023-08-01', fiscalYear: 2024, amountCents: 90_000_00n, paymentYear: 2023, postedAt: new Date() },
      { localityId: id, sourceId: source('interest-earned'), receivedOn: '2024-06-30', fiscalYear: 2024, amountCents: 12_34n, postedAt: new Date() },
    ]);
    await db.insert(expectedPayments).values([
      { localityId: id, sourceId: source('distributors'), paymentYear: 2023, expectedOn: '2023-07-15', amountCents: 90_000_00n, estimatedOn: '2023-01-10', estimateSource: 'BrownGreer estimate' },
      // Long past due and nothing arrived: overdue.
      { localityId: id, sourceId: source('janssen'), paymentYear: 2023, expectedOn: '2023-09-01', amountCents: 5_000_00n, estimatedOn: '2023-01-10', estimateSource: 'BrownGreer estimate' },
    ]);
    const [line] = await db
      .insert(allocations)
      .values({ localityId: id, fiscalYear: 2024, program: 'Annual audit', amountCents: 3_000_00n, status: 'approved', costType: 'audit' })
      .returning({ id: allocations.id });
    await db.insert(expenditures).values({ allocationId: line!.id, localityId: id, paidOn: '2024-03-01', fiscalYear: 2024, amountCents: 2_500_00n, postedAt: new Date() });
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it('answers one fiscal year of the fund, in money objects, with the reconciliation rows, as the schema says', async () => {
    const answer = await fundAnswer(db, slug, q('fy=2024'));
    expect(FundAnswerSchema.safeParse(answer).success).toBe(true);
    expect(answer.opening).toEqual({ fiscal_year: 2024, amount: { cents: '1000000', decimal: '10000.00' } });
    expect(answer.fund).toMatchObject({
      fiscal_year: 2024,
      beginning: { cents: '1000000', decimal: '10000.00' },
      received: { cents: '9001234', decimal: '90012.34' },
      received_settlements: { cents: '9000000', decimal: '90000.00' },
      interest: { cents: '1234', decimal: '12.34' },
      spent: { cents: '250000', decimal: '2500.00' },
      audit: { cents: '250000', decimal: '2500.00' },
      administration: { cents: '0', decimal: '0.00' },
      ending: { cents: '9751234', decimal: '97512.34' },
    });
    expect(answer.reconciliation.map((r) => [r.source.key, r.payment_year, r.expected?.decimal, r.received.decimal, r.status])).toEqual([
      ['distributors', 2023, '90000.00', '90000.00', 'received-in-full'],
      ['janssen', 2023, '5000.00', '0.00', 'overdue'],
    ]);
    // The next year begins with this one's ending.
    const next = await fundAnswer(db, slug, q('fy=2025'));
    expect(next.fund?.beginning).toEqual(answer.fund?.ending);
    // Without fy: the current fiscal year, which the fund always reaches.
    expect((await fundAnswer(db, slug, q(''))).fund).not.toBeNull();
  });

  it('a year before the fund begins has no fund; a bad fy is a 400 naming fy; an unknown locality a 404', async () => {
    expect((await fundAnswer(db, slug, q('fy=2020'))).fund).toBeNull();
    const bad = await apiErrorOf(fundAnswer(db, slug, q('fy=twenty')));
    expect([bad.status, bad.field]).toEqual([400, 'fy']);
    const unknown = await apiErrorOf(fundAnswer(db, 'no-such-place', q('fy=2024')));
    expect([unknown.status, unknown.field]).toEqual([404, 'slug']);
    const extra = await apiErrorOf(fundAnswer(db, slug, q('fiscal_year=2024')));
    expect([extra.status, extra.field]).toEqual([400, 'fiscal_year']);
  });

  it('downloads the fund years and the reconciliation as CSV, per locality and for all, and lists them in the data package', async () => {
    const years = await csvRows(db, slug, 'fund-years.csv');
    const current = Number(todayIso().slice(0, 4));
    expect(years.length).toBeGreaterThanOrEqual(current - 2024);
    expect(years[0]).toMatchObject({ locality: slug, fiscal_year: '2024', beginning: '10000.00', received: '90012.34', interest: '12.34', audit: '2500.00', ending: '97512.34' });
    expect(years[1]).toMatchObject({ fiscal_year: '2025', beginning: '97512.34', ending: '97512.34' });
    const all = await csvRows(db, 'all', 'fund-years.csv');
    expect(all.filter((r) => r.locality === slug)).toEqual(years);

    const reconciliation = await csvRows(db, slug, 'reconciliation.csv');
    expect(reconciliation.map((r) => [r.funding_source, r.payment_year, r.expected, r.received, r.difference, r.status, r.estimate_source])).toEqual([
      ['distributors', '2023', '90000.00', '90000.00', '0.00', 'received-in-full', 'BrownGreer estimate'],
      ['janssen', '2023', '5000.00', '0.00', '-5000.00', 'overdue', 'BrownGreer estimate'],
    ]);

    const names = dataPackage(null, new Date()).resources.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['fund-years', 'reconciliation']));
  });
});
