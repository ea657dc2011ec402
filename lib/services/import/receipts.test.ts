import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import type { Actor } from '@/lib/auth/authorize';
import { queryRows } from '@/lib/data/rows';
import { Forbidden } from '@/lib/errors';
import { cliActor } from './actor';
import { commitReceiptImport, previewReceiptImport } from './receipts';
import { addMember, countRows, createImportDatabase, csv, realReport } from './testing';

/**
 * A county's receipts ledger as published (lib/import/fixtures/real/county-receipts-ledger.csv): title rows, US
 * dates, settlement names the way ledgers write them ("Distributors", "Janssen (Johnson & Johnson)", "J & J",
 * "Interest earned"), "$12,345.67", a Pending row (money not yet received) and a totals row. Imported with no map.
 */
const LEDGER = 'county-receipts-ledger.csv';
const ledger = realReport(LEDGER);

describeEachDriver('receipts import', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let millId: number;
  let otherId: number;
  let editor: Actor;
  let reviewer: Actor;

  async function receiptsOf(localityId: number) {
    return queryRows<{ key: string; fiscalYear: number; paymentYear: number | null; cents: string; note: string }>(
      db,
      sql`select s.key, r.fiscal_year as "fiscalYear", r.payment_year as "paymentYear", r.amount_cents::text as cents, r.note
          from receipts r join funding_sources s on s.id = r.source_id
          where r.locality_id = ${localityId} and r.deleted_at is null order by r.received_on, r.id`,
    );
  }
  const count = (table: string, localityId: number) => countRows(db, table, sql`locality_id = ${localityId}`);

  beforeAll(async () => {
    ({ database, db, localityIds: [millId, otherId] } = await createImportDatabase(driver, [
      { slug: 'mill-county', name: 'Mill Test County', kind: 'county', stateCode: 'ZZ', fyStartMonth: 7 },
      { slug: 'other-county', name: 'Other Test County', kind: 'county', stateCode: 'ZZ', fyStartMonth: 1 },
    ]));
    editor = await addMember(db, 'editor@mill.test', 'Ed', millId, 'editor');
    reviewer = await addMember(db, 'reviewer@mill.test', 'Rae', millId, 'reviewer');
  });
  afterAll(() => database?.drop());

  it('previews the ledger without a map: sources by the names ledgers use, the pending and totals rows skipped', async () => {
    const preview = await previewReceiptImport({ db, actor: editor }, { localityId: millId, fileName: LEDGER, bytes: ledger });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.errors).toEqual([]);
    expect(preview.mapping).toEqual({
      Date: 'received_on',
      Settlement: 'source',
      'Payment Year': 'payment_year',
      Amount: 'amount',
      Status: 'status',
    });
    expect(preview.create.map((receipt) => [receipt.row, receipt.sourceName.split(' ')[0]])).toEqual([
      [6, 'Distributors'],
      [7, 'Johnson'],
      [8, 'Teva'],
      [9, 'Interest'],
      [10, 'Distributors'],
      [11, 'Johnson'],
      [12, 'Interest'],
    ]);
    expect(preview.skipped.map((row) => [row.row, row.reason])).toEqual([
      [1, 'above the header row (a title or note)'],
      [2, 'above the header row (a title or note)'],
      [3, 'above the header row (a title or note)'],
      [4, 'blank row'],
      [13, 'not yet received (status "Pending"), not imported'],
      [14, 'blank row'],
      [15, 'totals row ("Total"), not imported'],
    ]);
    expect(preview.totals.amountCents).toBe(4_654_660n);
    expect(await count('receipts', millId)).toBe(0);
  });

  it('imports the ledger to the cent, fiscal years from the dates, payment years kept, one audit row per receipt', async () => {
    const result = await commitReceiptImport({ db, actor: editor }, { localityId: millId, fileName: LEDGER, bytes: ledger });
    if (!result.ok) throw new Error(result.reason);
    expect(result.created).toBe(7);
    expect(await receiptsOf(millId)).toEqual([
      { key: 'distributors', fiscalYear: 2023, paymentYear: 2022, cents: '1234567', note: '' },
      { key: 'janssen', fiscalYear: 2023, paymentYear: 2022, cents: '891011', note: '' },
      { key: 'teva', fiscalYear: 2023, paymentYear: 2023, cents: '345678', note: '' },
      { key: 'interest-earned', fiscalYear: 2023, paymentYear: null, cents: '12345', note: '' },
      { key: 'distributors', fiscalYear: 2024, paymentYear: 2023, cents: '1250000', note: '' },
      { key: 'janssen', fiscalYear: 2024, paymentYear: 2023, cents: '900050', note: '' },
      { key: 'interest-earned', fiscalYear: 2024, paymentYear: null, cents: '21009', note: '' },
    ]);
    const [sum] = await queryRows<{ total: string }>(db, sql`select sum(amount_cents)::text as total from receipts where locality_id = ${millId}`);
    expect(sum!.total).toBe('4654660');
    const audit = await queryRows<{ entity: string; n: number }>(
      db,
      sql`select entity, count(*)::int as n from audit_log where locality_id = ${millId} group by entity order by entity`,
    );
    expect(audit).toEqual([
      { entity: 'import', n: 1 },
      { entity: 'receipt', n: 7 },
    ]);
  });

  it('re-importing the same ledger creates no duplicates and says each row was already imported', async () => {
    const result = await commitReceiptImport({ db, actor: editor }, { localityId: millId, fileName: LEDGER, bytes: ledger });
    if (!result.ok) throw new Error(result.reason);
    expect(result.created).toBe(0);
    expect(result.alreadyImported).toBe(7);
    expect(await count('receipts', millId)).toBe(7);
  });

  it('names every bad row (unknown settlement with the closest names, a date that is not a date, "Year 3", a year before the settlement paid) and imports none', async () => {
    const bytes = csv([
      'Date,Settlement,Payment Year,Amount',
      '3/1/2025,Teva,2025,"$1,000.00"',
      '3/2/2025,Distributers,2025,$500.00',
      'sometime in March,Teva,2025,$20.00',
      '3/4/2025,Walgreens,Year 3,$30.00',
      '3/5/2025,Kroger,2025,$0.00',
      '3/6/2025,Teva,2019,$40.00',
    ]);
    const before = await count('receipts', millId);
    const result = await commitReceiptImport({ db, actor: editor }, { localityId: millId, fileName: 'bad.csv', bytes });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('5 rows have problems; nothing was imported. Fix them in the file and import it again.');
    expect(result.errors).toEqual([
      {
        row: 3,
        column: 'Settlement',
        value: 'Distributers',
        reason: expect.stringMatching(/^unknown settlement or funding source "Distributers"; the closest are "Distributors settlement \(McKesson, Cardinal Health, AmerisourceBergen\)"/),
      },
      { row: 4, column: 'Date', value: 'sometime in March', reason: '"sometime in March" is not a date; write it like 2024-07-15 or 7/15/2024' },
      {
        row: 5,
        column: 'Payment Year',
        value: 'Year 3',
        reason: '"Year 3" is not a payment year; write the 4-digit year of the settlement payment, like 2024 (installment numbers such as "Year 3" are not read)',
      },
      { row: 6, column: 'Amount', value: '$0.00', reason: 'the amount received cannot be zero' },
      { row: 7, column: 'Payment Year', value: '2019', reason: 'Teva settlement pays from 2023 through 2035; 2019 is before its first payment year.' },
    ]);
    expect(await count('receipts', millId)).toBe(before);
  });

  it('an Interest column of yes records interest earned, keeping the settlement it was earned on in the note', async () => {
    const bytes = csv(['Deposit Date,Payer,Amount,Interest', '2025-02-28,Distributors,$45.10,Yes', '2025-03-31,Teva,$99.99,no']);
    const result = await commitReceiptImport({ db, actor: cliActor() }, { localityId: otherId, fileName: 'interest.csv', bytes });
    if (!result.ok) throw new Error(result.reason);
    expect(await receiptsOf(otherId)).toEqual([
      { key: 'interest-earned', fiscalYear: 2025, paymentYear: null, cents: '4510', note: 'Interest earned on Distributors' },
      { key: 'teva', fiscalYear: 2025, paymentYear: null, cents: '9999', note: '' },
    ]);
  });

  it('a reviewer may not import receipts (money.write), and nothing is written', async () => {
    await expect(previewReceiptImport({ db, actor: reviewer }, { localityId: millId, fileName: LEDGER, bytes: ledger })).rejects.toBeInstanceOf(Forbidden);
    await expect(commitReceiptImport({ db, actor: reviewer }, { localityId: millId, fileName: LEDGER, bytes: ledger })).rejects.toBeInstanceOf(Forbidden);
  });
});
