import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { queryRows } from '@/lib/data/rows';
import { addAllocation } from '@/lib/equity/testing';
import { Forbidden } from '@/lib/errors';
import { cliActor } from './actor';
import { commitOutcomeImport, previewOutcomeImport } from './outcomes';
import { countRows, csv, realReport } from './testing';
import { useServiceFixture } from '../testing';
import { decideOutcome, submitOutcome } from '../outcomes/review';

/**
 * A county's quarterly program outcome report (lib/import/fixtures/real/county-program-outcomes-report.csv): title
 * rows, a blank row, headers as a health department writes them ("Outcome Measure", "Count", "Data Source"),
 * measures by their report names, US and ISO dates, "1,204", a free-form measure, a totals row.
 */
const FILE = 'county-program-outcomes-report.csv';
const report = realReport(FILE);

describeEachDriver('outcomes import', (driver) => {
  const { db, f } = useServiceFixture(driver);
  let naloxone: number;
  let housing: number;

  const count = (table: string) => countRows(db(), table);

  beforeAll(async () => {
    naloxone = await addAllocation(db(), { localityId: f.localityA, fiscalYear: 2025, amountCents: 100_000n, program: 'Naloxone distribution' });
    housing = await addAllocation(db(), { localityId: f.localityA, fiscalYear: 2025, amountCents: 200_000n, program: 'Recovery housing' });
    // Another locality's program of the same kind, and one only it has: neither is ever matched for locality A.
    await addAllocation(db(), { localityId: f.localityB, fiscalYear: 2025, amountCents: 50_000n, program: 'Naloxone distribution' });
    await addAllocation(db(), { localityId: f.localityB, fiscalYear: 2025, amountCents: 50_000n, program: 'Birch outreach' });
  });

  it('previews the report without a map: measures by their report names, title, blank and totals rows skipped', async () => {
    const preview = await previewOutcomeImport({ db: db(), actor: f.editorA }, { localityId: f.localityA, fileName: FILE, bytes: report });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.errors).toEqual([]);
    expect(preview.mapping).toEqual({
      Program: 'program',
      'Outcome Measure': 'measure',
      'Other Measure': 'measure_name',
      Unit: 'unit',
      'Period Start': 'period_start',
      'Period End': 'period_end',
      Count: 'units',
      'Data Source': 'source',
    });
    expect(preview.create.map((o) => [o.row, o.allocationId, o.measure, o.periodStart, o.periodEnd, o.units])).toEqual([
      [5, naloxone, 'naloxone_kits', '2024-07-01', '2024-09-30', 1204n],
      [6, naloxone, 'overdose_reversals', '2024-07-01', '2024-09-30', 37n],
      [7, naloxone, 'naloxone_kits', '2024-10-01', '2024-12-31', 980n],
      [8, housing, 'housing_placements', '2024-07-01', '2024-12-31', 14n],
      [9, housing, 'people_served', '2024-07-01', '2024-12-31', 52n],
      [10, housing, 'other', '2024-07-01', '2024-12-31', 0n],
    ]);
    expect(preview.create[5]).toMatchObject({ customMeasureName: 'Peer recovery sessions', unit: 'session' });
    expect(preview.skipped.map((row) => [row.row, row.reason])).toEqual([
      [1, 'above the header row (a title or note)'],
      [2, 'above the header row (a title or note)'],
      [3, 'blank row'],
      [11, 'blank row'],
      [12, 'totals row ("Total"), not imported'],
    ]);
    expect(await count('program_outcomes')).toBe(0);
  });

  it('records every outcome as a draft of the command line with one audit row each, and nothing twice on a re-import', async () => {
    const audit = await count('audit_log');
    const result = await commitOutcomeImport({ db: db(), actor: cliActor() }, { localityId: f.localityA, fileName: FILE, bytes: report });
    if (!result.ok) throw new Error(result.reason);
    expect(result.created).toBe(6);
    const stored = await queryRows<{ program: string; measure: string; units: string; status: string; createdBy: number | null; source: string }>(
      db(),
      sql`select a.program, o.measure::text as measure, o.units::text as units, o.status::text as status, o.created_by as "createdBy", o.source
          from program_outcomes o join allocations a on a.id = o.allocation_id where o.locality_id = ${f.localityA} order by o.id`,
    );
    expect(stored[0]).toEqual({
      program: 'Naloxone distribution',
      measure: 'naloxone_kits',
      units: '1204',
      status: 'draft',
      createdBy: null,
      source: 'Harbor Health Clinic quarterly report Q1',
    });
    expect(stored.every((row) => row.status === 'draft')).toBe(true);
    const rows = await queryRows<{ entity: string; reason: string }>(
      db(),
      sql`select entity, reason from audit_log order by id offset ${audit}`,
    );
    expect(rows.filter((row) => row.entity === 'program_outcome')).toHaveLength(6);
    expect(rows.filter((row) => row.entity === 'import')).toHaveLength(1);
    expect(rows[0]!.reason).toBe(`command-line import of ${FILE} (row 5)`);

    const again = await commitOutcomeImport({ db: db(), actor: f.editorA }, { localityId: f.localityA, fileName: FILE, bytes: report });
    if (!again.ok) throw new Error(again.reason);
    expect([again.created, again.alreadyImported]).toEqual([0, 6]);
    expect(await count('program_outcomes')).toBe(6);
  });

  it('leaves imported drafts to be submitted and decided like any other outcome', async () => {
    const [first] = await queryRows<{ id: number }>(db(), sql`select id from program_outcomes order by id limit 1`);
    const id = Number(first!.id);
    await submitOutcome({ db: db(), actor: f.editorA }, { id, version: 1 });
    await decideOutcome({ db: db(), actor: f.reviewerA }, { id, version: 2, decision: 'approve' });
    const [row] = await queryRows<{ status: string }>(db(), sql`select status::text as status from program_outcomes where id = ${id}`);
    expect(row!.status).toBe('approved');
  });

  it('says when a re-imported count differs from the one recorded, without recording it twice', async () => {
    const corrected = csv([
      'Program,Measure,Period Start,Period End,Units,Source',
      'Naloxone distribution,Naloxone kits distributed,7/1/2024,9/30/2024,"1,250",Harbor Health Clinic corrected report Q1',
    ]);
    const preview = await previewOutcomeImport({ db: db(), actor: cliActor() }, { localityId: f.localityA, fileName: 'corrected.csv', bytes: corrected });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.create).toEqual([]);
    expect(preview.skipped).toEqual([
      { row: 2, kind: 'already-imported', reason: expect.stringMatching(/^already imported \(outcome \d+, with 1204; the file now says 1250\)/) },
    ]);
  });

  it('names each bad row by row, column and reason, and imports nothing', async () => {
    const before = await count('program_outcomes');
    const audit = await count('audit_log');
    const bad = csv([
      'Program,Measure,Custom Measure,Unit,Start Date,End Date,Count,Source',
      'Birch outreach,People served,,,2025-01-01,2025-03-31,10,Report',
      'Naloxone distribution,Happiness,,,2025-01-01,2025-03-31,10,Report',
      'Naloxone distribution,People served,,,2025-01-01,2025-03-31,12.5,Report',
      'Recovery housing,People served,,,2025-01-01,2025-03-31,-3,Report',
      'Recovery housing,Other,,,2025-01-01,2025-03-31,4,Report',
      'Recovery housing,Housing placements,,beds,2025-04-31,2025-03-31,4,',
      'Recovery housing,Overdose reversals,,,2025-06-30,2025-04-01,4,Report',
      'Naloxone distribution,Naloxone kits,,,2025-01-01,2025-03-31,40,Report',
      'Naloxone distribution,Naloxone kits distributed,,,2025-01-01,2025-03-31,41,Report',
    ]);
    const result = await commitOutcomeImport({ db: db(), actor: f.editorA }, { localityId: f.localityA, fileName: 'bad.csv', bytes: bad });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.row, error.column, error.reason])).toEqual([
      [2, 'Program', expect.stringMatching(/^no allocation line of this locality is named "Birch outreach"/)],
      [3, 'Measure', expect.stringMatching(/^"Happiness" is not a measure; write one of People served, /)],
      [4, 'Count', '"12.5" is not a count; write a whole number of 0 or more, without decimals'],
      [5, 'Count', '"-3" is not a count; write a whole number of 0 or more, without decimals'],
      [6, 'Custom Measure', 'custom measure name is missing'],
      [6, 'Unit', 'unit is missing'],
      [7, 'Unit', expect.stringMatching(/^"Housing placements" has its own name and unit/)],
      [7, 'Start Date', '"2025-04-31" is not a valid date (there is no such day)'],
      [7, 'Source', 'source is missing'],
      [8, 'End Date', 'the period ends (2025-04-01) before it starts (2025-06-30)'],
      [10, 'Measure', 'row 9 already counts this measure of "Naloxone distribution" for 2025-01-01 to 2025-03-31'],
    ]);
    expect(result.reason).toMatch(/^8 rows have problems; nothing was imported/);
    expect(await count('program_outcomes')).toBe(before);
    expect(await count('audit_log')).toBe(audit);
  });

  it('imports a workbook: date cells and numeric counts, a decimal count refused', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Q3 FY2026');
    sheet.addRow(['Program', 'Measure', 'Period Start', 'Period End', 'Count', 'Source']);
    const row = sheet.addRow(['Recovery housing', 'People served', new Date(Date.UTC(2025, 6, 1)), new Date(Date.UTC(2025, 8, 30)), 1204, 'Workbook report']);
    row.getCell(3).numFmt = 'm/d/yyyy';
    row.getCell(4).numFmt = 'm/d/yyyy';
    row.getCell(5).numFmt = '#,##0';
    const good = new Uint8Array(await workbook.xlsx.writeBuffer());
    sheet.addRow(['Naloxone distribution', 'Naloxone kits', new Date(Date.UTC(2025, 6, 1)), new Date(Date.UTC(2025, 8, 30)), 12.5, 'Workbook report']);
    const bad = new Uint8Array(await workbook.xlsx.writeBuffer());

    const refused = await commitOutcomeImport({ db: db(), actor: cliActor() }, { localityId: f.localityA, fileName: 'q3.xlsx', bytes: bad });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.errors.map((error) => [error.row, error.column, error.value])).toEqual([[3, 'Count', '12.5']]);

    const result = await commitOutcomeImport({ db: db(), actor: cliActor() }, { localityId: f.localityA, fileName: 'q3.xlsx', bytes: good });
    if (!result.ok) throw new Error(result.reason);
    expect(result.create.map((o) => [o.allocationId, o.measure, o.periodStart, o.periodEnd, o.units])).toEqual([
      [housing, 'people_served', '2025-07-01', '2025-09-30', 1204n],
    ]);
  });

  it('is for the locality’s editors and the command line only', async () => {
    const input = { localityId: f.localityA, fileName: FILE, bytes: report };
    await expect(previewOutcomeImport({ db: db(), actor: f.reviewerA }, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(commitOutcomeImport({ db: db(), actor: f.editorB }, input)).rejects.toBeInstanceOf(Forbidden);
  });
});
