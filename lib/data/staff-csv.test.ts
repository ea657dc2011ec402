import { describe, expect, it } from 'vitest';
import { csvLine, csvResponse, escapeCsvCell, moneyCell, textCell } from './staff-csv';

describe('CSV cells a spreadsheet never runs', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['Naloxone, kits', '"Naloxone, kits"'],
    ['line one\nline two', '"line one\nline two"'],
    ['say "hi"', '"say ""hi"""'],
    [' padded ', '" padded "'],
    ['Plain text', 'Plain text'],
    ['a = b', 'a = b'],
  ])('%j → %s', (value, expected) => {
    expect(escapeCsvCell(textCell(value))).toBe(expected);
  });

  it('writes empty cells for missing values, and numbers as they are', () => {
    expect(escapeCsvCell(textCell(null))).toBe('');
    expect(escapeCsvCell(textCell(2026))).toBe('2026');
  });

  it('writes amounts as exact plain decimals, negatives unprefixed so they stay numbers', () => {
    expect(escapeCsvCell(moneyCell(123_456n))).toBe('1234.56');
    expect(escapeCsvCell(moneyCell(-50_000n))).toBe('-500.00');
    expect(escapeCsvCell(moneyCell(5n))).toBe('0.05');
    expect(escapeCsvCell(moneyCell(9_000_000_000_000_000n))).toBe('90000000000000.00');
  });

  it('ends lines with CRLF', () => {
    expect(csvLine([textCell('a'), moneyCell(-1n)])).toBe('a,-0.01\r\n');
  });

  it('streams a header and every batch, with a byte-order mark', async () => {
    async function* batches() {
      yield [{ name: '=1', cents: 100n }];
      yield [{ name: 'b', cents: -100n }];
    }
    const response = csvResponse('x y.csv', ['Name', 'Amount'], batches(), (row) => [textCell(row.name), moneyCell(row.cents)]);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="x_y.csv"');
    // Response.text() would drop the byte-order mark while decoding: look at the bytes.
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe("\uFEFFName,Amount\r\n'=1,1.00\r\nb,-1.00\r\n");
  });
});
