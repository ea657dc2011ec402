import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './read-csv';
import { readSpreadsheet } from './read-file';
import { buildZip, csvBytes } from './testing';

async function rowsOf(bytes: Uint8Array, fileName = 'budget.csv', options = {}): Promise<string[][]> {
  const result = await readSpreadsheet(bytes, fileName, options);
  if (!result.ok) throw new Error(result.reason);
  return result.rows;
}

describe('readSpreadsheet: CSV', () => {
  it('reads plain comma-separated text', async () => {
    expect(await rowsOf(csvBytes('a,b\n1,2\n'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('strips a UTF-8 byte order mark', async () => {
    const rows = await rowsOf(new Uint8Array([0xef, 0xbb, 0xbf, ...csvBytes('Fiscal year,Program\n2026,Café\n')]));
    expect(rows[0]?.[0]).toBe('Fiscal year');
    expect(rows[1]?.[1]).toBe('Café');
  });

  it('handles Windows line endings, and LF mixed in', async () => {
    expect(await rowsOf(csvBytes('a,b\r\n1,2\r\n3,4\n5,6\r\n'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('detects semicolons, even with commas inside amounts', async () => {
    const text = 'Program;Amount;Spent\nNaloxone;1,000.00;500.00\nHousing;12,500.00;1,250.00\n';
    expect(await rowsOf(csvBytes(text))).toEqual([
      ['Program', 'Amount', 'Spent'],
      ['Naloxone', '1,000.00', '500.00'],
      ['Housing', '12,500.00', '1,250.00'],
    ]);
  });

  it('detects tabs', async () => {
    expect(await rowsOf(csvBytes('Program\tAmount\nNaloxone\t"1,000"\n'))).toEqual([
      ['Program', 'Amount'],
      ['Naloxone', '1,000'],
    ]);
  });

  it('keeps commas as the delimiter when category cells hold semicolons', () => {
    const sample = 'Program,Category,Amount\nA,moud:60;housing:40,100\nB,moud,200\nC,naloxone,300\n';
    expect(detectDelimiter(sample, true).delimiter).toBe(',');
  });

  it('is not thrown off by a title row above the table', () => {
    const sample = 'Opioid settlement budget\n\nProgram;Amount;Category\nA;1,000.00;moud\nB;2,000.00;housing\n';
    expect(detectDelimiter(sample, true).delimiter).toBe(';');
  });

  it('reads quoted commas, escaped quotes and line breaks inside quotes', async () => {
    const text = 'Program,Amount,Description\n"Naloxone, kits","$1,234.56","She said ""yes""\r\nthen left"\n';
    expect(await rowsOf(csvBytes(text))).toEqual([
      ['Program', 'Amount', 'Description'],
      ['Naloxone, kits', '$1,234.56', 'She said "yes"\nthen left'],
    ]);
  });

  it('keeps blank rows in place so row numbers match the file, and drops trailing ones', async () => {
    expect(await rowsOf(csvBytes('a,b\n\n1,2\n,\n\n\n'))).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('reads Windows-1252 text that Excel saves as plain CSV', async () => {
    // "Café “A”" in Windows-1252: é is 0xE9, the curly quotes 0x93 and 0x94.
    const cafe = [0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x41, 0x94];
    const bytes = new Uint8Array([...csvBytes('Program,Amount\n'), ...cafe, ...csvBytes(',5\n')]);
    expect((await rowsOf(bytes))[1]).toEqual(['Café “A”', '5']);
  });

  it('reads UTF-16 "Unicode text"', async () => {
    const text = 'Program\tAmount\nCafé\t5\n';
    const body = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1) body[i * 2] = text.charCodeAt(i);
    expect(await rowsOf(new Uint8Array([0xff, 0xfe, ...body]), 'export.txt')).toEqual([
      ['Program', 'Amount'],
      ['Café', '5'],
    ]);
  });

  it('refuses an unclosed quote instead of swallowing the rest of the file', async () => {
    expect(await readSpreadsheet(csvBytes('a,b\n"x,1\n2,3\n'), 'a.csv')).toEqual({
      ok: false,
      reason: 'Row 2 has a double quote that is never closed or is followed by more text; fix the quoting and upload again',
    });
  });
});

describe('readSpreadsheet: refusals', () => {
  it('refuses a file over the size limit, saying how big it is', async () => {
    const bytes = new Uint8Array(Math.round(21 * 1024 * 1024)).fill(0x41);
    expect(await readSpreadsheet(bytes, 'big.csv')).toEqual({
      ok: false,
      reason: 'The file is 21.0 MB; the limit is 20 MB',
    });
  });

  it('honours a custom size limit', async () => {
    expect(await readSpreadsheet(csvBytes('a,b\n1,2\n'), 'a.csv', { maxBytes: 4 })).toEqual({
      ok: false,
      reason: 'The file is 8 bytes; the limit is 4 bytes',
    });
  });

  it('refuses an empty file', async () => {
    expect(await readSpreadsheet(new Uint8Array(), 'a.csv')).toEqual({ ok: false, reason: 'The file is empty' });
    expect(await readSpreadsheet(csvBytes('\r\n , \n\n'), 'a.csv')).toEqual({
      ok: false,
      reason: 'The file is empty: it has no rows with any text',
    });
  });

  it('refuses binary garbage', async () => {
    const garbage = new Uint8Array(4096);
    let seed = 42;
    for (let i = 0; i < garbage.length; i += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      garbage[i] = seed & 0xff;
    }
    expect(await readSpreadsheet(garbage, 'budget.csv')).toEqual({
      ok: false,
      reason: 'The file is neither a CSV text file nor an XLSX workbook: it contains binary data',
    });
  });

  it('refuses valid UTF-8 that is binary (NUL bytes)', async () => {
    expect(await readSpreadsheet(new Uint8Array([0x61, 0x2c, 0x62, 0x00, 0x00, 0x0a]), 'a.csv')).toEqual({
      ok: false,
      reason: 'The file is neither a CSV text file nor an XLSX workbook: it contains binary data',
    });
  });

  it('refuses an old .xls or encrypted workbook', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await readSpreadsheet(bytes, 'budget.xls')).toEqual({
      ok: false,
      reason: 'This is an old-format .xls workbook or a password-protected one; save it as .xlsx (without a password) or as CSV',
    });
  });

  it('refuses a .xlsx name on something that is not a workbook', async () => {
    expect(await readSpreadsheet(csvBytes('a,b\n'), 'budget.xlsx')).toEqual({
      ok: false,
      reason: 'The file is named .xlsx but is not an XLSX workbook; open it in Excel and save it again',
    });
  });

  it('refuses a CSV of 1,000,000 columns, counting no further than the limit needs', async () => {
    const wide = csvBytes(`${'x,'.repeat(999_999)}x\n1,2\n`);
    // "at least 32,769": the reader stopped counting there instead of splitting all 1,000,000 cells (how long that
    // takes is the bench's business, not a timed test's).
    expect(await readSpreadsheet(wide, 'wide.csv')).toEqual({ ok: false, reason: 'The file has at least 32,769 columns; the limit is 200' });
  });

  it('refuses a row wider than the limit after the first 64 KiB too', async () => {
    const filler = 'a,b\n'.repeat(20_000);
    const result = await readSpreadsheet(csvBytes(`${filler}${'x,'.repeat(300)}x\n`), 'a.csv');
    expect(result).toEqual({ ok: false, reason: 'The file has 301 columns; the limit is 200' });
  });

  it('refuses too many rows', async () => {
    expect(await readSpreadsheet(csvBytes('a\n1\n2\n3\n'), 'a.csv', { maxRows: 3 })).toEqual({
      ok: false,
      reason: 'The file has more than 3 rows; split it into smaller files',
    });
  });

  it('accepts a file of exactly the row limit, whatever line breaks end it', async () => {
    for (const ending of ['', '\n', '\r\n', '\r\n\r\n']) {
      expect(await readSpreadsheet(csvBytes(`a\n1\n2${ending}`), 'a.csv', { maxRows: 3 })).toEqual({ ok: true, rows: [['a'], ['1'], ['2']] });
    }
  });
});

async function sampleWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const hidden = workbook.addWorksheet('Lookup');
  hidden.state = 'hidden';
  hidden.getCell('A1').value = 'not this sheet';
  const sheet = workbook.addWorksheet('Budget');
  sheet.getCell('A1').value = 'Anytown County opioid settlement plan';
  sheet.mergeCells('A1:D1');
  sheet.addRow([]);
  sheet.addRow(['Fiscal year', 'Program', 'Amount', 'Admin share', 'Category', 'Note']);
  const data = sheet.addRow([new Date(Date.UTC(2024, 9, 1)), 'Naloxone', 1234.5, null, 'naloxone', null]);
  data.getCell(3).numFmt = '#,##0.00';
  data.getCell(4).value = { formula: 'C4*0.15', result: 185.175 };
  data.getCell(4).numFmt = '"$"#,##0.00';
  data.getCell(6).value = { richText: [{ text: 'bold ' }, { text: 'words' }] };
  data.getCell(1).numFmt = 'yyyy-mm-dd';
  const second = sheet.addRow([2026, 'Housing', 0.1 + 0.2, null, true]);
  second.getCell(4).value = { formula: 'C5*2' };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readSpreadsheet: XLSX', () => {
  it('reads the first visible worksheet: dates as ISO, numbers as text, formulas as their results', async () => {
    const rows = await rowsOf(await sampleWorkbook(), 'plan.xlsx');
    expect(rows).toEqual([
      ['Anytown County opioid settlement plan'],
      [''],
      ['Fiscal year', 'Program', 'Amount', 'Admin share', 'Category', 'Note'],
      ['2024-10-01', 'Naloxone', '1234.5', '185.18', 'naloxone', 'bold words'],
      ['2026', 'Housing', '0.3', '=C5*2', 'TRUE'],
    ]);
  });

  it('detects a workbook by its bytes even under a .csv name', async () => {
    const rows = await rowsOf(await sampleWorkbook(), 'renamed.csv');
    expect(rows[3]?.[0]).toBe('2024-10-01');
  });

  it('reads dates of a 1904-system workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('One');
    sheet.getCell('A1').value = new Date(Date.UTC(2025, 2, 15));
    sheet.getCell('A1').numFmt = 'm/d/yyyy';
    const rows = await rowsOf(new Uint8Array(await workbook.xlsx.writeBuffer()), 'mac.xlsx');
    expect(rows).toEqual([['2025-03-15']]);
  });

  it('refuses a worksheet wider than the column limit', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Wide').getCell(1, 300).value = 'far right';
    expect(await readSpreadsheet(new Uint8Array(await workbook.xlsx.writeBuffer()), 'wide.xlsx')).toEqual({
      ok: false,
      reason: 'The worksheet uses 300 columns; the limit is 200',
    });
  });

  it('refuses a worksheet with too many rows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Long').getCell(10, 1).value = 'far down';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readSpreadsheet(bytes, 'long.xlsx', { maxRows: 5 })).toEqual({
      ok: false,
      reason: 'The worksheet has more than 5 rows; split it into smaller files',
    });
  });

  it('refuses a damaged ZIP', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await readSpreadsheet(bytes, 'broken.xlsx')).toEqual({
      ok: false,
      reason: 'The file is not a valid XLSX workbook: its ZIP structure is damaged',
    });
  });

  it('refuses a ZIP that is valid but not a workbook', async () => {
    const text = csvBytes('hello');
    const zip = buildZip([{ name: 'readme.txt', data: text, method: 0, uncompressedSize: text.byteLength }]);
    expect(await readSpreadsheet(zip, 'x.xlsx')).toEqual({
      ok: false,
      reason: 'The file is a ZIP archive but not an XLSX workbook',
    });
  });

  it('refuses a ZIP with a workbook part exceljs cannot read', async () => {
    const text = csvBytes('<not-xml');
    const zip = buildZip([{ name: 'xl/workbook.xml', data: text, method: 0, uncompressedSize: text.byteLength }]);
    expect(await readSpreadsheet(zip, 'x.xlsx')).toEqual({
      ok: false,
      reason: 'The file is not a readable XLSX workbook; open it in Excel and save it again as .xlsx',
    });
  });
});

describe('readSpreadsheet: ZIP bombs', () => {
  it('refuses a ZIP whose central directory declares a huge uncompressed size', async () => {
    const data = deflateRawSync(Buffer.alloc(1024));
    const zip = buildZip([
      { name: 'xl/worksheets/sheet1.xml', data, method: 8, uncompressedSize: 3_000_000_000 },
    ]);
    expect(await readSpreadsheet(zip, 'bomb.xlsx')).toEqual({
      ok: false,
      reason: 'The workbook would expand to 2861.0 MB when opened; the limit is 200 MB',
    });
  });

  it('refuses an extreme compression ratio', async () => {
    const size = 40 * 1024 * 1024;
    const data = deflateRawSync(Buffer.alloc(size));
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data, method: 8, uncompressedSize: size }]);
    expect(await readSpreadsheet(zip, 'bomb.xlsx')).toEqual({
      ok: false,
      reason: 'The workbook is compressed more than 250 to 1, which no real spreadsheet is; refusing it',
    });
  });

  it('refuses an entry that expands to more than its directory declares, without expanding it all', async () => {
    const data = deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
    const zip = buildZip([
      { name: 'xl/sharedStrings.xml', data, method: 8, uncompressedSize: 1000 },
      { name: 'xl/workbook.xml', data: new Uint8Array(), method: 0, uncompressedSize: 0 },
    ]);
    expect(await readSpreadsheet(zip, 'liar.xlsx')).toEqual({
      ok: false,
      reason: 'The workbook\'s "xl/sharedStrings.xml" is larger than its ZIP directory says; refusing it',
    });
  });

  it('refuses a directory of too many entries', async () => {
    const empty = new Uint8Array();
    const entries = Array.from({ length: 10_001 }, (_, i) => ({
      name: `f${i}`,
      data: empty,
      method: 0 as const,
      uncompressedSize: 0,
    }));
    expect(await readSpreadsheet(buildZip(entries), 'many.xlsx')).toEqual({
      ok: false,
      reason: 'The workbook holds 10001 files inside; a spreadsheet has a few dozen',
    });
  });
});

/** A workbook of the three parts a reader needs, its worksheet XML as given, every entry deflated or stored. */
function handWorkbook(sheetXml: string, method: 0 | 8 = 8, sheetTarget = 'worksheets/sheet1.xml'): Uint8Array {
  const part = (name: string, text: string) => {
    const raw = csvBytes(text);
    const data = method === 8 ? new Uint8Array(deflateRawSync(raw)) : raw;
    return { name, data, method, uncompressedSize: raw.byteLength };
  };
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return buildZip([
    part(`xl/${sheetTarget}`, `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${sheetXml}`),
    part(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${sheetTarget}"/></Relationships>`,
    ),
    part('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} ${rel}><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>`),
  ]);
}

const inlineRow = (n: number, ...cells: string[]) =>
  `<row r="${n}">${cells.map((text, i) => `<c r="${String.fromCharCode(65 + i)}${n}" t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`;

describe('readSpreadsheet: XLSX read as a stream', () => {
  it('reads a workbook of inline strings with no shared-strings part, whatever its worksheet file is called', async () => {
    const xml = `${inlineRow(1, 'Program', 'Amount')}${inlineRow(2, 'Naloxone', '5')}</sheetData></worksheet>`;
    expect(await rowsOf(handWorkbook(xml, 8, 'worksheets/data.xml'), 'plan.xlsx')).toEqual([
      ['Program', 'Amount'],
      ['Naloxone', '5'],
    ]);
  });

  it('stops at the row past the limit: what follows it is never read', async () => {
    // Six good rows, 6 MB of comment (more than any reader takes in one piece), then bytes that are not XML at all:
    // reading on would find the damage.
    const rows = Array.from({ length: 6 }, (_, i) => inlineRow(i + 1, `row ${i + 1}`)).join('');
    const bytes = handWorkbook(`${rows}<!--${' '.repeat(6 * 1024 * 1024)}--><row r="7"><c r="A7"><<<&&&${'\u0000'.repeat(64)}`);
    expect(await readSpreadsheet(bytes, 'long.xlsx', { maxRows: 5 })).toEqual({
      ok: false,
      reason: 'The worksheet has more than 5 rows; split it into smaller files',
    });
    // The same damage within the limit is found.
    expect(await readSpreadsheet(bytes, 'long.xlsx', { maxRows: 50 })).toEqual({
      ok: false,
      reason: 'The file is not a readable XLSX workbook; open it in Excel and save it again as .xlsx',
    });
  });

  it('refuses a worksheet with more filled cells than the limit', async () => {
    const xml = `${inlineRow(1, 'a', 'b', 'c')}${inlineRow(2, 'd', 'e', 'f')}</sheetData></worksheet>`;
    expect(await readSpreadsheet(handWorkbook(xml), 'cells.xlsx', { maxCells: 5 })).toEqual({
      ok: false,
      reason: 'The worksheet has more than 5 filled cells; split it into smaller files',
    });
  });

  it('refuses a worksheet that inflates to more than its directory declares, as it reads it', async () => {
    const bytes = handWorkbook(`${inlineRow(1, 'a')}</sheetData></worksheet>`);
    // Patch the worksheet's declared size (the first entry: central directory record at the end) down to 10 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const central = view.getUint32(bytes.byteLength - 22 + 16, true);
    view.setUint32(central + 24, 10, true);
    expect(await readSpreadsheet(bytes, 'liar.xlsx')).toEqual({
      ok: false,
      reason: 'The workbook\'s "xl/worksheets/sheet1.xml" is larger than its ZIP directory says; refusing it',
    });
  });
});

describe('readSpreadsheet: CSV cell limit', () => {
  it('refuses a file with more filled cells than the limit, empty cells not counted', async () => {
    expect(await rowsOf(csvBytes('a,,b\n,c,\n'), 'a.csv', { maxCells: 3 })).toEqual([
      ['a', '', 'b'],
      ['', 'c', ''],
    ]);
    expect(await readSpreadsheet(csvBytes('a,b\nc,d\n'), 'a.csv', { maxCells: 3 })).toEqual({
      ok: false,
      reason: 'The file has more than 3 filled cells; split it into smaller files',
    });
  });
});
