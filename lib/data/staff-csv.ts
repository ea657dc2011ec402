/**
 * CSV downloads of the staff lists, safe to open in a spreadsheet.
 *
 * Formula injection: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or their
 * full-width forms, which some spreadsheets also accept) would be run as a formula by Excel, LibreOffice or Google
 * Sheets. Such cells get a leading `'`, which spreadsheets show as text and do not evaluate: escapeFormula, the one
 * rule the public downloads use too (lib/open-data/csv.ts). Quoting (RFC 4180) is csv-stringify's, as there.
 *
 * Amounts: each amount is its own column, written as a plain decimal string of the exact cents ("-1234.56"), and is
 * NOT prefixed. The `-` rule applies to text columns only. That is safe because an amount cell is produced by
 * `centsToDecimalString` and checked here to be nothing but an optional minus, digits, a point and two digits: a
 * numeric literal, which spreadsheets read as a number and never evaluate. Prefixing it would turn refunds and
 * corrections into text and break every sum the person makes. Anything that does not match that shape is refused
 * rather than written.
 */
import { stringify } from 'csv-stringify/sync';
import { centsToDecimalString } from '@/lib/money';
import { escapeFormula } from '@/lib/open-data/csv';

export type CsvCell = { kind: 'text'; value: string | number | null } | { kind: 'money'; cents: bigint };

/**
 * Quoted besides a separator or a quote (which csv-stringify quotes itself): any line break (it quotes only the
 * whole record delimiter), and space at either end, kept as typed.
 */
const QUOTED_ALSO = [/[\r\n]/, /^\s|\s$/];
const DECIMAL = /^-?\d+\.\d{2}$/;

export function textCell(value: string | number | null | undefined): CsvCell {
  return { kind: 'text', value: value ?? null };
}

export function moneyCell(cents: bigint): CsvCell {
  return { kind: 'money', cents };
}

/** The text of one cell, defused for spreadsheets, before CSV quoting. */
function cellText(cell: CsvCell): string {
  if (cell.kind === 'money') {
    const decimal = centsToDecimalString(cell.cents);
    if (!DECIMAL.test(decimal)) throw new Error(`refusing to write a malformed amount to CSV: ${decimal}`);
    return decimal;
  }
  if (cell.value === null) return '';
  return escapeFormula(String(cell.value));
}

/** One line of cells, CRLF-ended. */
export function csvLine(cells: readonly CsvCell[]): string {
  return stringify([cells.map(cellText)], { record_delimiter: 'windows', quoted_match: QUOTED_ALSO });
}

/** One cell, escaped for CSV (RFC 4180) and defused for spreadsheets. */
export function escapeCsvCell(cell: CsvCell): string {
  return csvLine([cell]).slice(0, -2);
}

/**
 * A streamed CSV download: the header, then each batch of rows as the database yields it, so a large export never
 * sits in memory whole. Starts with a byte-order mark so Excel reads the file as UTF-8.
 */
export function csvResponse<Row>(
  fileName: string,
  header: readonly string[],
  batches: AsyncIterable<Row[]>,
  toCells: (row: Row) => CsvCell[],
): Response {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(header.map((h) => textCell(h)))}`));
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((row) => csvLine(toCells(row))).join('')));
      } catch (error) {
        console.error('[abate] CSV export failed', error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, { headers: staffDownloadHeaders(fileName, 'text/csv; charset=utf-8') });
}

/** A staff download's headers (CSV or XLSX): a file to save, never shown, never cached, named safely. */
export function staffDownloadHeaders(fileName: string, contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  };
}
