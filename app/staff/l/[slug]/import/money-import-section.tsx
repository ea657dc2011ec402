import Link from 'next/link';
import {
  EXPECTED_PAYMENT_FIELD_TABLE,
  EXPENDITURE_FIELD_TABLE,
  IMPORT_KIND_LABELS,
  OUTCOME_FIELD_TABLE,
  RECEIPT_FIELD_TABLE,
  type KindField,
} from '@/lib/import/kind-fields';
import type { MoneyImportKind } from './_lib/money-wire';
import { ImportHelp, ImportPageShell } from './import-parts';
import { MoneyImportWizard } from './money-import-wizard';

/**
 * The import page for a receipts ledger, an expenditures report, a settlement's payment estimates or a program's
 * outcome report: the chooser, the wizard, and the kind's columns.
 */
export function MoneyImportSection(props: {
  kind: MoneyImportKind;
  locality: { slug: string; name: string };
  maxBytes: number;
  limitLabel: string;
}) {
  const { kind, locality } = props;
  const table: Record<string, KindField> = {
    receipts: RECEIPT_FIELD_TABLE,
    expenditures: EXPENDITURE_FIELD_TABLE,
    'expected-payments': EXPECTED_PAYMENT_FIELD_TABLE,
    outcomes: OUTCOME_FIELD_TABLE,
  }[kind];
  const listHref = `/staff/l/${locality.slug}/${kind === 'expected-payments' ? 'settlements' : kind}`;
  return (
    <ImportPageShell
      kind={kind}
      lede={
        <>
          {kind === 'outcomes'
            ? `Bring in what ${locality.name}'s programs report they did: people served, naloxone kits, placements, each for a period and with its source. They arrive as drafts for the board to review.`
            : kind === 'expected-payments'
            ? `Bring in the settlement administrator's estimates of what ${locality.name} should receive, by settlement and payment year; each is kept as a revision.`
            : kind === 'receipts'
            ? `Bring in the receipts ledger ${locality.name} keeps: the settlement payments and interest received.`
            : `Bring in the payments ${locality.name} made, each against the allocation line it was paid from.`}{' '}
          You see every row before anything is saved; then every row is saved in one go, or none.
        </>
      }
    >
      <MoneyImportWizard slug={locality.slug} kind={kind} maxBytes={props.maxBytes} limitLabel={props.limitLabel} listHref={listHref} />
      <ImportHelp
        summary={`What the spreadsheet can hold (${IMPORT_KIND_LABELS[kind]})`}
        intro={
          <>
            One row per {{ receipts: 'receipt', expenditures: 'payment', 'expected-payments': 'estimate', outcomes: 'measure of a program for a period' }[kind]}, with a header row naming the columns. Title rows
            above the header, blank rows and a totals row at the bottom are skipped. Columns marked{' '}
            <abbr title="required">*</abbr> are required. Importing the same rows again never records them twice.
          </>
        }
        fields={Object.entries(table).map(([field, spec]) => ({ field, required: spec.required, help: spec.help }))}
        footer={
          <>
            From the command line: <code>npm run import -- --kind {kind} --locality {locality.slug} --file PATH</code>.
            See also the <Link href={listHref}>{kind === 'expected-payments' ? 'settlements' : kind}</Link>.
          </>
        }
      />
    </ImportPageShell>
  );
}
