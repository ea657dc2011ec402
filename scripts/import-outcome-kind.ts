import type { Database } from '../db/client';
import type { ImportRowError } from '../lib/import';
import { MEASURES } from '../lib/outcomes/measures';
import { cliActor } from '../lib/services/import-actor';
import type { MoneySkippedRow } from '../lib/services/import-money';
import { commitOutcomeImport, previewOutcomeImport, type OutcomeImportInput } from '../lib/services/import-outcomes';
import { describeRowError } from '../lib/services/import-report';
import type { ParsedOutcome } from '../lib/import/parse-outcomes';

/**
 * `npm run import -- --kind outcomes`: the same report as the other kinds (problems by row and column, skipped rows,
 * a summary) for a program outcome report; the outcomes are drafts, submitted and decided on the staff outcomes page.
 */

const LIST_LIMIT = 50;

export async function runOutcomeImport(
  db: Database,
  localityName: string,
  request: OutcomeImportInput,
  options: { dryRun: boolean; verbose: boolean; started: number },
): Promise<number> {
  if (options.dryRun) {
    const preview = await previewOutcomeImport(db, cliActor(), request);
    if (!preview.ok) return fileProblem(preview.reason, preview.headers, preview.mapping);
    printMapping(preview.mapping);
    printProblems(preview.errors);
    printSkipped(preview.skipped, options.verbose);
    printOutcomes(preview.create, options.verbose);
    const already = preview.skipped.filter((row) => row.kind === 'already-imported').length;
    console.log(
      `\nSummary: ${plural(preview.create.length, 'outcome')} to create, ${already} already imported, ` +
        `${plural(preview.skipped.length - already, 'row')} skipped, ${plural(rowsOf(preview.errors), 'row')} with problems.`,
    );
    console.log(`Dry run: nothing was written (${seconds(options.started)}).`);
    return preview.errors.length > 0 ? 1 : 0;
  }
  const result = await commitOutcomeImport(db, cliActor(), request);
  if (!result.ok) {
    if (result.errors.length === 0) return fileProblem(result.reason, result.headers, result.mapping);
    printProblems(result.errors);
    console.log(`\n${result.reason}`);
    return 1;
  }
  printSkipped(result.skipped, options.verbose);
  printOutcomes(result.create, options.verbose);
  console.log(
    `\nImported ${plural(result.created, 'outcome')} into ${localityName} in one transaction ` +
      `(${result.alreadyImported} already imported) in ${seconds(options.started)}.`,
  );
  if (result.created > 0) console.log('They are drafts: submit them for review on the staff outcomes page; once approved they are public.');
  return 0;
}

function fileProblem(reason: string, headers?: string[], mapping?: Record<string, string | null>): number {
  console.log(`The file cannot be imported as outcomes: ${reason}`);
  if (headers && headers.length > 0) {
    console.log(`Its columns: ${headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ')}`);
    if (mapping) printMapping(mapping);
    console.log('Map them with --kind outcomes --map "Header=field,…", or choose another --kind');
  }
  return 1;
}

function printMapping(mapping: Record<string, string | null>): void {
  const parts = Object.entries(mapping)
    .filter(([header]) => header !== '')
    .map(([header, field]) => `"${header}" → ${field ?? '(not imported)'}`);
  console.log(`Columns: ${parts.join(', ')}`);
}

function printProblems(errors: readonly ImportRowError[]): void {
  if (errors.length === 0) return;
  console.log(`\nProblems (${plural(rowsOf(errors), 'row')}; nothing is imported until every one is fixed):`);
  for (const error of errors) console.log(`  ${describeRowError(error)}`);
}

function printSkipped(skipped: readonly MoneySkippedRow[], verbose: boolean): void {
  if (skipped.length === 0) return;
  console.log(`\nSkipped (${plural(skipped.length, 'row')}):`);
  printCapped(skipped.map((row) => `  row ${row.row}: ${row.reason}`), verbose);
}

/** "row 5: Naloxone distribution (FY2025), Naloxone kits distributed, 2024-07-01 to 2024-09-30: 1204". */
function printOutcomes(outcomes: readonly ParsedOutcome[], verbose: boolean): void {
  if (outcomes.length === 0) return;
  console.log(`\nOutcomes (${plural(outcomes.length, 'outcome')}):`);
  printCapped(
    outcomes.map((o) => {
      const measure = o.measure === 'other' ? `${o.customMeasureName} (${o.unit})` : MEASURES[o.measure].label;
      return `  row ${o.row}: ${o.allocationLabel}, ${measure}, ${o.periodStart} to ${o.periodEnd}: ${o.units.toLocaleString('en-US')}`;
    }),
    verbose,
  );
}

function printCapped(lines: string[], verbose: boolean): void {
  const shown = verbose ? lines : lines.slice(0, LIST_LIMIT);
  for (const line of shown) console.log(line);
  if (shown.length < lines.length) console.log(`  … and ${lines.length - shown.length} more (--verbose lists all)`);
}

function rowsOf(errors: readonly { row: number }[]): number {
  return new Set(errors.map((error) => error.row)).size;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function seconds(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
