import { stringify } from 'csv-stringify/sync';
import { DECIMAL_PATTERN } from './money';

/**
 * CSV downloads: RFC 4180 quoting by csv-stringify, formula escaping by us, written batch by batch so that a
 * download of every line never sits in memory as one string.
 *
 * Formula injection. A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and, in some, a tab or a
 * carriage return before one) as a formula: `=HYPERLINK("http://evil","click")` in a description typed by anyone
 * who can edit a line would run on the reader's machine. So:
 *  - every TEXT cell (anything a person typed or that is not checked below) that begins with one of those six
 *    characters (or the full-width ＝＋－＠, which some spreadsheets also accept) gets a leading apostrophe, which spreadsheets read as "this is text" and do not show, and every
 *    text cell is quoted, so a separator inside it (`,` or, in locales that split on it, `;`) cannot start a new
 *    cell either;
 *  - NUMERIC cells (money, integers, dates, booleans) are never typed by a person: they are written by us from
 *    bigints and numbers. They stay unescaped, because `'-5.00` would turn a refund into text and break every sum,
 *    but each one is checked against a strict pattern (money: /^-?\d+\.\d{2}$/) before it is written, and a value
 *    that fails aborts the download rather than writing something a spreadsheet could run. A cell that matches
 *    those patterns is a plain number or date and cannot be a formula.
 * Readers who load the CSV as data (pandas, R, Frictionless) should strip one leading apostrophe from a text cell
 * that begins with `'` followed by one of the six characters; the data dictionary says so.
 */

export type CsvFieldType = 'string' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean';
export type CsvValue = string | number | boolean | null;

export interface CsvColumn<R> {
  name: string;
  type: CsvFieldType;
  /** The data dictionary entry: what the column holds, for the Table Schema. */
  description: string;
  required?: boolean;
  enum?: readonly string[];
  value: (row: R) => CsvValue;
}

/** The characters a spreadsheet may run a cell from, with the full-width forms (＝＋－＠) some also accept. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * THE formula-escaping rule of every CSV Abate writes (the public downloads here, the staff exports in
 * lib/data/staff-csv.ts): `=HYPERLINK("x")` → `'=HYPERLINK("x")`; text that starts with anything else is returned
 * unchanged.
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const SAFE: Record<Exclude<CsvFieldType, 'string'>, RegExp> = {
  integer: /^-?\d{1,18}$/,
  // The only numbers we write are money amounts from centsToDecimalString.
  number: DECIMAL_PATTERN,
  date: /^\d{4}-\d{2}-\d{2}$/,
  datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
  boolean: /^(true|false)$/,
};

export class UnsafeCsvValue extends Error {}

/** The text of one cell, and whether it is a text cell (escaped and quoted). */
function cellText<R>(column: CsvColumn<R>, row: R): string {
  const value = column.value(row);
  if (value === null) return '';
  const text = String(value);
  if (column.type === 'string') return escapeFormula(text);
  if (!SAFE[column.type].test(text)) {
    // Never echo the value: it may be exactly what we refuse to write.
    throw new UnsafeCsvValue(`CSV column ${column.name} (${column.type}) got a value that is not a plain ${column.type}`);
  }
  return text;
}

/** A column's header: its name, or (a Spanish download) words for it. */
export type HeaderOf = (columnName: string) => string;

const byName: HeaderOf = (name) => name;

/** Lines of CSV (CRLF endings) for `rows`, with the header row first when `header` is true. */
export function csvText<R>(columns: readonly CsvColumn<R>[], rows: readonly R[], header: boolean, headerOf: HeaderOf = byName): string {
  const textColumns = new Set(columns.flatMap((column, index) => (column.type === 'string' ? [index] : [])));
  const head = header ? stringify([columns.map((column) => escapeFormula(headerOf(column.name)))], { record_delimiter: 'windows' }) : '';
  if (rows.length === 0) return head;
  const records = rows.map((row) => columns.map((column) => cellText(column, row)));
  return (
    head +
    stringify(records, {
      record_delimiter: 'windows',
      cast: {
        string: (value, context) =>
          typeof context.index === 'number' && textColumns.has(context.index) && value !== ''
            ? { value, quoted: true }
            : value,
      },
    })
  );
}

/**
 * A byte stream of the CSV: the header row, then one chunk per batch that `batches` yields. Batches are pulled
 * only when the reader wants more, so a slow client does not make the server read ahead; a client that goes away
 * stops the reading.
 */
export function csvStream<R>(
  columns: readonly CsvColumn<R>[],
  batches: AsyncIterable<readonly R[]>,
  headerOf: HeaderOf = byName,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvText(columns, [], true, headerOf)));
        return;
      }
      // A pull that enqueues nothing is not called again: skip empty batches here.
      for (;;) {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        if (next.value.length > 0) {
          controller.enqueue(encoder.encode(csvText(columns, next.value, false)));
          return;
        }
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Reads a whole CSV stream back into a string (tests, small files). */
export async function readStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
