import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import type { Actor } from '@/lib/auth/authorize';
import { queryRows } from '@/lib/data/rows';
import { cliActor } from './actor';
import { commitAllocationImport } from './allocations';
import { commitExpenditureImport, previewExpenditureImport } from './expenditures';
import { addMember, countRows, createImportDatabase, csv, realReport, TODAY } from './testing';

/**
 * A city's expenditures report as published (lib/import/fixtures/real/city-expenditures-report.csv): title rows,
 * Date | Program | Vendor | Amount | Description, a refund in parentheses, a payment to "Springfield Police
 * Department" and a totals row. Imported with no map against the city's allocation lines.
 */
const REPORT = 'city-expenditures-report.csv';
const report = realReport(REPORT);

describeEachDriver('expenditures import', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let cityId: number;
  let editor: Actor;

  const count = (table: string) => countRows(db, table, sql`locality_id = ${cityId}`);

  beforeAll(async () => {
    ({ database, db, localityIds: [cityId] } = await createImportDatabase(driver, [
      { slug: 'springfield', name: 'Springfield Test City', kind: 'city', stateCode: 'ZZ', fyStartMonth: 7 },
    ]));
    editor = await addMember(db, 'editor@springfield.test', 'Ed', cityId, 'editor');
    // The lines the payments are made from, recorded the way the city would: by its own allocation import, approved
    // (payments are recorded only against approved lines).
    const lines = csv([
      'Fiscal Year,Program,Recipient,Category,Amount,Status',
      '2025,Naloxone distribution,Harbor Health Clinic,naloxone,"$10,000.00",Approved',
      '2025,Co-responder pilot,,Other / not yet classified,"$40,000.00",Approved',
      '2025,Recovery housing,,recovery-housing,"$20,000.00",Approved',
    ]);
    const allocated = await commitAllocationImport({ db, actor: cliActor() }, { localityId: cityId, fileName: 'lines.csv', bytes: lines, today: TODAY });
    if (!allocated.ok) throw new Error(`${allocated.reason} ${JSON.stringify(allocated.errors)}`);
  });
  afterAll(() => database?.drop());

  it('previews the report without a map: each payment against its line, the police payee typed from its name', async () => {
    const preview = await previewExpenditureImport({ db, actor: editor }, { localityId: cityId, fileName: REPORT, bytes: report });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.errors).toEqual([]);
    expect(preview.mapping).toEqual({ Date: 'paid_on', Program: 'program', Vendor: 'recipient', Amount: 'amount', Description: 'description' });
    expect(preview.create.map((payment) => [payment.row, payment.allocationLabel, payment.amountCents])).toEqual([
      [4, 'Naloxone distribution (FY2025)', 425_000n],
      [5, 'Co-responder pilot (FY2025)', 1_800_000n],
      [6, 'Recovery housing (FY2025)', 987_540n],
      [7, 'Naloxone distribution (FY2025)', 61_218n],
      [8, 'Recovery housing (FY2025)', -25_000n],
    ]);
    expect(preview.newRecipients).toEqual([
      { name: 'Springfield Police Department', type: 'law_enforcement', row: 5, typeFromName: true },
      { name: 'Bright Path Recovery Homes', type: 'other', row: 6, typeFromName: false },
    ]);
    expect(preview.notes).toContain(
      'New recipient "Springfield Police Department" (row 5) is recorded as law enforcement from its name: a criminal-legal-system recipient.',
    );
    expect(preview.skipped.map((row) => row.row)).toEqual([1, 2, 9, 10]);
    expect(preview.totals.amountCents).toBe(3_248_758n);
    expect(await count('expenditures')).toBe(0);
  });

  it('imports the report to the cent, with who was paid and one audit row per payment', async () => {
    const result = await commitExpenditureImport({ db, actor: editor }, { localityId: cityId, fileName: REPORT, bytes: report });
    if (!result.ok) throw new Error(result.reason);
    expect(result.created).toBe(5);
    expect(result.recipientsCreated).toBe(2);
    const rows = await queryRows<{ program: string; fiscalYear: number; cents: string; payee: string; type: string; description: string }>(
      db,
      sql`select a.program, x.fiscal_year as "fiscalYear", x.amount_cents::text as cents, r.name as payee, r.type::text as type, x.description
          from expenditures x join allocations a on a.id = x.allocation_id join recipients r on r.id = x.recipient_id
          where x.locality_id = ${cityId} order by x.paid_on`,
    );
    expect(rows).toEqual([
      { program: 'Naloxone distribution', fiscalYear: 2025, cents: '425000', payee: 'Harbor Health Clinic', type: 'other', description: 'Naloxone kits (500)' },
      { program: 'Co-responder pilot', fiscalYear: 2025, cents: '1800000', payee: 'Springfield Police Department', type: 'law_enforcement', description: 'Co-responder officer overtime Q1' },
      { program: 'Recovery housing', fiscalYear: 2025, cents: '987540', payee: 'Bright Path Recovery Homes', type: 'other', description: 'Beds for three months' },
      { program: 'Naloxone distribution', fiscalYear: 2025, cents: '61218', payee: 'Harbor Health Clinic', type: 'other', description: 'Training sessions' },
      { program: 'Recovery housing', fiscalYear: 2025, cents: '-25000', payee: 'Bright Path Recovery Homes', type: 'other', description: 'Refund of unused deposit' },
    ]);
    const [sum] = await queryRows<{ total: string }>(db, sql`select sum(amount_cents)::text as total from expenditures where locality_id = ${cityId}`);
    expect(sum!.total).toBe('3248758');
    const audit = await queryRows<{ entity: string; n: number }>(
      db,
      sql`select entity, count(*)::int as n from audit_log where locality_id = ${cityId} and reason like 'spreadsheet import%' group by entity order by entity`,
    );
    expect(audit).toEqual([
      { entity: 'expenditure', n: 5 },
      { entity: 'import', n: 1 },
      { entity: 'recipient', n: 2 },
    ]);
  });

  it('re-importing the same report creates no duplicate payments or recipients', async () => {
    const result = await commitExpenditureImport({ db, actor: editor }, { localityId: cityId, fileName: REPORT, bytes: report });
    if (!result.ok) throw new Error(result.reason);
    expect([result.created, result.alreadyImported, result.recipientsCreated]).toEqual([0, 5, 0]);
    expect(await count('expenditures')).toBe(5);
    expect(await count('recipients')).toBe(3);
  });

  it('names a program that does not exist (with the closest names) and a date that is not a date, and imports none', async () => {
    const bytes = csv([
      'Date,Program,Vendor,Amount',
      '2/1/2025,Naloxone distribution,Harbor Health Clinic,$100.00',
      '2/2/2025,Mobile outreach van,Harbor Health Clinic,$200.00',
      '2/30/2025,Recovery housing,Bright Path Recovery Homes,$300.00',
      'soon,Recovery housing,Bright Path Recovery Homes,$400.00',
    ]);
    const result = await commitExpenditureImport({ db, actor: editor }, { localityId: cityId, fileName: 'bad.csv', bytes });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        row: 3,
        column: 'Program',
        value: 'Mobile outreach van',
        reason: expect.stringMatching(/^no allocation line of this locality is named "Mobile outreach van"; the closest are "/),
      },
      { row: 4, column: 'Date', value: '2/30/2025', reason: '"2/30/2025" is not a valid date (there is no such day)' },
      { row: 5, column: 'Date', value: 'soon', reason: '"soon" is not a date; write it like 2024-07-15 or 7/15/2024' },
    ]);
    expect(await count('expenditures')).toBe(5);
  });

  it('a program with lines of two fiscal years needs a fiscal year column, and the error lists the years', async () => {
    const nextYear = csv(['Fiscal Year,Program,Category,Amount,Status', '2026,Recovery housing,recovery-housing,"$25,000.00",Approved']);
    const added = await commitAllocationImport({ db, actor: cliActor() }, { localityId: cityId, fileName: 'fy26.csv', bytes: nextYear, today: TODAY });
    if (!added.ok) throw new Error(added.reason);

    const withoutYear = csv(['Date,Program,Amount', '8/1/2025,Recovery housing,$700.00']);
    const refused = await previewExpenditureImport({ db, actor: editor }, { localityId: cityId, fileName: 'no-year.csv', bytes: withoutYear });
    if (!refused.ok) throw new Error(refused.reason);
    expect(refused.errors).toEqual([
      {
        row: 2,
        column: 'Program',
        value: 'Recovery housing',
        reason: '"Recovery housing" names allocation lines of 2 fiscal years (FY2025, FY2026); add a fiscal year column saying which line each payment is from',
      },
    ]);

    const withYear = csv(['Date,Program,FY,Amount', '8/1/2025,Recovery housing,FY2026,$700.00', '8/2/2025,Recovery housing,2024-25,$1.00']);
    const result = await commitExpenditureImport({ db, actor: editor }, { localityId: cityId, fileName: 'with-year.csv', bytes: withYear });
    if (!result.ok) throw new Error(`${result.reason} ${JSON.stringify(result.errors)}`);
    expect(result.createdExpenditures.map((payment) => [payment.allocationLabel, payment.fiscalYear])).toEqual([
      ['Recovery housing (FY2026)', 2026],
      ['Recovery housing (FY2025)', 2026],
    ]);
  });
});
