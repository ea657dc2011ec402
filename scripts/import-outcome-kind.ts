import type { Database } from '../db/client';
import { MEASURES } from '../lib/outcomes/measures';
import { cliActor } from '../lib/services/import-actor';
import { commitOutcomeImport, previewOutcomeImport, type OutcomeImportInput } from '../lib/services/import-outcomes';
import type { ParsedOutcome } from '../lib/import/parse-outcomes';
import { fileProblem, plural, printCapped, printMapping, printProblems, printSkipped, rowsOf, seconds } from './import-print';

/**
 * `npm run import -- --kind outcomes`: the same report as the other kinds (problems by row and column, skipped rows,
 * a summary) for a program outcome report; the outcomes are drafts, submitted and decided on the staff outcomes page.
 */

export async function runOutcomeImport(
  db: Database,
  localityName: string,
  request: OutcomeImportInput,
  options: { dryRun: boolean; verbose: boolean; started: number },
): Promise<number> {
  if (options.dryRun) {
    const preview = await previewOutcomeImport(db, cliActor(), request);
    if (!preview.ok) return fileProblem('outcomes', preview.reason, preview.headers, preview.mapping);
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
    if (result.errors.length === 0) return fileProblem('outcomes', result.reason, result.headers, result.mapping);
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
