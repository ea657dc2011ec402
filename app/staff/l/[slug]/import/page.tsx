import type { Metadata } from 'next';
import Link from 'next/link';
import { FIELD_LABELS, IMPORT_FIELDS, REQUIRED_FIELDS } from '@/lib/import';
import { formatLimit, importMaxBytes } from '@/lib/services/import/limits';
import { ImportWizard } from './import-wizard';
import { ImportHelp, ImportPageShell } from './import-parts';
import { MoneyImportSection } from './money-import-section';
import { parseImportKind } from '@/lib/import/kind-fields';
import type { FieldOption } from './_lib/wire';
import { openLocalityPage, type LocalityRoute } from '../_lib/locality-page';

export const metadata: Metadata = { title: 'Import a spreadsheet' };

const FIELD_HELP: Record<(typeof IMPORT_FIELDS)[number], string> = {
  fiscal_year:
    'The fiscal year the line belongs to, named by the year it ends: 2026, FY2026, FY26 or 2025-26; or a period of ' +
    'several ("July 1, 2024 through June 30, 2029", FY2025–FY2029), kept as one line. Without this column, the year ' +
    'the title names (FY2024 …) is used.',
  program: 'The program or project the money is for.',
  description: 'What the money does, in plain language: residents read it on the public page.',
  recipient: 'Who receives the money. A name Abate does not know yet is added as a new recipient.',
  recipient_type: 'Community-based organization, health-care provider, government department, law enforcement, …',
  category:
    'A category name or key from any framework (moud, core-a, "Naloxone distribution and training", ' +
    'nc-high-impact/naloxone), or several with their shares: moud:60;housing:40. A blank cell is ' +
    '"Other / not yet classified".',
  amount:
    'The amount allocated: $1,234.56, 1234.5 or 1,234. A negative amount is refused. A report with only a spent ' +
    'column ("Expended") needs none: each line is allocated what was spent.',
  spent:
    'Spending to date, recorded as one expenditure dated the last day of the fiscal year (or today, if earlier). ' +
    'No more than the amount allocated, and not from a fiscal year ending before 2021.',
  cost_type:
    'The kind of cost, as the Massachusetts municipal report asks: Salaries, Subcontracts, Program facilities, ' +
    'Program support, Program supplies, Administrative costs, or Audit costs (North Carolina reports them apart). ' +
    'Optional; an empty cell is none.',
  source: 'The funding source, by key or name: distributors, teva, sor-grant, …',
  status:
    'draft (when empty) or submitted. On a line already recorded, empty keeps its status; a change follows the ' +
    'app’s steps (submitted needs a description, only another board member decides, an approved line goes back to ' +
    'draft before its amount changes).',
};

export default async function ImportPage(route: LocalityRoute) {
  const { locality, query } = await openLocalityPage(route, 'import', 'import.commit');
  const maxBytes = importMaxBytes();
  // ?kind= from the chooser (a GET form, so it works without JavaScript); an unknown kind shows allocations.
  const requested = query.kind;
  const chosen = parseImportKind(typeof requested === 'string' ? requested : undefined);
  const kind = chosen.ok ? chosen.kind : 'allocations';
  if (kind !== 'allocations') {
    return <MoneyImportSection kind={kind} locality={locality} maxBytes={maxBytes} limitLabel={formatLimit(maxBytes)} />;
  }
  const fields: FieldOption[] = IMPORT_FIELDS.map((field) => ({
    value: field,
    label: FIELD_LABELS[field],
    required: REQUIRED_FIELDS.includes(field),
  }));
  return (
    <ImportPageShell
      kind="allocations"
      lede={
        <>
          Bring in the allocation lines {locality.name} already keeps in Excel or CSV. You match the columns and see every
          line before anything is saved; then every line is saved in one go, or none.
        </>
      }
    >
      <ImportWizard
        slug={locality.slug}
        maxBytes={maxBytes}
        limitLabel={formatLimit(maxBytes)}
        fields={fields}
        allocationsHref={`/staff/l/${locality.slug}/allocations`}
      />
      <ImportHelp
        summary="What the spreadsheet can hold"
        intro={
          <>
            One row per allocation line, with a header row naming the columns. Title rows above the header, blank rows
            and a totals row at the bottom are skipped. Columns marked <abbr title="required">*</abbr> are required.
            Importing the same rows again never creates them twice: a row whose amount, categories, description,
            source or status changed updates its line (the preview lists each change first), and the others are
            counted as already up to date.
          </>
        }
        fields={fields.map((field) => ({ field: field.value, required: field.required, help: FIELD_HELP[field.value as keyof typeof FIELD_HELP] }))}
        footer={
          <>
            Large files can also be loaded from the command line: <code>npm run import -- --locality {locality.slug} --file
            PATH</code>. See also the <Link href={`/staff/l/${locality.slug}/allocations`}>allocations list</Link>.
          </>
        }
      />
    </ImportPageShell>
  );
}
