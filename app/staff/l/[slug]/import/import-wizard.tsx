'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent, type RefObject } from 'react';
import { SimpleTable } from '@/app/staff/_components/simple-table';
import { formatCents } from '@/lib/money';
import type { FieldOption, Mapping, WireChange, WireCommitResult, WireFailure, WireLine, WirePreview, WireRowError } from './_lib/wire';
import { ERROR_COLUMNS, plural, QueueNotice } from './import-parts';
import { useAllocationImport, type Progress, type Step } from './use-allocation-import';

/** The four steps of an allocations import (useAllocationImport): upload, match the columns, check the preview, commit. */

interface Props {
  slug: string;
  maxBytes: number;
  limitLabel: string;
  fields: FieldOption[];
  allocationsHref: string;
}

const PAGE = 100;

function money(cents: string | null): string {
  return cents === null ? '—' : formatCents(BigInt(cents));
}

export function ImportWizard({ slug, maxBytes, limitLabel, fields, allocationsHref }: Props) {
  const wizard = useAllocationImport({ slug, maxBytes, limitLabel, fields });
  const { step, preview, progress, result } = wizard;
  return (
    <div className="import-wizard">
      <StepList step={step} />

      {wizard.failure ? <FailureNotice failure={wizard.failure} /> : null}
      <QueueNotice position={wizard.queuePosition} />

      {step === 'upload' || step === 'mapping' || step === 'preview' ? (
        <UploadStep fileInput={wizard.fileInput} file={wizard.file} limitLabel={limitLabel} busy={wizard.busy} reading={wizard.busy && step === 'upload'} onSubmit={wizard.upload} />
      ) : null}

      {step === 'mapping' || step === 'preview' ? (
        <MappingStep
          headers={wizard.headers}
          mapping={wizard.mapping}
          fields={fields}
          problems={wizard.mappingProblems}
          busy={wizard.busy}
          onChange={wizard.changeMapping}
          onSubmit={wizard.showPreview}
        />
      ) : null}

      {step === 'preview' && preview ? <PreviewStep preview={preview} busy={wizard.busy} onCommit={wizard.commit} /> : null}

      {step === 'committing' && progress ? <CommittingStep progress={progress} /> : null}

      {step === 'done' && result ? <ResultStep result={result} allocationsHref={allocationsHref} onAgain={wizard.startOver} /> : null}
    </div>
  );
}

const STEP_LABELS = ['Upload', 'Match the columns', 'Check the preview', 'Import'] as const;

function StepList({ step }: { step: Step }) {
  const current = ['upload', 'mapping', 'preview', step === 'done' ? 'done' : 'committing'].indexOf(step);
  return (
    <ol className="import-steps" aria-label="Steps">
      {STEP_LABELS.map((label, index) => (
        <li key={label} aria-current={current === index ? 'step' : undefined} className={current === index ? 'current' : ''}>
          {label}
        </li>
      ))}
    </ol>
  );
}

function UploadStep({
  fileInput,
  file,
  limitLabel,
  busy,
  reading,
  onSubmit,
}: {
  fileInput: RefObject<HTMLInputElement | null>;
  file: File | null;
  limitLabel: string;
  busy: boolean;
  reading: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}) {
  return (
    <section aria-labelledby="import-upload">
      <h2 id="import-upload">1. Upload the spreadsheet</h2>
      <form className="form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="import-file">Spreadsheet file</label>
          <input
            id="import-file"
            ref={fileInput}
            name="file"
            type="file"
            accept=".csv,.xlsx,.xlsm,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-file-hint"
          />
          <p id="import-file-hint" className="muted">
            CSV or Excel (.xlsx), up to {limitLabel}.{file ? ` Now: ${file.name}.` : ''}
          </p>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {reading ? 'Reading the file…' : file ? 'Upload a corrected file' : 'Upload and match columns'}
        </button>
      </form>
    </section>
  );
}

function CommittingStep({ progress }: { progress: Progress }) {
  return (
    <section aria-labelledby="import-committing">
      <h2 id="import-committing">4. Importing</h2>
      <div role="status" aria-live="polite">
        <progress max={Math.max(progress.total, 1)} value={progress.done} className="import-progress" />
        <p>
          {progress.done < progress.total
            ? `Writing lines: ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}`
            : 'Checking the category splits and saving…'}
        </p>
      </div>
    </section>
  );
}

function FailureNotice({ failure }: { failure: WireFailure }) {
  return (
    <div className="form-error" role="alert">
      <p>{failure.reason}</p>
      {failure.errors && failure.errors.length > 0 ? <ErrorsTable errors={failure.errors} count={failure.errorCount ?? 0} /> : null}
    </div>
  );
}

function MappingStep(props: {
  headers: string[];
  mapping: Mapping;
  fields: FieldOption[];
  problems: string[];
  busy: boolean;
  onChange: (header: string, field: string | null) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const idBase = useId();
  const required = props.fields.filter((field) => field.required).map((field) => field.label);
  return (
    <section aria-labelledby="import-mapping">
      <h2 id="import-mapping">2. Match the columns</h2>
      <p>
        Say which of Abate’s fields each column of the file holds. Required: {required.join(', ')} (marked *). Your choices
        are remembered for this locality’s next import.
      </p>
      <form className="form" onSubmit={props.onSubmit}>
        <SimpleTable className="import-table import-mapping" columns={['Column in the file', 'Abate field']}>
        {props.headers
            .filter((header) => header !== '')
            .map((header, index) => {
              const id = `${idBase}-${index}`;
              return (
                <tr key={header}>
                  <th scope="row">
                    <label htmlFor={id}>{header}</label>
                  </th>
                  <td>
                    <select
                      id={id}
                      value={props.mapping[header] ?? ''}
                      onChange={(event) => props.onChange(header, event.target.value === '' ? null : event.target.value)}
                    >
                      <option value="">— not imported —</option>
                      {props.fields.map((field) => (
                        <option key={field.value} value={field.value}>
                          {field.label}
                          {field.required ? ' *' : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
        </SimpleTable>
        {props.problems.length > 0 ? (
          <ul className="field-error" id={`${idBase}-problems`}>
            {props.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
        <button
          type="submit"
          className="button"
          disabled={props.busy || props.problems.length > 0}
          aria-describedby={props.problems.length > 0 ? `${idBase}-problems` : undefined}
        >
          {props.busy ? 'Checking every row…' : 'Preview the import'}
        </button>
      </form>
    </section>
  );
}

function ErrorsTable({ errors, count }: { errors: WireRowError[]; count: number }) {
  return (
    <>
      <SimpleTable className="import-table import-errors" testId="import-errors" caption="Rows with problems" columns={ERROR_COLUMNS}>
        {errors.map((error, index) => (
          <tr key={`${error.row}-${error.column}-${index}`} data-row={error.row}>
            <td>{error.row > 0 ? error.row : 'file'}</td>
            <td>{error.column}</td>
            <td>
              <code>{error.value}</code>
            </td>
            <td>{error.reason}</td>
          </tr>
        ))}
      </SimpleTable>
      {count > errors.length ? <p>… and {plural(count - errors.length, 'more problem')}.</p> : null}
    </>
  );
}

function PreviewStep({ preview, busy, onCommit }: { preview: WirePreview; busy: boolean; onCommit: () => void }) {
  const notLines = preview.skippedCount - preview.alreadyImported;
  return (
    <section aria-labelledby="import-preview">
      <h2 id="import-preview">3. Check the preview</h2>
      <p className="import-summary" data-testid="import-summary">
        {plural(preview.createCount, 'line')} will be created ({money(preview.totals.amountCents)} allocated,{' '}
        {money(preview.totals.spentCents)} spent to date). {plural(preview.counts.changed, 'line')} already recorded will
        be changed. {preview.counts.upToDate.toLocaleString('en-US')} already up to date.{' '}
        {plural(preview.errorRowCount, 'row')} with problems (refused). {plural(notLines, 'other row')} skipped.
      </p>

      {preview.notes.length > 0 ? (
        <ul className="import-notes" data-testid="import-notes">
          {preview.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}

      {preview.errorCount > 0 ? (
        <div className="notice import-blocked">
          <p>
            <strong>Nothing can be imported until every problem is fixed.</strong> Correct these rows in your spreadsheet,
            save it, and upload it again above. Nothing has been saved.
          </p>
          <ErrorsTable errors={preview.errors} count={preview.errorCount} />
        </div>
      ) : null}

      {preview.create.length > 0 ? <CreatedLines preview={preview} /> : null}

      {preview.changes.length > 0 ? <ChangesTable changes={preview.changes} count={preview.counts.changed} /> : null}

      {preview.skipped.length > 0 ? <SkippedRows preview={preview} /> : null}

      {preview.warnings.length > 0 ? (
        <details className="import-warnings" open>
          <summary>Worth a look ({plural(preview.warningCount, 'note')}; they do not stop the import)</summary>
          <ul>
            {preview.warnings.map((warning, index) => (
              <li key={`${warning.row}-${index}`}>
                Row {warning.row}, column “{warning.column}”: {warning.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {preview.categoryMatches.length > 0 ? <CategoryMatches preview={preview} /> : null}

      {preview.newRecipients.length > 0 ? (
        <p>
          New recipients:{' '}
          {preview.newRecipients.map((recipient) => `${recipient.name} (${recipient.type})`).join('; ')}.
        </p>
      ) : null}

      {preview.committable ? (
        <div className="import-commit">
          <p>
            Importing creates {plural(preview.createCount, 'line')} and changes {plural(preview.counts.changed, 'line')}{' '}
            in one step: all of it, or nothing if anything goes wrong or a listed line is changed by someone else first.
          </p>
          <button type="button" className="button" onClick={onCommit} disabled={busy}>
            {preview.counts.changed > 0
              ? `Import: create ${plural(preview.createCount, 'line')}, change ${plural(preview.counts.changed, 'line')}`
              : `Import ${plural(preview.createCount, 'line')}`}
          </button>
        </div>
      ) : null}
    </section>
  );
}

const LINE_COLUMNS = ['Row', 'Fiscal year', 'Program', 'Recipient', 'Categories', 'Allocated', 'Spent to date', 'Source', 'Status'];

/** The lines the import creates, a page at a time. */
function CreatedLines({ preview }: { preview: WirePreview }) {
  const [shown, setShown] = useState(PAGE);
  const lines: WireLine[] = preview.create.slice(0, shown);
  return (
    <>
      <SimpleTable className="import-table" testId="import-lines" caption="Lines that will be created" columns={LINE_COLUMNS}>
        {lines.map((line) => (
          <tr key={line.row} data-row={line.row}>
            <td>{line.row}</td>
            <td>
              FY{line.fiscalYear}
              {line.lastFiscalYear !== null ? `–FY${line.lastFiscalYear}` : ''}
            </td>
            <td>
              {line.program}
              {line.description ? <span className="muted import-description">{line.description}</span> : null}
            </td>
            <td>
              {line.recipient ?? '—'}
              {line.recipientIsNew ? <span className="import-new"> (new: {line.recipientType})</span> : null}
            </td>
            <td>{line.categories}</td>
            <td className="num">{money(line.amountCents)}</td>
            <td className="num">
              {money(line.spentCents)}
              {line.spentOn ? <span className="muted import-description">on {line.spentOn}</span> : null}
            </td>
            <td>{line.source ?? '—'}</td>
            <td>{line.status}</td>
          </tr>
        ))}
      </SimpleTable>
      {preview.create.length > shown ? (
        <button type="button" className="button button--secondary" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, preview.create.length - shown)} more of {plural(preview.createCount, 'line')}
        </button>
      ) : null}
      {preview.createCount > preview.create.length ? (
        <p className="muted">
          The first {preview.create.length.toLocaleString('en-US')} lines are listed here; all{' '}
          {preview.createCount.toLocaleString('en-US')} will be created.
        </p>
      ) : null}
    </>
  );
}

function SkippedRows({ preview }: { preview: WirePreview }) {
  return (
    <details className="import-skipped" open={preview.skippedCount <= 50}>
      <summary>
        Rows not imported ({plural(preview.skippedCount, 'row')}
        {preview.counts.upToDate > 0 ? `, ${preview.counts.upToDate.toLocaleString('en-US')} already up to date` : ''})
      </summary>
      <SimpleTable className="import-table" testId="import-skipped" columns={['Row', 'Why']}>
        {preview.skipped.map((row) => (
          <tr key={row.row} data-row={row.row}>
            <td>{row.row}</td>
            <td>{row.reason}</td>
          </tr>
        ))}
      </SimpleTable>
    </details>
  );
}

function CategoryMatches({ preview }: { preview: WirePreview }) {
  return (
    <SimpleTable
      className="import-table"
      testId="import-category-matches"
      caption="Category names in the file and what they were matched to"
      columns={['Name as written', 'Framework', 'Category', 'Rows']}
    >
      {preview.categoryMatches.map((match) => (
        <tr key={`${match.written}|${match.frameworkName}|${match.label}`}>
          <td>{match.written === '' ? <em>(blank)</em> : match.written}</td>
          <td>{match.frameworkName}</td>
          <td>{match.label}</td>
          <td className="num">{match.rows.toLocaleString('en-US')}</td>
        </tr>
      ))}
    </SimpleTable>
  );
}

const FIELD_NAMES: Record<string, string> = {
  amount: 'Amount',
  categories: 'Categories',
  description: 'Description',
  source: 'Source',
  years: 'Fiscal years',
  status: 'Status',
};

/** Each stored line the import changes, field by field: before → after. */
function ChangesTable({ changes, count }: { changes: WireChange[]; count: number }) {
  return (
    <>
      <SimpleTable className="import-table" testId="import-changes" caption="Lines already recorded that will be changed" columns={['Row', 'Line', 'Program', 'What changes']}>
        {changes.map((line) => (
          <tr key={line.allocationId} data-row={line.row}>
            <td>{line.row}</td>
            <td>#{line.allocationId}</td>
            <td>
              FY{line.fiscalYear} {line.program}
              {line.recipient ? <span className="muted import-description">{line.recipient}</span> : null}
            </td>
            <td>
              <ul className="import-line-changes">
                {line.changes.map((change) => (
                  <li key={change.field}>
                    {FIELD_NAMES[change.field] ?? change.field}: {change.before === '' ? <em>(none)</em> : change.before} →{' '}
                    {change.after === '' ? <em>(none)</em> : change.after}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </SimpleTable>
      {count > changes.length ? <p className="muted">… and {plural(count - changes.length, 'more changed line')}.</p> : null}
    </>
  );
}

function ResultStep({
  result,
  allocationsHref,
  onAgain,
}: {
  result: WireCommitResult;
  allocationsHref: string;
  onAgain: () => void;
}) {
  return (
    <section aria-labelledby="import-done">
      <h2 id="import-done">4. Imported</h2>
      <div className="notice" role="status">
        <p className="import-result" data-testid="import-result">
          <strong>Created {plural(result.created, 'line')}</strong> ({money(result.totals.amountCents)} allocated,{' '}
          {money(result.totals.spentCents)} spent to date).{' '}
          {result.updated > 0 ? `Changed ${plural(result.updated, 'line')} already recorded. ` : ''}
          {result.upToDate > 0 ? `${plural(result.upToDate, 'row')} already up to date, left as they were. ` : ''}
          {result.recipientsCreated > 0 ? `${plural(result.recipientsCreated, 'new recipient')} added. ` : ''}
        </p>
      </div>
      {result.lines.length > 0 ? (
        <SimpleTable className="import-table" testId="import-created" caption="Lines created" columns={['Row', 'Line', 'Fiscal year', 'Program', 'Allocated']}>
          {result.lines.map((line) => (
            <tr key={line.id}>
              <td>{line.row}</td>
              <td>
                <Link href={`${allocationsHref}/${line.id}`}>#{line.id}</Link>
              </td>
              <td>FY{line.fiscalYear}</td>
              <td>{line.program}</td>
              <td className="num">{money(line.amountCents)}</td>
            </tr>
          ))}
        </SimpleTable>
      ) : null}
      <p>
        <Link href={allocationsHref}>Open the allocations list</Link> to review and submit the new lines.{' '}
        <button type="button" className="button button--secondary" onClick={onAgain}>
          Import another file
        </button>
      </p>
    </section>
  );
}
