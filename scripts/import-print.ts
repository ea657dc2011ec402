import type { ImportRowError } from '../lib/import';
import { describeRowError } from '../lib/services/import-report';

/**
 * What `npm run import` prints for every kind of file: the columns as read, problems by row and column, skipped
 * rows, and the counts and times of its summary. Each kind adds its own lines (scripts/import.ts,
 * import-money-kinds.ts, import-outcome-kind.ts).
 */

/** How many rows of a list are printed without --verbose. */
const LIST_LIMIT = 50;

/**
 * Why the file was refused as a whole, with its columns and how to map them. `kind` is the --kind it was read as;
 * absent for allocation lines, the default kind.
 */
export function fileProblem(kind: string | undefined, reason: string, headers?: string[], mapping?: Record<string, string | null>): number {
  console.log(`The file cannot be imported${kind ? ` as ${kind}` : ''}: ${reason}`);
  if (headers && headers.length > 0) {
    console.log(`Its columns: ${headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ')}`);
    if (mapping) printMapping(mapping);
    console.log(kind ? `Map them with --kind ${kind} --map "Header=field,…", or choose another --kind` : 'Map them with --map "Header=field,…"');
  }
  return 1;
}

export function printMapping(mapping: Record<string, string | null>): void {
  const parts = Object.entries(mapping)
    .filter(([header]) => header !== '')
    .map(([header, field]) => `"${header}" → ${field ?? '(not imported)'}`);
  console.log(`Columns: ${parts.join(', ')}`);
}

export function printProblems(errors: readonly ImportRowError[]): void {
  if (errors.length === 0) return;
  console.log(`\nProblems (${plural(rowsOf(errors), 'row')}; nothing is imported until every one is fixed):`);
  for (const error of errors) console.log(`  ${describeRowError(error)}`);
}

export function printSkipped(skipped: readonly { row: number; reason: string }[], verbose: boolean): void {
  if (skipped.length === 0) return;
  console.log(`\nSkipped (${plural(skipped.length, 'row')}):`);
  printCapped(skipped.map((row) => `  row ${row.row}: ${row.reason}`), verbose);
}

/** The lines, all of them with --verbose, else the first LIST_LIMIT and how many more there are. */
export function printCapped(lines: string[], verbose: boolean): void {
  const shown = verbose ? lines : lines.slice(0, LIST_LIMIT);
  for (const line of shown) console.log(line);
  if (shown.length < lines.length) console.log(`  … and ${lines.length - shown.length} more (--verbose lists all)`);
}

/** How many rows have at least one problem. */
export function rowsOf(errors: readonly { row: number }[]): number {
  return new Set(errors.map((error) => error.row)).size;
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export function seconds(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
