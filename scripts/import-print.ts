import type { ImportRowError } from '../lib/import';
import type { FileRefusal, ImportRefusal } from '../lib/services/import/commit';
import { describeRowError } from '../lib/services/import/report';

/**
 * What `npm run import` prints for every kind of file: the columns as read, problems by row and column, skipped
 * rows, and the counts and times of its summary. Each kind adds its own lines (scripts/import.ts,
 * import-money-kinds.ts, import-outcome-kind.ts).
 */

/** How many rows of a list are printed without --verbose. */
const LIST_LIMIT = 50;

export interface ReportOptions {
  dryRun: boolean;
  verbose: boolean;
  /** Date.now() when the command began, for the times it reports. */
  started: number;
}

type SkippedRow = { row: number; reason: string; kind: string };
type Previewed = { ok: true; mapping: Record<string, string | null>; errors: readonly ImportRowError[]; skipped: readonly SkippedRow[] } | FileRefusal;
type Committed = { ok: true; skipped: readonly SkippedRow[] } | ImportRefusal;

/** One kind's preview and commit, and the lines it prints besides those every kind prints. */
export interface KindReport<P extends Previewed, C extends Committed> {
  /** The --kind a refused file is named by; undefined for allocation lines, the default kind. */
  kind: string | undefined;
  preview(): Promise<P>;
  commit(): Promise<C>;
  /** A dry run's lines after the skipped rows. */
  printPlan(preview: Extract<P, { ok: true }>): void;
  /** The summary's first words: "3 receipts to create ($1,234.00)". */
  toCreate(preview: Extract<P, { ok: true }>): string;
  /** An import's lines after the skipped rows: what was written, and what to do next. */
  printWritten(result: Extract<C, { ok: true }>): void;
}

/**
 * `npm run import` of any kind: a dry run prints the plan and a summary and writes nothing; otherwise the import is
 * written, or refused with every problem listed. Returns the exit code: 1 when a problem stopped the import.
 */
export async function reportImport<P extends Previewed, C extends Committed>(report: KindReport<P, C>, options: ReportOptions): Promise<number> {
  if (options.dryRun) {
    const preview: Previewed = await report.preview();
    if (!preview.ok) return fileProblem(report.kind, preview.reason, preview.headers, preview.mapping);
    printMapping(preview.mapping);
    printProblems(preview.errors);
    printSkipped(preview.skipped, options.verbose);
    const plan = preview as Extract<P, { ok: true }>;
    report.printPlan(plan);
    console.log(
      `\nSummary: ${report.toCreate(plan)}, ${skippedCounts(preview.skipped)}, ` +
        `${plural(rowsOf(preview.errors), 'row')} with problems.`,
    );
    console.log(`Dry run: nothing was written (${seconds(options.started)}).`);
    return preview.errors.length > 0 ? 1 : 0;
  }
  const result: Committed = await report.commit();
  if (!result.ok) {
    if (result.errors.length === 0) return fileProblem(report.kind, result.reason, result.headers, result.mapping);
    printProblems(result.errors);
    console.log(`\n${result.reason}`);
    return 1;
  }
  printSkipped(result.skipped, options.verbose);
  report.printWritten(result as Extract<C, { ok: true }>);
  return 0;
}

/** "2 already imported, 3 rows skipped". */
export function skippedCounts(skipped: readonly { kind: string }[]): string {
  const already = skipped.filter((row) => row.kind === 'already-imported').length;
  return `${already} already imported, ${plural(skipped.length - already, 'row')} skipped`;
}

/**
 * Progress on stderr at every 5% of the records written ("  35% (7,000 of 20,000 lines written)"); `whenDone`, the
 * line printed once all are, while the database checks and commits.
 */
export function progressPrinter(records: string, whenDone?: string): (done: number, total: number) => void {
  let lastStep = -1;
  return (done, total) => {
    if (total === 0) return;
    const step = Math.floor((done * 20) / total);
    if (step === lastStep) return;
    lastStep = step;
    console.error(`  ${step * 5}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${records} written)`);
    if (whenDone !== undefined && done === total) console.error(whenDone);
  };
}

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
