import { describe, expect, it } from 'vitest';
import { suggestMapping } from './fields';
import { fiscalYearFromTitle, parseImportRows } from './parse-rows';
import { fakeContext } from './testing';
import type { ImportContext } from './types';

const HEADER = [
  'Fiscal Year', 'Program', 'Description', 'Vendor', 'Recipient type', 'Category', 'Amount allocated', 'Spent to date',
  'Funding source', 'Status',
];
const MAPPING = suggestMapping(HEADER);

function row(values: Partial<Record<string, string>>): string[] {
  return HEADER.map((header) => values[header] ?? '');
}

const GOOD = {
  'Fiscal Year': '2026',
  Program: 'Naloxone kits',
  Category: 'naloxone',
  'Amount allocated': '$1,234.56',
};

function parse(rows: string[][], context: ImportContext = fakeContext) {
  return parseImportRows([HEADER, ...rows], MAPPING, context);
}

describe('parseImportRows', () => {
  it('maps the example header completely', () => {
    expect(MAPPING).toEqual({
      'Fiscal Year': 'fiscal_year',
      Program: 'program',
      Description: 'description',
      Vendor: 'recipient',
      'Recipient type': 'recipient_type',
      Category: 'category',
      'Amount allocated': 'amount',
      'Spent to date': 'spent',
      'Funding source': 'source',
      Status: 'status',
    });
  });

  it('parses a complete row', () => {
    const preview = parse([
      row({
        ...GOOD,
        Description: ' Naloxone for libraries and shelters ',
        Vendor: ' Harm Reduction Coalition ',
        'Recipient type': 'CBO',
        Category: 'moud:60;housing:40',
        'Spent to date': '2,000.00',
        'Funding source': 'Distributors',
        Status: 'Approved',
      }),
    ]);
    expect(preview.errors).toEqual([]);
    expect(preview.skipped).toEqual([]);
    expect(preview.rows).toEqual([
      {
        row: 2,
        importKey: expect.stringMatching(/^[0-9a-f]{32}$/),
        lineKey: expect.stringMatching(/^[0-9a-f]{32}$/),
        fiscalYear: 2026,
        lastFiscalYear: null,
        program: 'Naloxone kits',
        description: 'Naloxone for libraries and shelters',
        recipient: 'Harm Reduction Coalition',
        recipientType: 'community_based_organization',
        splits: [
          { categoryId: 1, shareBasisPoints: 6000 },
          { categoryId: 2, shareBasisPoints: 4000 },
        ],
        amountCents: 123456n,
        amountFromSpent: false,
        // Spent above the amount is allowed: it may be paid from earlier years' allocations.
        spentCents: 200000n,
        costType: null,
        sourceId: 10,
        status: 'approved',
      },
    ]);
  });

  it('leaves optional fields empty as null', () => {
    const [parsed] = parse([row(GOOD)]).rows;
    expect(parsed).toMatchObject({
      description: '',
      recipient: null,
      recipientType: null,
      spentCents: null,
      sourceId: null,
      status: null,
      splits: [{ categoryId: 3, shareBasisPoints: 10_000 }],
    });
  });

  it.each([
    ['1234.5', 123450n],
    ['$1,234.56', 123456n],
    [' 1,000,000 ', 100000000n],
    ['USD 12', 1200n],
    ['0', 0n],
  ])('reads the amount %j as %d cents', (text, cents) => {
    expect(parse([row({ ...GOOD, 'Amount allocated': text })]).rows[0]?.amountCents).toBe(cents);
  });

  it('converts an Excel date in the fiscal-year column with the locality start month', () => {
    const preview = parse([row({ ...GOOD, 'Fiscal Year': '2025-10-01' })], { ...fakeContext, fyStartMonth: 10 });
    expect(preview.rows[0]?.fiscalYear).toBe(2026);
  });

  it.each([
    ['Amount allocated', '12.345', '"12.345" has more than two digits after the decimal point'],
    ['Amount allocated', 'abc', '"abc" is not an amount'],
    ['Amount allocated', '1e5', '"1e5" is not an amount: scientific notation is not accepted'],
    ['Amount allocated', '(500.00)', 'allocated amount cannot be negative'],
    ['Amount allocated', '-$5', 'allocated amount cannot be negative'],
    ['Spent to date', '12,34', '"12,34" has a thousands separator in the wrong place; commas must separate groups of three digits'],
    ['Spent to date', '(1.00)', 'spent amount cannot be negative'],
    ['Category', 'moud:60;housing:30', 'category shares add up to 90%, not 100%'],
    ['Category', 'mou', 'unknown category "mou"'],
    ['Category', 'moud:50;MOUD:50', 'category "Medications for opioid use disorder" is listed more than once'],
    ['Fiscal Year', '26', '"26" is not a fiscal year; write the 4-digit year the fiscal year ends in, like 2026'],
    ['Fiscal Year', '1999', 'fiscal year 1999 is outside the allowed range 2000–2100'],
    ['Funding source', 'Purdue', 'unknown funding source "Purdue"'],
    [
      'Recipient type',
      'Martians',
      'unknown recipient type "Martians"; use one of: government department, law enforcement, courts/corrections, ' +
        'health-care provider, community-based organization, faith-based organization, school or university, ' +
        'private vendor, other',
    ],
    ['Status', 'done', 'unknown status "done"; use draft, submitted, approved or returned'],
    ['Fiscal Year', '', 'fiscal year is missing'],
    ['Program', '  ', 'program is missing'],
    ['Category', '', 'category is missing'],
    ['Amount allocated', '', 'amount is missing'],
  ])('reports %s %j: %s', (column, value, reason) => {
    const preview = parse([row(GOOD), row({ ...GOOD, Program: 'Other', [column]: value })]);
    expect(preview.errors).toEqual([{ row: 3, column, value: value.trim(), reason }]);
    expect(preview.rows.map((parsed) => parsed.row)).toEqual([2]);
  });

  it('reports every error of a row, left to right, and one per unknown category', () => {
    const preview = parse([
      row({ 'Fiscal Year': 'soon', Program: 'X', Category: 'mou:50;hous:50', 'Amount allocated': '-1', Status: '?' }),
    ]);
    expect(preview.errors).toEqual([
      { row: 2, column: 'Fiscal Year', value: 'soon', reason: '"soon" is not a fiscal year; write the 4-digit year the fiscal year ends in, like 2026' },
      { row: 2, column: 'Category', value: 'mou:50;hous:50', reason: 'unknown category "mou"' },
      { row: 2, column: 'Category', value: 'mou:50;hous:50', reason: 'unknown category "hous"' },
      { row: 2, column: 'Amount allocated', value: '-1', reason: 'allocated amount cannot be negative' },
      { row: 2, column: 'Status', value: '?', reason: 'unknown status "?"; use draft, submitted, approved or returned' },
    ]);
    expect(preview.rows).toEqual([]);
  });

  it('applies the allowed fiscal years', () => {
    const preview = parse([row({ ...GOOD, 'Fiscal Year': 'FY2031' })], {
      ...fakeContext,
      allowedFiscalYears: { min: 2022, max: 2030 },
    });
    expect(preview.errors).toEqual([
      { row: 2, column: 'Fiscal Year', value: 'FY2031', reason: 'fiscal year 2031 is outside the allowed range 2022–2030' },
    ]);
  });

  it('numbers rows as the file does, past title rows, blank rows and a totals row', () => {
    const preview = parseImportRows(
      [
        ['County plan'],
        [''],
        HEADER,
        row(GOOD),
        [''],
        row({ ...GOOD, Program: 'B', 'Amount allocated': 'x' }),
        row({ Program: 'Total', 'Amount allocated': '1,234.56' }),
      ],
      MAPPING,
      fakeContext,
    );
    expect(preview.rows.map((parsed) => parsed.row)).toEqual([4]);
    expect(preview.errors).toEqual([{ row: 6, column: 'Amount allocated', value: 'x', reason: '"x" is not an amount' }]);
    expect(preview.skipped).toEqual([
      { row: 1, reason: 'above the header row (a title or note)' },
      { row: 2, reason: 'blank row' },
      { row: 5, reason: 'blank row' },
      { row: 7, reason: 'totals row ("Total"), not imported' },
    ]);
  });

  it('reports a duplicate row within the file on its second occurrence, naming the first', () => {
    const preview = parse([
      row(GOOD),
      row({ ...GOOD, Program: 'Other' }),
      // Same line written differently: case, spacing, currency format and the category's full name.
      row({
        ...GOOD,
        Program: ' naloxone   KITS ',
        'Amount allocated': '1234.56',
        Category: 'Naloxone distribution and training',
      }),
    ]);
    expect(preview.rows.map((parsed) => parsed.row)).toEqual([2, 3]);
    expect(preview.errors).toEqual([
      {
        row: 4,
        column: 'Program',
        value: 'naloxone   KITS',
        reason: 'duplicate of row 2: same fiscal year, program, recipient, amount and categories',
      },
    ]);
  });

  it('does not treat lines that differ in recipient, amount or split as duplicates', () => {
    const preview = parse([
      row(GOOD),
      row({ ...GOOD, Vendor: 'Another org' }),
      row({ ...GOOD, 'Amount allocated': '1,234.57' }),
      row({ ...GOOD, Category: 'naloxone:50;moud:50' }),
      row({ ...GOOD, 'Fiscal Year': '2027' }),
    ]);
    expect(preview.errors).toEqual([]);
    expect(new Set(preview.rows.map((parsed) => parsed.importKey)).size).toBe(5);
  });

  it('gives the same import key to the same line in files with different column order and spelling', () => {
    const first = parseImportRows(
      [HEADER, row({ ...GOOD, Vendor: 'Harm Reduction Coalition', Category: 'moud:60;housing:40' })],
      MAPPING,
      fakeContext,
    );
    const otherHeader = ['Amount', 'Strategy', 'Recipient', 'Project', 'FY', 'Notes'];
    const second = parseImportRows(
      [
        otherHeader,
        [
          '1234.56',
          'Housing, including recovery housing:40; moud:60',
          'harm reduction  coalition',
          'NALOXONE KITS',
          'FY 2026',
          'changed',
        ],
      ],
      suggestMapping(otherHeader),
      fakeContext,
    );
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    expect(second.rows[0]?.importKey).toBe(first.rows[0]?.importKey);
    expect(second.rows[0]?.lineKey).toBe(first.rows[0]?.lineKey);
  });

  it('keeps the line key but changes the import key when the amount is edited', () => {
    const before = parse([row(GOOD)]).rows[0];
    const after = parse([row({ ...GOOD, 'Amount allocated': '2,000.00' })]).rows[0];
    expect(after?.lineKey).toBe(before?.lineKey);
    expect(after?.importKey).not.toBe(before?.importKey);
  });

  it('pins the import key so a change to the hashing is a deliberate one', () => {
    expect(parse([row(GOOD)]).rows[0]?.importKey).toBe(KNOWN_KEY);
  });

  it('reports required fields the mapping lacks, once, at the header row', () => {
    const header = ['FY', 'Program', 'Notes'];
    const preview = parseImportRows([['Title'], header, ['2026', 'A', 'x']], suggestMapping(header), fakeContext);
    expect(preview.rows).toEqual([]);
    expect(preview.errors).toEqual([
      { row: 2, column: '', value: '', reason: 'no column is mapped to amount, which is required' },
    ]);
  });

  it('refuses two columns mapped to one field, and a mapped header that appears twice', () => {
    const header = ['FY', 'Program', 'Category', 'Amount', 'Budget', 'Amount'];
    const preview = parseImportRows(
      [header],
      { FY: 'fiscal_year', Program: 'program', Category: 'category', Amount: 'amount', Budget: 'amount' },
      fakeContext,
    );
    expect(preview.errors).toEqual([
      { row: 1, column: 'Budget', value: 'Budget', reason: 'both "Amount" and "Budget" are mapped to amount; a field takes one column' },
      {
        row: 1,
        column: 'Amount',
        value: 'Amount',
        reason: 'the file has more than one column named "Amount"; rename one so it is clear which is the amount',
      },
    ]);
  });

  it('reports a file without a header row as one error on row 0', () => {
    expect(parseImportRows([['x']], MAPPING, fakeContext)).toEqual({
      rows: [],
      categoryMatches: [],
      preferredFramework: null,
      errors: [{ row: 0, column: '', value: '', reason: expect.stringMatching(/^No row in the first 1 rows has the mapped columns/) }],
      skipped: [],
    });
  });

  describe('real report shapes', () => {
    const UNCLASSIFIED = { id: 99, label: 'Other / not yet classified' };
    const withUnclassified: ImportContext = {
      ...fakeContext,
      resolveCategory: (name, preferred) =>
        name.trim().toLowerCase() === 'other'
          ? { ok: true, categoryId: UNCLASSIFIED.id, label: UNCLASSIFIED.label }
          : fakeContext.resolveCategory(name, preferred),
      unclassifiedCategory: () => ({ ok: true, categoryId: UNCLASSIFIED.id, label: UNCLASSIFIED.label }),
      preferredFrameworkOf: (names) => (names.length > 0 ? 'health-first' : null),
    };

    it('imports a report of money spent with no budget column: the amount is what was spent', () => {
      const header = ['Strategy', 'Line Item', 'Department / Vendor', 'Expended'];
      const mapping = suggestMapping(header);
      expect(mapping).toEqual({
        Strategy: 'category', 'Line Item': 'program', 'Department / Vendor': 'recipient', Expended: 'spent',
      });
      const preview = parseImportRows(
        [
          ['FY2024 Opioid Abatement Report'],
          header,
          ['naloxone', 'Narcan kits', 'Health Dept', '$1,234.56'],
          ['moud', 'Bridge clinic', 'Clinic', ''],
        ],
        mapping,
        withUnclassified,
        { fiscalYear: { first: 2024, last: 2024, from: 'row 1' } },
      );
      expect(preview.rows).toMatchObject([
        { row: 3, fiscalYear: 2024, program: 'Narcan kits', amountCents: 123456n, spentCents: 123456n, amountFromSpent: true },
      ]);
      expect(preview.errors).toEqual([{ row: 4, column: 'Expended', value: '', reason: 'spent is missing' }]);
    });

    it('reads the fiscal year from the title when no column holds it, and only when the title names one', () => {
      const context = { fyStartMonth: 7 };
      expect(fiscalYearFromTitle([['City of X'], ['FY2024 Municipal Opioid Abatement Report']], 'r.csv', context)).toEqual({
        first: 2024,
        last: 2024,
        from: 'row 2 ("FY2024 Municipal Opioid Abatement Report")',
      });
      expect(fiscalYearFromTitle([['Report']], 'town_FY24_report.xlsx', context)?.first).toBe(2024);
      expect(fiscalYearFromTitle([['FY2024 and FY2025 spending']], 'r.csv', context)).toBeUndefined();
      expect(fiscalYearFromTitle([['Spending']], 'r.csv', context)).toBeUndefined();
    });

    it('puts a blank category in "Other / not yet classified" and lists which name matched which category', () => {
      const preview = parse(
        [
          row({ ...GOOD, Category: '' }),
          row({ ...GOOD, Program: 'B', Category: 'Other' }),
          row({ ...GOOD, Program: 'C', Category: 'Naloxone Distribution and Training' }),
          row({ ...GOOD, Program: 'D', Category: 'naloxone distribution and training' }),
        ],
        withUnclassified,
      );
      expect(preview.errors).toEqual([]);
      expect(preview.rows.map((parsed) => parsed.splits)).toEqual([
        [{ categoryId: 99, shareBasisPoints: 10_000 }],
        [{ categoryId: 99, shareBasisPoints: 10_000 }],
        [{ categoryId: 3, shareBasisPoints: 10_000 }],
        [{ categoryId: 3, shareBasisPoints: 10_000 }],
      ]);
      expect(preview.preferredFramework).toBe('health-first');
      expect(preview.categoryMatches).toEqual([
        { written: '', categoryId: 99, label: 'Other / not yet classified', rows: 1 },
        { written: 'Other', categoryId: 99, label: 'Other / not yet classified', rows: 1 },
        { written: 'Naloxone Distribution and Training', categoryId: 3, label: 'Naloxone distribution and training', rows: 2 },
      ]);
    });

    it('keeps a multi-year authorization as one line with its first and last fiscal year', () => {
      const preview = parse([
        row({ ...GOOD, 'Fiscal Year': 'July 1, 2024 through June 30, 2029' }),
        row({ ...GOOD, Program: 'B', 'Fiscal Year': 'FY25-FY29' }),
        row({ ...GOOD, Program: 'C', 'Fiscal Year': '2024-25' }),
        row({ ...GOOD, Program: 'D', 'Fiscal Year': 'July 15, 2024 through June 30, 2029' }),
      ]);
      expect(preview.rows.map((parsed) => [parsed.program, parsed.fiscalYear, parsed.lastFiscalYear])).toEqual([
        ['Naloxone kits', 2025, 2029],
        ['B', 2025, 2029],
        ['C', 2025, null],
      ]);
      expect(preview.errors).toEqual([
        {
          row: 5,
          column: 'Fiscal Year',
          value: 'July 15, 2024 through June 30, 2029',
          reason: expect.stringContaining('does not start and end on fiscal-year boundaries'),
        },
      ]);
    });
  });
});

// sha256 of ["abate-import-v1",2026,"naloxone kits","","123456",[[3,10000]]] as JSON, first 32 hex digits.
const KNOWN_KEY = '1cb8baaa76b5facbf483d9834693ddc3';
