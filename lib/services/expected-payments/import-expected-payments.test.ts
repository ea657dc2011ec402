import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { getReconciliation } from '@/lib/data/reconciliation';
import { queryRows } from '@/lib/data/rows';
import { Forbidden } from '@/lib/errors';
import { cliActor } from '../import/actor';
import { countRows, csv, realReport } from '../import/testing';
import { useServiceFixture } from '../testing';
import { commitExpectedPaymentImport, previewExpectedPaymentImport } from './import-expected-payments';

/**
 * A settlement administrator's estimate sheet (lib/import/fixtures/real/settlement-payment-estimates.csv): title
 * rows, a Payer column beside the Settlement, "$12,345.67", US dates, names as administrators write them
 * ("Janssen (Johnson & Johnson)", "J&J"), a totals row, and no Source column: the source is given for the file.
 */
const FILE = 'settlement-payment-estimates.csv';
const sheet = realReport(FILE);
const SOURCE = 'BrownGreer allocation estimate, 2024-11-15';

describeEachDriver('expected payments import', (driver) => {
  const { db, f } = useServiceFixture(driver);

  async function stored() {
    return queryRows<{ key: string; year: number; cents: string; expectedOn: string | null; estimatedOn: string; source: string }>(
      db(),
      sql`select s.key, e.payment_year::int as year, e.amount_cents::text as cents, e.expected_on::text as "expectedOn",
            e.estimated_on::text as "estimatedOn", e.estimate_source as source
          from expected_payments e join funding_sources s on s.id = e.source_id
          where e.locality_id = ${f.localityA} order by e.id`,
    );
  }
  const count = (table: string) => countRows(db(), table);

  it('asks where the estimates come from when the file has no Source column and none was given', async () => {
    const preview = await previewExpectedPaymentImport({ db: db(), actor: f.editorA }, { localityId: f.localityA, fileName: FILE, bytes: sheet });
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.reason).toMatch(/no Source column, and no estimate source was given.*--estimate-source/);
  });

  it('previews the sheet without a map: settlements by the names administrators use, title and totals rows skipped', async () => {
    const preview = await previewExpectedPaymentImport({ db: db(), actor: f.editorA }, { localityId: f.localityA, fileName: FILE, bytes: sheet, estimateSource: SOURCE });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.errors).toEqual([]);
    expect(preview.mapping).toEqual({
      Settlement: 'settlement',
      Payer: null,
      'Payment Year': 'payment_year',
      'Estimated Payment': 'amount',
      'Expected Date': 'expected_on',
      'Estimate Date': 'estimated_on',
    });
    expect(preview.create.map((row) => [row.row, row.sourceName.split(' ')[0], row.paymentYear, row.amountCents])).toEqual([
      [5, 'Distributors', 2025, 1234567n],
      [6, 'Distributors', 2026, 1250110n],
      [7, 'Johnson', 2025, 891011n],
      [8, 'Johnson', 2026, 900000n],
      [9, 'Teva', 2025, 345678n],
      [10, 'Teva', 2026, 0n],
    ]);
    expect(preview.skipped.map((row) => [row.row, row.reason])).toEqual([
      [1, 'above the header row (a title or note)'],
      [2, 'above the header row (a title or note)'],
      [3, 'blank row'],
      [11, 'blank row'],
      [12, 'totals row ("Total"), not imported'],
    ]);
    expect(preview.totals.amountCents).toBe(4_621_366n);
    expect(await count('expected_payments')).toBe(0);
  });

  it('records every estimate to the cent with one audit row each, and nothing twice on a re-import', async () => {
    const input = { localityId: f.localityA, fileName: FILE, bytes: sheet, estimateSource: SOURCE };
    const audit = await count('audit_log');
    const result = await commitExpectedPaymentImport({ db: db(), actor: f.editorA }, { ...input, expectedRowCount: 6 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.created).toBe(6);
    expect((await stored()).slice(0, 3)).toEqual([
      { key: 'distributors', year: 2025, cents: '1234567', expectedOn: '2025-07-15', estimatedOn: '2024-11-15', source: SOURCE },
      { key: 'distributors', year: 2026, cents: '1250110', expectedOn: '2026-07-15', estimatedOn: '2024-11-15', source: SOURCE },
      { key: 'janssen', year: 2025, cents: '891011', expectedOn: null, estimatedOn: '2024-11-15', source: SOURCE },
    ]);
    expect(await count('audit_log')).toBe(audit + 6 + 1);

    const again = await commitExpectedPaymentImport({ db: db(), actor: f.editorA }, input);
    if (!again.ok) throw new Error(again.reason);
    expect([again.created, again.alreadyImported]).toEqual([0, 6]);
    expect(await count('expected_payments')).toBe(6);
  });

  it('takes a later estimate of the same year as a new revision, which the reconciliation then uses', async () => {
    const revision = csv([
      'Settlement,Payment Year,Allocation,Expected Date,Estimate Date,Source',
      'Distributors,2025,"$12,400.00",7/15/2025,2025-03-01,"BrownGreer allocation estimate, 2025-03-01"',
    ]);
    const result = await commitExpectedPaymentImport({ db: db(), actor: cliActor() }, { localityId: f.localityA, fileName: 'revision.csv', bytes: revision });
    if (!result.ok) throw new Error(result.reason);
    expect(result.created).toBe(1);
    expect(await count('expected_payments')).toBe(7);
    const rows = await getReconciliation(db(), { localityId: f.localityA, asOf: '2025-06-01' });
    expect(rows.find((row) => row.sourceKey === 'distributors' && row.paymentYear === 2025)).toMatchObject({
      expectedCents: 1_240_000n,
      receivedCents: 0n,
      status: 'not-yet-due',
      estimate: { estimatedOn: '2025-03-01', source: 'BrownGreer allocation estimate, 2025-03-01' },
    });
  });

  it('names each bad row by row, column and reason, and imports nothing', async () => {
    const before = await count('expected_payments');
    const bad = csv([
      'Payer,Payment Year,Estimated Payment,Expected Date,Estimate Date',
      'Acme Pharma,2025,$10.00,,2024-11-15',
      'Teva,2022,$10.00,,2024-11-15',
      'Janssen,2031,$10.00,,2024-11-15',
      'Distributors,2025,-$10.00,,2024-11-15',
      'Interest earned,2025,$10.00,,2024-11-15',
      'Distributors,Year 3,$10.00,2025-02-30,2024-11-15',
      'Distributors,2027,$10.00,,',
    ]);
    const input = { localityId: f.localityA, fileName: 'bad.csv', bytes: bad, estimateSource: 'Hand-typed' };
    const result = await commitExpectedPaymentImport({ db: db(), actor: f.editorA }, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.row, error.column, error.reason])).toEqual([
      [2, 'Payer', expect.stringMatching(/^unknown settlement or funding source "Acme Pharma"/)],
      [3, 'Payment Year', expect.stringMatching(/^Teva .*pays from 2023 through 2035; 2022 is before its first payment year/)],
      [4, 'Payment Year', expect.stringMatching(/through 2030; 2031 is after its last payment year/)],
      [5, 'Estimated Payment', 'an expected amount cannot be negative'],
      [6, 'Payer', expect.stringMatching(/^Interest earned .* is not a settlement; expected payments are for settlements only/)],
      [7, 'Payment Year', expect.stringMatching(/^"Year 3" is not a payment year/)],
      [7, 'Expected Date', expect.any(String)],
      [8, 'Estimate Date', 'estimate date is missing'],
    ]);
    expect(result.reason).toMatch(/^7 rows have problems; nothing was imported/);
    expect(await count('expected_payments')).toBe(before);
  });

  it('is for the locality’s editors and the command line only', async () => {
    const input = { localityId: f.localityA, fileName: FILE, bytes: sheet, estimateSource: SOURCE };
    await expect(previewExpectedPaymentImport({ db: db(), actor: f.reviewerA }, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(commitExpectedPaymentImport({ db: db(), actor: f.editorB }, input)).rejects.toBeInstanceOf(Forbidden);
  });
});
