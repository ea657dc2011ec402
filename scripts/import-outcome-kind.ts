import type { Database } from '../db/client';
import { MEASURES } from '../lib/outcomes/measures';
import { cliActor } from '../lib/services/import/actor';
import { commitOutcomeImport, previewOutcomeImport, type OutcomeImportInput } from '../lib/services/import/outcomes';
import type { ParsedOutcome } from '../lib/import/parse-outcomes';
import { plural, printCapped, reportImport, seconds, type ReportOptions } from './import-print';

/**
 * `npm run import -- --kind outcomes`: the same report as the other kinds (problems by row and column, skipped rows,
 * a summary) for a program outcome report; the outcomes are drafts, submitted and decided on the staff outcomes page.
 */

export async function runOutcomeImport(
  db: Database,
  localityName: string,
  request: OutcomeImportInput,
  options: ReportOptions,
): Promise<number> {
  return reportImport(
    {
      kind: 'outcomes',
      preview: () => previewOutcomeImport({ db, actor: cliActor() }, request),
      commit: () => commitOutcomeImport({ db, actor: cliActor() }, request),
      printPlan: (preview) => printOutcomes(preview.create, options.verbose),
      toCreate: (preview) => `${plural(preview.create.length, 'outcome')} to create`,
      printWritten(result) {
        printOutcomes(result.create, options.verbose);
        console.log(
          `\nImported ${plural(result.created, 'outcome')} into ${localityName} in one transaction ` +
            `(${result.alreadyImported} already imported) in ${seconds(options.started)}.`,
        );
        if (result.created > 0) console.log('They are drafts: submit them for review on the staff outcomes page; once approved they are public.');
      },
    },
    options,
  );
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
