import type { Database } from '../db/client';
import { formatCents } from '../lib/money';
import { cliActor } from '../lib/services/import/actor';
import { commitExpenditureImport, previewExpenditureImport } from '../lib/services/import/expenditures';
import {
  commitExpectedPaymentImport,
  previewExpectedPaymentImport,
  type ExpectedPaymentImportInput,
} from '../lib/services/expected-payments/import-expected-payments';
import type { MoneyImportInput } from '../lib/services/import/money';
import { commitReceiptImport, previewReceiptImport } from '../lib/services/import/receipts';
import { plural, progressPrinter, reportImport, seconds, type ReportOptions } from './import-print';

/**
 * `npm run import -- --kind receipts|expenditures`: the same report as the allocation import (problems by row and
 * column, skipped rows, how the file was read, a summary), for a receipts ledger or an expenditures report.
 */

type MoneyPreview = Awaited<ReturnType<(typeof VERBS)[keyof typeof VERBS]['preview']>>;
type MoneyCommitResult = Awaited<ReturnType<(typeof VERBS)[keyof typeof VERBS]['commit']>>;

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
  options: ReportOptions,
): Promise<number> {
  const verbs = VERBS[kind];
  const noun = verbs.noun;
  return reportImport<MoneyPreview, MoneyCommitResult>(
    {
      kind,
      preview: () => verbs.preview({ db, actor: cliActor() }, request),
      commit: () => verbs.commit({ db, actor: cliActor() }, { ...request, onProgress: progressPrinter(`${noun}s`) }),
      printPlan: printHowRead,
      toCreate: (preview) => `${plural(preview.create.length, noun)} to create (${formatCents(preview.totals.amountCents)})`,
      printWritten(result) {
        printHowRead(result);
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
      },
    },
    options,
  );
}

/** The new recipients (payments only) and the notes on how the file was read. */
function printHowRead(plan: { notes: readonly string[] } | { notes: readonly string[]; newRecipients: readonly NewRecipientRead[] }): void {
  if ('newRecipients' in plan) printNewRecipients(plan.newRecipients);
  for (const note of plan.notes) console.log(note);
}

type NewRecipientRead = { name: string; type: string; row: number; typeFromName: boolean };

function printNewRecipients(recipients: readonly NewRecipientRead[]): void {
  if (recipients.length === 0) return;
  console.log(`\nNew recipients (${recipients.length}):`);
  for (const recipient of recipients) {
    const how = recipient.typeFromName ? ' (type from its name)' : '';
    console.log(`  "${recipient.name}" (row ${recipient.row}): ${recipient.type.replace(/_/g, ' ')}${how}`);
  }
}
