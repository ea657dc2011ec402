import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/client';
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
import { cliActor } from '../lib/services/import/actor';
import {
  commitAllocationImport,
  previewAllocationImport,
  type AllocationImportCommitResult,
  type AllocationImportInput,
} from '../lib/services/import/allocations';
import { importMaxBytes, tooLargeMessage } from '../lib/services/import/limits';
import { describeLineChanges } from '../lib/services/import/changes';
import type { ImportPlan, ImportWarning, PlannedUpdate } from '../lib/services/import/plan';
import { runMoneyImport } from './import-money-kinds';
import { plural, printCapped, progressPrinter, reportImport, seconds, skippedCounts, type ReportOptions } from './import-print';
import { runOutcomeImport } from './import-outcome-kind';
import { openFromEnv } from './open-from-env';
import { readOptions } from './cli-options';
import { closingAfter, failedWith, messageOf, runCli } from './run-cli';

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

runCli(async () => {
  const values = readOptions(
    USAGE,
    {
      locality: { type: 'string' },
      file: { type: 'string' },
      map: { type: 'string' },
      kind: { type: 'string' },
      'estimate-source': { type: 'string' },
      'estimated-on': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      post: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
    ['locality', 'file'],
  );
  if (typeof values === 'number') return values;

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
    return failedWith(error, folderInUse);
  }

  return closingAfter(handle, messageOf(AppError), async (handle) => {
    const locality = await findLocalityBySlug(handle.db, values.locality);
    if (!locality) {
      console.error(`abate: no locality has the slug "${values.locality}"`);
      return 1;
    }
    const options = { dryRun, verbose: values.verbose, started: Date.now() };
    console.error(`Reading ${fileName} for ${locality.name} (${handle.driver} at ${handle.where})…`);
    const file = { localityId: locality.id, fileName, bytes, maxBytes };
    if (kind.kind === 'outcomes') {
      return await runOutcomeImport(handle.db, locality.name, { ...file, mapping: kindMapping }, options);
    }
    if (kind.kind !== 'allocations') {
      const moneyRequest = {
        ...file,
        mapping: kindMapping,
        estimateSource: values['estimate-source'],
        estimatedOn: values['estimated-on'],
        post: values.post,
      };
      return await runMoneyImport(kind.kind, handle.db, locality.name, moneyRequest, options);
    }
    return await reportImport(allocationReport(handle.db, locality.name, { ...file, mapping }, options), options);
  });
});

/** The command-line import writes to the embedded database itself: a server holding the folder stops it. */
function folderInUse(error: unknown): string | null {
  if (!(error instanceof FolderLockedError)) return null;
  return (
    `${error.message}\n` +
    'The command-line import writes to the embedded database itself, so it cannot run while the Abate server ' +
    'has the folder open. Stop the server and run the import again, or import the file on the web page ' +
    '(Staff workspace → the locality → Import). With PostgreSQL (DATABASE_URL) both can run at once.'
  );
}

/** Allocation lines: the lines changed, the notes worth a look and how category names matched, besides the rest. */
function allocationReport(db: Database, localityName: string, request: AllocationImportInput, options: ReportOptions) {
  return {
    kind: undefined,
    preview: () => previewAllocationImport({ db, actor: cliActor() }, request),
    commit: () =>
      commitAllocationImport({ db, actor: cliActor() }, {
        ...request,
        onProgress: progressPrinter('lines', '  checking category splits and committing…'),
      }),
    printPlan(preview: ImportPlan) {
      printChanges(preview.update, options.verbose);
      printWarnings(preview.warnings, options.verbose);
      printHowRead(preview);
    },
    toCreate: (preview: ImportPlan) =>
      `${plural(preview.create.length, 'line')} to create (${formatCents(preview.totals.amountCents)} allocated, ` +
      `${formatCents(preview.totals.spentCents)} spent to date), ${plural(preview.update.length, 'line')} to change, ` +
      `${preview.counts.upToDate} already up to date, ${plural(preview.newRecipients.length, 'new recipient')}`,
    printWritten(result: Extract<AllocationImportCommitResult, { ok: true }>) {
      printChanges(result.updated, options.verbose);
      printWarnings(result.warnings, options.verbose);
      printHowRead(result);
      console.log(
        `\nImported ${plural(result.created, 'line')} and changed ${plural(result.counts.changed, 'line')} ` +
          `(${result.counts.upToDate} already up to date) into ${localityName} in one transaction ` +
          `(${formatCents(result.totals.amountCents)} allocated, ${formatCents(result.totals.spentCents)} spent to date; ` +
          `${plural(result.recipientsCreated, 'new recipient')}; ${skippedCounts(result.skipped)}) in ${seconds(options.started)}.`,
      );
      if (result.created > 0) console.log('The lines are drafts unless the file gave a status; submit them for review.');
    },
  };
}

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
