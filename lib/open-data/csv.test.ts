import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type CsvColumn, csvStream, csvText, escapeFormula, readStream, UnsafeCsvValue } from './csv';

interface Row {
  text: string | null;
  amount: string;
}

const COLUMNS: CsvColumn<Row>[] = [
  { name: 'text', type: 'string', description: 'typed by a person', value: (r) => r.text },
  { name: 'amount', type: 'number', description: 'money', value: (r) => r.amount },
];

function cells(csv: string): string[][] {
  return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
}

describe('escapeFormula', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    // The full-width forms, which some spreadsheets also run.
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['\uFF0B1', "'\uFF0B1"],
    ['\uFF0D1', "'\uFF0D1"],
    ['\uFF20SUM(A1)', "'\uFF20SUM(A1)"],
  ])('prefixes %j with an apostrophe', (input, expected) => {
    expect(escapeFormula(input)).toBe(expected);
  });

  it('leaves other text alone, including formula characters that do not start the cell', () => {
    for (const text of ['Naloxone kits', 'a=b', '1+1', "'quoted", '', ' =leading space', 'email@example.org']) {
      expect(escapeFormula(text)).toBe(text);
    }
  });
});

describe('csvText', () => {
  it('writes a header row and CRLF line ends', () => {
    expect(csvText(COLUMNS, [{ text: 'hello', amount: '1.00' }], true)).toBe('text,amount\r\n"hello",1.00\r\n');
  });

  it('escapes and quotes a description =HYPERLINK("x")', () => {
    const csv = csvText(COLUMNS, [{ text: '=HYPERLINK("x")', amount: '0.00' }], false);
    expect(csv).toBe(`"'=HYPERLINK(""x"")",0.00\r\n`);
    expect(cells(csv)[0]).toEqual([`'=HYPERLINK("x")`, '0.00']);
  });

  it('escapes every dangerous first character and keeps quotes, commas and line breaks inside one cell', () => {
    const texts = ['+1', '-2', '@SUM(A1)', '\tx', '\rx', 'a, "b" and c', 'line 1\nline 2', 'semi;=colon'];
    const csv = csvText(
      COLUMNS,
      texts.map((text) => ({ text, amount: '1.00' })),
      false,
    );
    expect(csv).toContain('"a, ""b"" and c"');
    expect(cells(csv).map((row) => row[0])).toEqual([
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'a, "b" and c',
      'line 1\nline 2',
      'semi;=colon',
    ]);
  });

  it('writes money unescaped and unquoted, negatives included, so spreadsheets add it up', () => {
    expect(csvText(COLUMNS, [{ text: 'refund', amount: '-5.00' }], false)).toBe('"refund",-5.00\r\n');
  });

  it('refuses a money cell that is not a plain amount instead of writing it', () => {
    for (const amount of ['=1+2', '5', '1,234.56', '-2+3', '1.5', ' 1.00']) {
      expect(() => csvText(COLUMNS, [{ text: 'x', amount }], false)).toThrow(UnsafeCsvValue);
    }
  });

  it('writes null as an empty cell', () => {
    expect(csvText(COLUMNS, [{ text: null, amount: '1.00' }], false)).toBe(',1.00\r\n');
  });

  it('never lets a text cell start with a formula character, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const [row] = cells(csvText(COLUMNS, [{ text, amount: '1.00' }], false));
        const cell = row?.[0] ?? '';
        expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
        // Reading it back and dropping the one apostrophe we add gives the text as entered.
        expect(/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('csvStream', () => {
  it('streams the header and then each batch, and reads back whole', async () => {
    async function* batches() {
      yield [{ text: 'a', amount: '1.00' }];
      yield [];
      yield [{ text: '=b', amount: '2.00' }];
    }
    const text = await readStream(csvStream(COLUMNS, batches()));
    expect(text).toBe(`text,amount\r\n"a",1.00\r\n"'=b",2.00\r\n`);
  });

  it('stops reading when the client goes away', async () => {
    let finished = false;
    let batchesRead = 0;
    async function* batches() {
      try {
        for (;;) {
          batchesRead += 1;
          yield [{ text: 'x', amount: '1.00' }];
        }
      } finally {
        finished = true;
      }
    }
    const reader = csvStream(COLUMNS, batches()).getReader();
    await reader.read(); // header
    await reader.read(); // first batch
    await reader.cancel();
    expect(finished).toBe(true);
    expect(batchesRead).toBeLessThan(5);
  });
});
