import { describe, expect, it } from 'vitest';
import { columnIndexes, findHeader, isTotalsLabel, locateHeader, locateTable } from './locate-table';

const HEADER = ['Fiscal year', 'Program', 'Category', 'Amount'];

describe('locateHeader', () => {
  it('takes the first row when it is the header', () => {
    expect(locateHeader([HEADER, ['2026', 'A', 'moud', '1']])).toEqual({
      ok: true,
      headerRowIndex: 0,
      headers: HEADER,
    });
  });

  it('skips title rows above the header', () => {
    const rows = [
      ['Anytown County'],
      ['Opioid settlement plan, adopted 2025-06-10'],
      [''],
      [' Fiscal year ', 'Program'],
      ['2026', 'A'],
    ];
    expect(locateHeader(rows)).toEqual({ ok: true, headerRowIndex: 3, headers: ['Fiscal year', 'Program'] });
  });

  it('does not take a title that mentions one field name', () => {
    const rows = [['Budget', 'FY2026 plan'], ['FY', 'Project', 'Budget']];
    expect(locateHeader(rows)).toMatchObject({ ok: true, headerRowIndex: 1 });
  });

  it('uses remembered headers', () => {
    const rows = [['Adopted', 'Line']];
    expect(locateHeader(rows, { remembered: { Adopted: 'amount', Line: 'program' } })).toMatchObject({
      ok: true,
      headerRowIndex: 0,
    });
  });

  it('with a user map, finds the row holding all mapped headers', () => {
    const rows = [['Adopted budget 2026'], ['Adopted', 'Line', 'Year'], ['1', 'A', '2026']];
    expect(locateHeader(rows, { mapping: { Adopted: 'amount', Line: 'program', Other: null } })).toEqual({
      ok: true,
      headerRowIndex: 1,
      headers: ['Adopted', 'Line', 'Year'],
    });
  });

  it('with a user map, names the mapped headers it cannot find', () => {
    const rows = [['Adopted', 'Line'], ['1', 'A']];
    expect(locateHeader(rows, { mapping: { Adopted: 'amount', Lines: 'program' } })).toEqual({
      ok: false,
      reason: 'The mapped column(s) "Lines" are not in the header row (row 1)',
    });
    expect(locateHeader(rows, { mapping: { Budget: 'amount' } })).toEqual({
      ok: false,
      reason: 'No row in the first 2 rows has the mapped columns "Budget"',
    });
  });

  it('says so when no header row is found', () => {
    expect(locateHeader([['a', 'b'], ['1', '2']])).toEqual({
      ok: false,
      reason:
        'No header row found: none of the first 2 rows has two or more column names Abate knows ' +
        '(like Fiscal year, Program, Amount, Category); map the columns by hand',
    });
  });
});

describe('locateTable', () => {
  it('reports title rows and blank rows above and inside the table as skipped', () => {
    const rows = [
      ['Anytown County opioid settlement'],
      [''],
      HEADER,
      ['2026', 'Naloxone', 'naloxone', '1,000'],
      ['', '', '', ''],
      ['2026', 'Housing', 'housing', '2,000'],
    ];
    const table = locateTable(rows);
    expect(table).toEqual({
      ok: true,
      headerRowIndex: 2,
      headers: HEADER,
      dataRows: [
        { row: 4, cells: ['2026', 'Naloxone', 'naloxone', '1,000'] },
        { row: 6, cells: ['2026', 'Housing', 'housing', '2,000'] },
      ],
      skipped: [
        { row: 1, reason: 'above the header row (a title or note)' },
        { row: 2, reason: 'blank row' },
        { row: 5, reason: 'blank row' },
      ],
    });
  });

  it.each([
    [['', 'Total', '', '3,000'], 'totals row ("Total"), not imported'],
    [['Grand total', '', '', '3,000'], 'totals row ("Grand total"), not imported'],
    [['2026', 'Totals:', '', '$3,000.00'], 'totals row ("Totals:"), not imported'],
    [['', 'Total FY2026 allocations', '', '3,000'], 'totals row ("Total FY2026 allocations"), not imported'],
    [['SUM', '', '', '3000'], 'totals row ("SUM"), not imported'],
    [['', '', '', '3,000'], 'totals row (an amount with no program, fiscal year or category), not imported'],
  ])('skips a totals row at the bottom: %j', (totals, reason) => {
    const rows = [HEADER, ['2026', 'Naloxone', 'naloxone', '1,000'], ['2026', 'Housing', 'housing', '2,000'], totals];
    const table = locateTable(rows);
    expect(table.ok && table.dataRows.map((row) => row.row)).toEqual([2, 3]);
    expect(table.ok && table.skipped).toEqual([{ row: 4, reason }]);
  });

  it('skips subtotal rows inside the table and a grand total under a blank row', () => {
    const rows = [
      HEADER,
      ['2026', 'Naloxone', 'naloxone', '1,000'],
      ['', 'Subtotal', '', '1,000'],
      ['2026', 'Housing', 'housing', '2,000'],
      [''],
      ['Grand total', '', '', '3,000'],
    ];
    const table = locateTable(rows);
    expect(table.ok && table.dataRows.map((row) => row.row)).toEqual([2, 4]);
    expect(table.ok && table.skipped).toEqual([
      { row: 3, reason: 'totals row ("Subtotal"), not imported' },
      { row: 5, reason: 'blank row' },
      { row: 6, reason: 'totals row ("Grand total"), not imported' },
    ]);
  });

  it('keeps a real last line whose program starts with "Total"', () => {
    const rows = [HEADER, ['2026', 'Total Care Recovery Services', 'moud', '5,000']];
    const table = locateTable(rows);
    expect(table.ok && table.dataRows).toEqual([{ row: 2, cells: rows[1] }]);
    expect(table.ok && table.skipped).toEqual([]);
  });

  it('keeps a last line that only lacks its program, so its error is reported', () => {
    const rows = [HEADER, ['2026', '', 'moud', '5,000']];
    const table = locateTable(rows);
    expect(table.ok && table.dataRows.length).toBe(1);
  });

  it('skips rows that have text only in columns not being imported', () => {
    const rows = [[...HEADER, 'Notes'], ['2026', 'A', 'moud', '1'], ['', '', '', '', 'call the vendor']];
    const mapping = {
      'Fiscal year': 'fiscal_year',
      Program: 'program',
      Category: 'category',
      Amount: 'amount',
      Notes: null,
    } as const;
    const table = locateTable(rows, { mapping });
    expect(table.ok && table.skipped).toEqual([{ row: 3, reason: 'no values in the imported columns' }]);
  });
});

describe('helpers', () => {
  it('matches headers exactly, then normalized', () => {
    expect(findHeader(['Amount Allocated ($)', 'amount'], 'amount')).toBe(1);
    expect(findHeader(['Amount Allocated ($)'], 'amount allocated')).toBe(0);
    expect(findHeader(['Amount'], 'Budget')).toBe(-1);
    expect(columnIndexes(['FY', 'Budget'], { Budget: 'amount', FY: 'fiscal_year', X: 'program' })).toEqual({
      amount: 1,
      fiscal_year: 0,
    });
  });

  it('recognises totals labels', () => {
    expect(isTotalsLabel('Total', true)).toBe(true);
    expect(isTotalsLabel('Sub-total', true)).toBe(true);
    expect(isTotalsLabel('Total Care', true)).toBe(false);
    expect(isTotalsLabel('Total Care', false)).toBe(true);
    expect(isTotalsLabel('Totally', false)).toBe(false);
  });
});
