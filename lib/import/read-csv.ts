import Papa from 'papaparse';

/**
 * CSV bytes → rows of cell text. What Excel, Google Sheets and LibreOffice actually write: UTF-8 with or without a
 * BOM, Windows-1252 from Excel's plain "CSV" on Windows, UTF-16 from "Unicode text"; commas, or semicolons where the
 * decimal separator is a comma, or tabs; CRLF line endings, sometimes mixed with LF.
 */

export type Delimiter = ',' | ';' | '\t';
export type RowsResult = { ok: true; rows: string[][] } | { ok: false; reason: string };
/** What one upload may hold; see read-file.ts for the defaults and why. */
export interface ReadLimits {
  maxColumns: number;
  maxRows: number;
  /** Filled cells in all (an empty cell is not counted). */
  maxCells: number;
}

/** Delimiter detection and the early column check look at this much of the text. */
const SAMPLE_CHARS = 64 * 1024;
const NOT_TEXT = 'The file is neither a CSV text file nor an XLSX workbook';

export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const decoded = decodeUtf8(bytes.subarray(3));
    if (decoded === null) return { ok: false, reason: `${NOT_TEXT}: it starts like UTF-8 text but is not valid UTF-8` };
    text = decoded;
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    // Not UTF-8? Excel on Windows saves "CSV (Comma delimited)" in Windows-1252, so "Café" arrives as one 0xE9
    // byte. Such a file has no control bytes and none of the five bytes Windows-1252 leaves undefined; binary does.
    text = decodeUtf8(bytes) ?? decodeWindows1252(bytes) ?? '\0';
  }
  // A DOS end-of-file mark (0x1A) still ends some exports; it is not content.
  text = text.replace(/\u001a+$/, '');
  if (looksBinary(text)) return { ok: false, reason: `${NOT_TEXT}: it contains binary data` };
  return { ok: true, text };
}

/**
 * Rows of the CSV text. Row i is record i of the file, which is line i+1 unless a quoted cell spans lines — the
 * same numbering a spreadsheet program shows when it opens the file.
 */
export function parseCsvText(text: string, limits: ReadLimits): RowsResult {
  // Papa picks ONE line ending for the whole file; a file edited on two systems has both. Normalize first, which
  // also turns CRLF inside quoted cells into LF. The line breaks that end the file are dropped: the record after the
  // last one is nothing (not a blank row), or a file of exactly the row limit, ending as files do, would be refused.
  const normalized = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const complete = normalized.length <= SAMPLE_CHARS;
  const delimiter = detectDelimiter(normalized.slice(0, SAMPLE_CHARS), complete);
  if (delimiter.widest > limits.maxColumns) {
    // From a sample the widest record may be cut short: it has at least that many columns.
    return tooManyColumns(delimiter.widest, limits.maxColumns, !complete);
  }

  const rows: string[][] = [];
  let cells = 0;
  let failure: string | null = null;
  Papa.parse<string[]>(normalized, {
    delimiter: delimiter.delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      const row = result.data;
      if (row.length > limits.maxColumns) {
        failure = tooManyColumns(row.length, limits.maxColumns).reason;
        parser.abort();
        return;
      }
      const quoteError = result.errors.find((error) => error.type === 'Quotes');
      if (quoteError) {
        failure =
          `Row ${rows.length + 1} has a double quote that is never closed or is followed by more text; ` +
          'fix the quoting and upload again';
        parser.abort();
        return;
      }
      rows.push(row);
      for (const cell of row) if (cell !== '') cells += 1;
      if (rows.length > limits.maxRows) {
        failure = `The file has more than ${limits.maxRows.toLocaleString('en-US')} rows; split it into smaller files`;
        parser.abort();
      } else if (cells > limits.maxCells) {
        failure = `The file has more than ${limits.maxCells.toLocaleString('en-US')} filled cells; split it into smaller files`;
        parser.abort();
      }
    },
  });
  if (failure !== null) return { ok: false, reason: failure };
  return { ok: true, rows };
}

/**
 * Comma, semicolon or tab: the one that splits the most records into the same number (≥ 2) of cells. Papa's own
 * guess looks at the first rows only and is thrown by a title line above the table or by amounts like "1,234.56"
 * in a semicolon file, so we count fields quote-aware over a sample (SAMPLE_CHARS) ourselves. Also returns the
 * widest record seen, so a file of a million columns is refused before it is parsed.
 */
export function detectDelimiter(sample: string, complete: boolean): { delimiter: Delimiter; widest: number } {
  const candidates: Delimiter[] = [',', ';', '\t'];
  let best: { delimiter: Delimiter; matches: number; mode: number } = { delimiter: ',', matches: 0, mode: 0 };
  for (const candidate of candidates) {
    const counts = countFields(sample, candidate, complete);
    const frequency = new Map<number, number>();
    for (const count of counts) if (count > 1) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let mode = 0;
    let matches = 0;
    for (const [count, times] of frequency) {
      if (times > matches || (times === matches && count > mode)) [mode, matches] = [count, times];
    }
    if (matches > best.matches || (matches === best.matches && mode > best.mode)) {
      best = { delimiter: candidate, matches, mode };
    }
  }
  // Measured for the delimiter chosen, counting a partial last record too: the record is at least that wide.
  const widest = countFields(sample, best.delimiter, true).reduce((max, count) => Math.max(max, count), 0);
  return { delimiter: best.delimiter, widest };
}

/** Field count of each non-blank record, with RFC 4180 quotes. A partial last record is left out unless `complete`. */
function countFields(text: string, delimiter: string, complete: boolean): number[] {
  const counts: number[] = [];
  let fields = 1;
  let blank = true;
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i += 1;
        else quoted = false;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      blank = false;
      atFieldStart = false;
    } else if (ch === delimiter) {
      fields += 1;
      blank = false;
      atFieldStart = true;
    } else if (ch === '\n') {
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
      atFieldStart = true;
    } else {
      if (ch !== ' ') blank = false;
      atFieldStart = false;
    }
  }
  if (!blank && (complete || counts.length === 0)) counts.push(fields);
  return counts;
}

function tooManyColumns(count: number, max: number, atLeast = false): { ok: false; reason: string } {
  const columns = `${atLeast ? 'at least ' : ''}${count.toLocaleString('en-US')}`;
  return { ok: false, reason: `The file has ${columns} columns; the limit is ${max.toLocaleString('en-US')}` };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F; these are its characters there (null = undefined byte).
const CP1252_HIGH: (number | null)[] = [
  0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, null, 0x017d,
  null, null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, null,
  0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string | null {
  const chars: string[] = [];
  for (const byte of bytes) {
    if (byte >= 0x80 && byte <= 0x9f) {
      const code = CP1252_HIGH[byte - 0x80];
      if (code === null || code === undefined) return null;
      chars.push(String.fromCharCode(code));
    } else {
      chars.push(String.fromCharCode(byte));
    }
  }
  return chars.join('');
}

/** NUL anywhere, or more than a stray few control characters: no spreadsheet export writes those. */
function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  const sample = text.slice(0, 64 * 1024);
  const controls = sample.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > Math.max(2, sample.length / 1000);
}
