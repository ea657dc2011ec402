import fs from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { mulberry32 } from '../db/demo/prng';

/**
 * The workbook of issue 14: a million allocation rows in an ordinary-looking .xlsx, small enough to pass the upload
 * limit (under 20 MB) and every ZIP check (under 200 MB expanded, about 11:1), so that only reading it shows it is
 * five times the row limit. Written here by hand (the parts a reader needs, inline strings, the sheet deflated in
 * pieces) in a few seconds; a workbook library takes minutes for a million rows.
 */

export interface LargeWorkbook {
  file: string;
  rows: number;
  bytes: number;
  expandedBytes: number;
}

const HEADER = ['Fiscal Year', 'Program', 'Category', 'Amount Allocated'];
const PROGRAMS = ['Naloxone kits', 'Jail MOUD', 'Peer recovery coaches', 'Recovery housing', 'Mobile crisis team'];
const CATEGORIES = ['moud', 'housing', 'naloxone distribution and training', 'crisis-response'];

const PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Allocations" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
};

/**
 * The words that repeat (the header, fiscal years, categories) are shared strings, as Excel writes them; the program
 * names are inline strings, as some exporters write every string. That keeps a million rows within the
 * expanded-size limit.
 */
const SHARED = [...HEADER, 'FY2022', 'FY2023', 'FY2024', 'FY2025', 'FY2026', ...CATEGORIES];
const shared = (text: string) => ({ shared: SHARED.indexOf(text) });
const COLUMNS = 'ABCD';

function row(index: number, cells: readonly (string | number | { shared: number })[]): string {
  const parts = cells.map((value, column) => {
    const ref = `${COLUMNS[column]}${index}`;
    if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
    if (typeof value === 'object') return `<c r="${ref}" t="s"><v>${value.shared}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  });
  return `<row r="${index}">${parts.join('')}</row>`;
}

function sheetChunks(rows: number): Buffer[] {
  const next = mulberry32(14);
  const chunks: Buffer[] = [];
  let pending: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    row(1, HEADER.map(shared)),
  ];
  for (let index = 2; index <= rows + 1; index += 1) {
    const program = PROGRAMS[Math.floor(next() * PROGRAMS.length)]!;
    const category = CATEGORIES[Math.floor(next() * CATEGORIES.length)]!;
    // Round budget figures ($1,000 to $250,000 in steps of $500), as budget lines usually are.
    const dollars = 1_000 + 500 * Math.floor(next() * 499);
    pending.push(row(index, [shared(`FY${2022 + Math.floor(next() * 5)}`), program, shared(category), dollars]));
    if (pending.length === 10_000) {
      chunks.push(Buffer.from(pending.join('')));
      pending = [];
    }
  }
  pending.push('</sheetData></worksheet>');
  chunks.push(Buffer.from(pending.join('')));
  return chunks;
}

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  compressed: Buffer;
  offset: number;
}

/** A ZIP archive of deflated entries (no ZIP64: every size here is far below 4 GiB). */
function zip(parts: [string, Buffer[]][]): { archive: Buffer; expanded: number } {
  const out: Buffer[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const [name, chunks] of parts) {
    const data = Buffer.concat(chunks);
    const compressed = deflateRawSync(data, { level: constants.Z_BEST_COMPRESSION });
    const entry = { name: Buffer.from(name), crc: crc32(data), size: data.byteLength, compressed, offset };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(compressed.byteLength, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(entry.name.byteLength, 26);
    out.push(local, entry.name, compressed);
    offset += 30 + entry.name.byteLength + compressed.byteLength;
    entries.push(entry);
  }
  const directoryStart = offset;
  for (const entry of entries) {
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.compressed.byteLength, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(entry.name.byteLength, 28);
    central.writeUInt32LE(entry.offset, 42);
    out.push(central, entry.name);
    offset += 46 + entry.name.byteLength;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  out.push(end);
  return { archive: Buffer.concat(out), expanded: entries.reduce((sum, entry) => sum + entry.size, 0) };
}

export function writeLargeWorkbook(file: string, rows: number): LargeWorkbook {
  const parts: [string, Buffer[]][] = Object.entries(PARTS).map(([name, text]) => [name, [Buffer.from(text)]]);
  const strings = SHARED.map((text) => `<si><t>${text}</t></si>`).join('');
  parts.push(['xl/sharedStrings.xml', [Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${SHARED.length}" uniqueCount="${SHARED.length}">${strings}</sst>`)]]);
  parts.push(['xl/worksheets/sheet1.xml', sheetChunks(rows)]);
  const { archive, expanded } = zip(parts);
  fs.writeFileSync(file, archive);
  return { file, rows, bytes: archive.byteLength, expandedBytes: expanded };
}
