import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseMapArgument, previewImport } from './index';
import { csvBytes, fakeContext } from './testing';

const BOM = '\uFEFF';

describe('previewImport', () => {
  it('reads a real-looking semicolon CSV: BOM, CRLF, title, blank rows, quoted cells, totals', async () => {
    const text =
      `${BOM}Anytown County — opioid settlement spending plan\r\n` +
      '\r\n' +
      'FY;Project;Vendor;Categories;Budget;Spent to date;Settlement\r\n' +
      '2026;"Naloxone; kits for libraries";"Harm Reduction Coalition, Inc.";naloxone;$1,234.56;(0.00);Teva\r\n' +
      '2026;Recovery housing;Hope House;"moud:25;housing:75";12,000;13,500.50;Distributors\r\n' +
      '\r\n' +
      'Total;;;;$13,234.56;;\r\n';
    const result = await previewImport(csvBytes(text), 'plan.csv', undefined, fakeContext);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.headers).toEqual(['FY', 'Project', 'Vendor', 'Categories', 'Budget', 'Spent to date', 'Settlement']);
    expect(result.mapping).toEqual({
      FY: 'fiscal_year',
      Project: 'program',
      Vendor: 'recipient',
      Categories: 'category',
      Budget: 'amount',
      'Spent to date': 'spent',
      Settlement: 'source',
    });
    expect(result.preview.errors).toEqual([]);
    expect(result.preview.rows).toMatchObject([
      {
        row: 4,
        fiscalYear: 2026,
        program: 'Naloxone; kits for libraries',
        recipient: 'Harm Reduction Coalition, Inc.',
        splits: [{ categoryId: 3, shareBasisPoints: 10_000 }],
        amountCents: 123456n,
        spentCents: 0n,
        sourceId: 11,
      },
      {
        row: 5,
        splits: [
          { categoryId: 1, shareBasisPoints: 2500 },
          { categoryId: 2, shareBasisPoints: 7500 },
        ],
        amountCents: 1200000n,
        spentCents: 1350050n, // more than allocated: allowed
        sourceId: 10,
      },
    ]);
    expect(result.preview.skipped).toEqual([
      { row: 1, reason: 'above the header row (a title or note)' },
      { row: 2, reason: 'blank row' },
      { row: 6, reason: 'blank row' },
      { row: 7, reason: 'totals row ("Total"), not imported' },
    ]);
  });

  it('reads a workbook: a date as the fiscal year, a number amount and a formula result', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['Opioid settlement plan']);
    sheet.addRow(['Budget year starts', 'Program', 'Category', 'Amount allocated', 'Amount spent']);
    const first = sheet.addRow([new Date(Date.UTC(2025, 7, 1)), 'Mobile MOUD van', 'moud', 250000.1, null]);
    first.getCell(1).numFmt = 'mm/dd/yyyy';
    first.getCell(4).numFmt = '$#,##0.00';
    first.getCell(5).value = { formula: 'D3*0.4', result: 100000.04 };
    first.getCell(5).numFmt = '$#,##0.00';
    const total = sheet.addRow(['', 'Total', '', { formula: 'SUM(D3:D3)', result: 250000.1 }]);
    total.getCell(4).numFmt = '$#,##0.00';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const result = await previewImport(bytes, 'plan.xlsx', { 'Budget year starts': 'fiscal_year' }, fakeContext);
    expect(result).toMatchObject({
      ok: true,
      mapping: {
        'Budget year starts': 'fiscal_year',
        Program: 'program',
        Category: 'category',
        'Amount allocated': 'amount',
        'Amount spent': 'spent',
      },
      preview: {
        errors: [],
        rows: [{ row: 3, fiscalYear: 2026, program: 'Mobile MOUD van', amountCents: 25000010n, spentCents: 10000004n }],
        skipped: [
          { row: 1, reason: 'above the header row (a title or note)' },
          { row: 4, reason: 'totals row ("Total"), not imported' },
        ],
      },
    });
  });

  it('uses a --map argument, suggests the rest, and lets the user ignore a column', async () => {
    const text = 'Year,Line,Adopted,Category,Budget\n2026,Naloxone,500,naloxone,999\n';
    const map = parseMapArgument('line=program,Adopted=amount');
    expect(map.ok).toBe(true);
    if (!map.ok) return;
    const result = await previewImport(csvBytes(text), 'a.csv', { ...map.mapping, Budget: null }, fakeContext);
    expect(result).toMatchObject({
      ok: true,
      mapping: { Year: 'fiscal_year', Line: 'program', Adopted: 'amount', Category: 'category', Budget: null },
      preview: { errors: [], rows: [{ program: 'Naloxone', amountCents: 50000n }] },
    });
  });

  it('uses remembered mappings for columns the map leaves out', async () => {
    const text = 'Year,Line,Adopted,Category\n2026,Naloxone,500,naloxone\n';
    const result = await previewImport(csvBytes(text), 'a.csv', undefined, fakeContext, {
      remembered: { Line: 'program', Adopted: 'amount' },
    });
    expect(result).toMatchObject({ ok: true, preview: { errors: [], rows: [{ amountCents: 50000n }] } });
  });

  it('reports required fields missing from the mapping, with the columns the file has', async () => {
    const text = 'FY,Program,Adopted,Strategy\n2026,Naloxone,500,naloxone\n';
    expect(await previewImport(csvBytes(text), 'a.csv', undefined, fakeContext)).toEqual({
      ok: false,
      reason:
        'No column is mapped to the required field amount. The file\'s columns are "FY", "Program", "Adopted", ' +
        '"Strategy"; choose which one holds each.',
      headers: ['FY', 'Program', 'Adopted', 'Strategy'],
      mapping: { FY: 'fiscal_year', Program: 'program', Adopted: null, Strategy: 'category' },
    });
  });

  it('refuses a mapping that gives one field two columns', async () => {
    const text = 'FY,Program,Adopted,Budget,Category\n';
    expect(
      await previewImport(csvBytes(text), 'a.csv', { Adopted: 'amount', Budget: 'amount' }, fakeContext),
    ).toEqual({
      ok: false,
      reason: 'Both "Adopted" and "Budget" are mapped to amount; a field takes one column',
      headers: ['FY', 'Program', 'Adopted', 'Budget', 'Category'],
    });
  });

  it('passes on why a file could not be read or has no header', async () => {
    expect(await previewImport(new Uint8Array(), 'a.csv', undefined, fakeContext)).toEqual({
      ok: false,
      reason: 'The file is empty',
    });
    expect(await previewImport(csvBytes('a,b\n1,2\n'), 'a.csv', undefined, fakeContext)).toEqual({
      ok: false,
      reason:
        'No header row found: none of the first 2 rows has two or more column names Abate knows ' +
        '(like Fiscal year, Program, Amount, Category); map the columns by hand',
    });
  });
});
