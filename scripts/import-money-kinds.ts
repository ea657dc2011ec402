import type { Database } from '../db/client';
import { formatCents } from '../lib/money';
import { cliActor } from '../lib/services/import-actor';
import { commitExpenditureImport, previewExpenditureImport } from '../lib/services/import-expenditures';
import {
  commitExpectedPaymentImport,
  previewExpectedPaymentImport,
  type ExpectedPaymentImportInput,
} from '../lib/services/expected-payments/import-expected-payments';
import type { MoneyImportInput } from '../lib/services/import-money';
import { commitReceiptImport, previewReceiptImport } from '../lib/services/import-receipts';
import { fileProblem, plural, printMapping, printProblems, printSkipped, rowsOf, seconds } from './import-print';

/**
 * `npm run import -- --kind receipts|expenditures`: the same report as the allocation import (problems by row and
 * column, skipped rows, how the file was read, a summary), for a receipts ledger or an expenditures report.
 */

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

function printNewRecipients(recipients: readonly { name: string; type: string; row: number; typeFromName: boolean }[]): void {
  if (recipients.length === 0) return;
  console.log(`\nNew recipients (${recipients.length}):`);
  for (const recipient of recipients) {
    const how = recipient.typeFromName ? ' (type from its name)' : '';
    console.log(`  "${recipient.name}" (row ${recipient.row}): ${recipient.type.replace(/_/g, ' ')}${how}`);
  }
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
