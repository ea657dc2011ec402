import type { Database } from '../db/client';
import type { ImportRowError } from '../lib/import';
import { formatCents } from '../lib/money';
import { cliActor } from '../lib/services/import-actor';
import { commitExpenditureImport, previewExpenditureImport } from '../lib/services/import-expenditures';
import {
  commitExpectedPaymentImport,
  previewExpectedPaymentImport,
  type ExpectedPaymentImportInput,
} from '../lib/services/expected-payments/import-expected-payments';
import type { MoneyImportInput, MoneySkippedRow } from '../lib/services/import-money';
import { commitReceiptImport, previewReceiptImport } from '../lib/services/import-receipts';
import { describeRowError } from '../lib/services/import-report';

/**
 * `npm run import -- --kind receipts|expenditures`: the same report as the allocation import (problems by row and
 * column, skipped rows, how the file was read, a summary), for a receipts ledger or an expenditures report.
 */

const LIST_LIMIT = 50;

interface RunOptions {
  dryRun: boolean;
  verbose: boolean;
  started: number;
}

/** Each kind's preview and commit verbs and what one record is called. */
const VERBS = {
  receipts: { noun: 'receipt', preview: previewReceiptImport, commit: commitReceiptImport },
  expenditures: { noun: 'payment', preview: previewExpenditureImport, commit: commitExpenditureImport },
  'expected-payments': { noun: 'estimate', preview: previewExpectedPaymentImport, commit: commitExpectedPaymentImport },
} as const;

export async function runMoneyImport(
  kind: 'receipts' | 'expenditures' | 'expected-payments',
  db: Database,
  localityName: string,
  request: MoneyImportInput & Pick<ExpectedPaymentImportInput, 'estimateSource' | 'estimatedOn'>,
  options: RunOptions,
): Promise<number> {
  const verbs = VERBS[kind];
  const noun = verbs.noun;
  const progress = progressPrinter(`${noun}s`);
  if (options.dryRun) {
    const preview = await verbs.preview(db, cliActor(), request);
    if (!preview.ok) return fileProblem(kind, preview.reason, preview.headers, preview.mapping);
    printMapping(preview.mapping);
    printProblems(preview.errors);
    printSkipped(preview.skipped, options.verbose);
    if ('newRecipients' in preview) printNewRecipients(preview.newRecipients);
    for (const note of preview.notes) console.log(note);
    const already = preview.skipped.filter((row) => row.kind === 'already-imported').length;
    console.log(
      `\nSummary: ${plural(preview.create.length, noun)} to create (${formatCents(preview.totals.amountCents)}), ` +
        `${already} already imported, ${plural(preview.skipped.length - already, 'row')} skipped, ` +
        `${plural(rowsOf(preview.errors), 'row')} with problems.`,
    );
    console.log(`Dry run: nothing was written (${seconds(options.started)}).`);
    return preview.errors.length > 0 ? 1 : 0;
  }
  const input = { ...request, onProgress: progress };
  const result = await verbs.commit(db, cliActor(), input);
  if (!result.ok) {
    if (result.errors.length === 0) return fileProblem(kind, result.reason, result.headers, result.mapping);
    printProblems(result.errors);
    console.log(`\n${result.reason}`);
    return 1;
  }
  printSkipped(result.skipped, options.verbose);
  if ('newRecipients' in result) printNewRecipients(result.newRecipients);
  for (const note of result.notes) console.log(note);
  const recipients = 'recipientsCreated' in result ? `; ${plural(result.recipientsCreated, 'new recipient')}` : '';
  console.log(
    `\nImported ${plural(result.created, noun)} (${formatCents(result.totals.amountCents)}) into ${localityName} in one ` +
      `transaction (${result.alreadyImported} already imported${recipients}) in ${seconds(options.started)}.`,
  );
  if (kind !== 'expected-payments' && result.created > 0) {
    console.log(
      request.post
        ? `They are posted: they count on the public pages now.`
        : `They are drafts: post them from the ${kind} list in the workspace (or import with --post) to count them publicly.`,
    );
  }
  return 0;
}

function fileProblem(kind: string, reason: string, headers?: string[], mapping?: Record<string, string | null>): number {
  console.log(`The file cannot be imported as ${kind}: ${reason}`);
  if (headers && headers.length > 0) {
    console.log(`Its columns: ${headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ')}`);
    if (mapping) printMapping(mapping);
    console.log(`Map them with --kind ${kind} --map "Header=field,…", or choose another --kind`);
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
  const lines = skipped.map((row) => `  row ${row.row}: ${row.reason}`);
  const shown = verbose ? lines : lines.slice(0, LIST_LIMIT);
  for (const line of shown) console.log(line);
  if (shown.length < lines.length) console.log(`  … and ${lines.length - shown.length} more (--verbose lists all)`);
}

function printNewRecipients(recipients: readonly { name: string; type: string; row: number; typeFromName: boolean }[]): void {
  if (recipients.length === 0) return;
  console.log(`\nNew recipients (${recipients.length}):`);
  for (const recipient of recipients) {
    const how = recipient.typeFromName ? ' (type from its name)' : '';
    console.log(`  "${recipient.name}" (row ${recipient.row}): ${recipient.type.replace(/_/g, ' ')}${how}`);
  }
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

function progressPrinter(what: string): (done: number, total: number) => void {
  let lastStep = -1;
  return (done, total) => {
    if (total === 0) return;
    const step = Math.floor((done * 20) / total);
    if (step === lastStep) return;
    lastStep = step;
    console.error(`  ${step * 5}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${what} written)`);
  };
}
