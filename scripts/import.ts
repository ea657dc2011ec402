import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FolderLockedError } from '../db/folder-lock';
import { findLocalityBySlug } from '../lib/data/localities';
import { AppError } from '../lib/errors';
import { parseMapArgument, type Mapping } from '../lib/import';
import {
  EXPECTED_PAYMENT_FIELDS,
  EXPENDITURE_FIELDS,
  OUTCOME_FIELDS,
  parseImportKind,
  parseKindMapArgument,
  RECEIPT_FIELDS,
} from '../lib/import/kind-fields';
import { formatCents } from '../lib/money';
import { cliActor } from '../lib/services/import-actor';
import { commitAllocationImport, previewAllocationImport } from '../lib/services/import-allocations';
import { importMaxBytes, tooLargeMessage } from '../lib/services/import-limits';
import { describeLineChanges } from '../lib/services/import-changes';
import type { ImportPlan, ImportWarning, PlannedUpdate, SkippedRow } from '../lib/services/import-plan';
import { runMoneyImport } from './import-money-kinds';
import { fileProblem, plural, printCapped, printMapping, printProblems, printSkipped, rowsOf, seconds } from './import-print';
import { runOutcomeImport } from './import-outcome-kind';
import { openFromEnv } from './open-from-env';
import { runCli } from './run-cli';

/**
 * Bulk import of allocation lines, receipts, expenditures, expected payments or program outcomes from a CSV or XLSX
 * file, the same import as the web page (outcomes: the command line only, for now):
 *
 *   npm run import -- --locality SLUG --file PATH [--kind allocations|receipts|expenditures|expected-payments|outcomes]
 *     [--map "Header=field,…"]
 *     [--post] [--dry-run] [--verbose]
 *
 * Prints every row problem (row, column, value, reason), the rows it skips and a summary. Without --dry-run it
 * writes all lines in one transaction, or none when any row has a problem; it exits non-zero whenever nothing was
 * imported because of a problem. Progress goes to stderr, so stdout can be kept as the report.
 */

const USAGE =
  'usage: npm run import -- --locality SLUG --file PATH [--kind allocations|receipts|expenditures|expected-payments|outcomes] ' +
  '[--map "Header=field,Other header=field"] [--estimate-source "…"] [--estimated-on YYYY-MM-DD] [--post] [--dry-run] [--verbose]\n' +
  '  --kind: what the file holds (default allocations)\n' +
  '  --post: receipts and expenditures are posted as they are imported (counted publicly at once), for a report the\n' +
  '    locality has already published; without it they are drafts, posted from the workspace\n' +
  '  --estimate-source, --estimated-on: for --kind expected-payments, where and when the estimates were made, for a\n' +
  '    file with no Source or Estimate Date column\n' +
  '  --kind outcomes: what each program reports it did (program, measure, period, count, source), imported as drafts\n' +
  '    to submit and decide on the staff outcomes page\n' +
  '  allocations fields: fiscal_year, program, description, recipient, recipient_type, category, amount, spent, source, status\n' +
  `  receipts fields: ${RECEIPT_FIELDS.join(', ')}\n` +
  `  expenditures fields: ${EXPENDITURE_FIELDS.join(', ')}\n` +
  `  expected-payments fields: ${EXPECTED_PAYMENT_FIELDS.join(', ')}\n` +
  `  outcomes fields: ${OUTCOME_FIELDS.join(', ')}`;

/** Lists longer than this are cut short unless --verbose; row problems are always printed in full. */
runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        locality: { type: 'string' },
        file: { type: 'string' },
        map: { type: 'string' },
        kind: { type: 'string' },
        'estimate-source': { type: 'string' },
        'estimated-on': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        post: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`abate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.locality || !values.file) {
    console.error(USAGE);
    return 2;
  }

  const kind = parseImportKind(values.kind);
  if (!kind.ok) {
    console.error(`abate: --kind: ${kind.reason}`);
    return 2;
  }
  let kindMapping: Record<string, string> | undefined;
  if (kind.kind !== 'allocations' && values.map !== undefined) {
    const fields = { receipts: RECEIPT_FIELDS, expenditures: EXPENDITURE_FIELDS, 'expected-payments': EXPECTED_PAYMENT_FIELDS, outcomes: OUTCOME_FIELDS }[kind.kind];
    const parsed = parseKindMapArgument<string>(values.map, fields);
    if (!parsed.ok) {
      console.error(`abate: --map (--kind ${kind.kind}): ${parsed.reason}`);
      return 2;
    }
    kindMapping = parsed.mapping;
  }

  let mapping: Mapping | undefined;
  if (kind.kind === 'allocations' && values.map !== undefined) {
    const parsed = parseMapArgument(values.map);
    if (!parsed.ok) {
      console.error(`abate: --map: ${parsed.reason}`);
      return 2;
    }
    mapping = parsed.mapping;
  }

  const filePath = path.resolve(values.file);
  const fileName = path.basename(filePath);
  const maxBytes = importMaxBytes();
  let size: number;
  try {
    size = fs.statSync(filePath).size;
  } catch (error) {
    console.error(`abate: cannot read ${filePath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }
  // Refused before a byte is read into memory.
  if (size > maxBytes) {
    console.error(`abate: ${tooLargeMessage(size, maxBytes)}`);
    return 1;
  }
  const bytes = new Uint8Array(fs.readFileSync(filePath));

  const dryRun = values['dry-run'];
  const command = `npm run import -- --locality ${values.locality} --kind ${kind.kind}${dryRun ? ' --dry-run' : ''}`;
  let handle;
  try {
    handle = await openFromEnv(command);
  } catch (error) {
    if (error instanceof FolderLockedError) {
      console.error(
        `abate: ${error.message}\n` +
          'The command-line import writes to the embedded database itself, so it cannot run while the Abate server ' +
          'has the folder open. Stop the server and run the import again, or import the file on the web page ' +
          '(Staff workspace → the locality → Import). With PostgreSQL (DATABASE_URL) both can run at once.',
      );
      return 1;
    }
    throw error;
  }

  try {
    const locality = await findLocalityBySlug(handle.db, values.locality);
    if (!locality) {
      console.error(`abate: no locality has the slug "${values.locality}"`);
      return 1;
    }
    const started = Date.now();
    console.error(`Reading ${fileName} for ${locality.name} (${handle.driver} at ${handle.where})…`);
    const request = { localityId: locality.id, fileName, bytes, mapping, maxBytes };
    if (kind.kind === 'outcomes') {
      const outcomeRequest = { localityId: locality.id, fileName, bytes, mapping: kindMapping, maxBytes };
      return await runOutcomeImport(handle.db, locality.name, outcomeRequest, { dryRun, verbose: values.verbose, started });
    }
    if (kind.kind !== 'allocations') {
      const moneyRequest = {
        localityId: locality.id,
        fileName,
        bytes,
        mapping: kindMapping,
        maxBytes,
        estimateSource: values['estimate-source'],
        estimatedOn: values['estimated-on'],
        post: values.post,
      };
      return await runMoneyImport(kind.kind, handle.db, locality.name, moneyRequest, { dryRun, verbose: values.verbose, started });
    }

    if (dryRun) {
      const preview = await previewAllocationImport(handle.db, cliActor(), request);
      if (!preview.ok) return fileProblem(undefined, preview.reason, preview.headers, preview.mapping);
      printMapping(preview.mapping);
      printProblems(preview.errors);
      printSkipped(preview.skipped, values.verbose);
      printChanges(preview.update, values.verbose);
      printWarnings(preview.warnings, values.verbose);
      printHowRead(preview);
      const amount = formatCents(preview.totals.amountCents);
      const spent = formatCents(preview.totals.spentCents);
      console.log(
        `\nSummary: ${plural(preview.create.length, 'line')} to create (${amount} allocated, ${spent} spent to date), ` +
          `${plural(preview.update.length, 'line')} to change, ${preview.counts.upToDate} already up to date, ` +
          `${plural(preview.newRecipients.length, 'new recipient')}, ${counts(preview.skipped)}, ` +
          `${plural(rowsOf(preview.errors), 'row')} with problems.`,
      );
      console.log(`Dry run: nothing was written (${seconds(started)}).`);
      return preview.errors.length > 0 ? 1 : 0;
    }

    const progress = progressPrinter();
    const result = await commitAllocationImport(handle.db, cliActor(), { ...request, onProgress: progress });
    if (!result.ok) {
      if (result.errors.length === 0) return fileProblem(undefined, result.reason, result.headers, result.mapping);
      printProblems(result.errors);
      console.log(`\n${result.reason}`);
      return 1;
    }
    printSkipped(result.skipped, values.verbose);
    printChanges(result.updated, values.verbose);
    printWarnings(result.warnings, values.verbose);
    printHowRead(result);
    console.log(
      `\nImported ${plural(result.created, 'line')} and changed ${plural(result.counts.changed, 'line')} ` +
        `(${result.counts.upToDate} already up to date) into ${locality.name} in one transaction ` +
        `(${formatCents(result.totals.amountCents)} allocated, ${formatCents(result.totals.spentCents)} spent to date; ` +
        `${plural(result.recipientsCreated, 'new recipient')}; ${counts(result.skipped)}) in ${seconds(started)}.`,
    );
    if (result.created > 0) console.log('The lines are drafts unless the file gave a status; submit them for review.');
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`abate: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
});

/** How the file was read: notes (fiscal year from the title, amounts from spent) and each category name's match. */
function printHowRead(plan: Pick<ImportPlan, 'notes' | 'categoryMatches'>): void {
  for (const note of plan.notes) console.log(note);
  if (plan.categoryMatches.length === 0) return;
  console.log('\nCategory names matched:');
  for (const match of plan.categoryMatches) {
    const written = match.written === '' ? '(blank)' : `"${match.written}"`;
    console.log(`  ${written} → ${match.frameworkName}: ${match.label} (${plural(match.rows, 'row')})`);
  }
}

/** Each stored line a re-import changes: "row 5 → line #12 (FY2026 Naloxone kits): amount $56,700.00 → $60,000.00". */
function printChanges(updates: readonly PlannedUpdate[], verbose: boolean): void {
  if (updates.length === 0) return;
  console.log(`\nChanges to lines already recorded (${plural(updates.length, 'line')}):`);
  printCapped(
    updates.map((u) => `  row ${u.row} → line #${u.allocationId} (FY${u.fiscalYear} ${u.program}): ${describeLineChanges(u.changes)}`),
    verbose,
  );
}

function printWarnings(warnings: ImportWarning[], verbose: boolean): void {
  if (warnings.length === 0) return;
  console.log(`\nWorth a look (${plural(warnings.length, 'note')}; they do not stop the import):`);
  printCapped(
    warnings.map((w) => `  row ${w.row}, column "${w.column}": ${w.message}`),
    verbose,
  );
}

function counts(skipped: SkippedRow[]): string {
  const already = skipped.filter((row) => row.kind === 'already-imported').length;
  return `${already} already imported, ${plural(skipped.length - already, 'row')} skipped`;
}

/** Progress on stderr at every 5% of the lines written, then while the database checks and commits. */
function progressPrinter(): (done: number, total: number) => void {
  let lastStep = -1;
  return (done, total) => {
    if (total === 0) return;
    const step = Math.floor((done * 20) / total);
    if (step === lastStep) return;
    lastStep = step;
    console.error(`  ${step * 5}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} lines written)`);
    if (done === total) console.error('  checking category splits and committing…');
  };
}
