'use client';

import Link from 'next/link';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { formatCents } from '@/lib/money';
import type {
  CommitEvent,
  FieldOption,
  Mapping,
  WireChange,
  WireCommitResult,
  WireFailure,
  WireLine,
  WirePreview,
  WireRowError,
} from './_lib/wire';
import { lineMessage, postInLine, readJsonLines } from './_lib/queue-wire';

/**
 * The four steps of an import: upload, match the columns, check the preview, commit. The browser keeps the File
 * between steps and sends it with each request: the server remembers nothing between them, so the preview and the
 * commit may be answered by different server processes, and nothing is written before the commit.
 */

type Step = 'upload' | 'mapping' | 'preview' | 'committing' | 'done';

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

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

async function readJson<T>(response: Response): Promise<T | WireFailure> {
  try {
    return (await response.json()) as T;
  } catch {
    return { ok: false, reason: `The server answered ${response.status}; nothing was saved. Please try again.` };
  }
}

export function ImportWizard({ slug, maxBytes, limitLabel, fields, allocationsHref }: Props) {
  const base = `/staff/l/${slug}/import`;
  const fileInput = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Mapping>({});
  const [preview, setPreview] = useState<WirePreview | null>(null);
  const [failure, setFailure] = useState<WireFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<WireCommitResult | null>(null);
  /** Place in the server's import line while this step waits for another import to finish (1: next). */
  const [queuePosition, setQueuePosition] = useState<number | null>(null);

  function formFor(chosen: File, withMapping: Mapping | null, confirmed?: WirePreview): FormData {
    const form = new FormData();
    form.set('file', chosen, chosen.name);
    if (withMapping) form.set('mapping', JSON.stringify(withMapping));
    if (confirmed) {
      // What the person saw: the commit is refused if it would now create or change anything else.
      form.set('expectedRowCount', String(confirmed.createCount));
      form.set('expectedChanges', JSON.stringify(confirmed.expectedChanges));
    }
    return form;
  }

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = fileInput.current?.files?.[0] ?? null;
    setFailure(null);
    if (!chosen) {
      setFailure({ ok: false, reason: 'Choose a CSV or XLSX file to import.' });
      return;
    }
    // Refused here before it is sent, and again by the server before it reads it.
    if (chosen.size > maxBytes) {
      setFailure({
        ok: false,
        reason: `The file is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; the import accepts files up to ${limitLabel}. Split it into smaller files.`,
      });
      return;
    }
    setBusy(true);
    try {
      const answer = await postInLine<WirePreview | WireFailure>(`${base}/preview`, formFor(chosen, null), setQueuePosition);
      if (!answer.headers || answer.headers.length === 0) {
        setFailure(answer.ok ? { ok: false, reason: 'The file has no header row.' } : answer);
        return;
      }
      // Choices made for an earlier file of this import carry over to columns of the same name.
      const suggested = answer.mapping ?? {};
      const merged: Mapping = {};
      for (const header of answer.headers) {
        if (header === '') continue;
        merged[header] = Object.hasOwn(mapping, header) ? (mapping[header] ?? null) : (suggested[header] ?? null);
      }
      setFile(chosen);
      setHeaders(answer.headers);
      setMapping(merged);
      setPreview(null);
      setResult(null);
      setStep('mapping');
    } catch {
      setFailure({ ok: false, reason: 'The file could not be sent; check the connection and try again.' });
    } finally {
      setBusy(false);
    }
  }

  const mappingProblems = useMemo(() => {
    const problems: string[] = [];
    const chosenBy = new Map<string, string[]>();
    for (const [header, field] of Object.entries(mapping)) {
      if (field) chosenBy.set(field, [...(chosenBy.get(field) ?? []), header]);
    }
    for (const field of fields) {
      const columns = chosenBy.get(field.value) ?? [];
      if (field.required && columns.length === 0) problems.push(`Choose the column that holds the ${field.label}.`);
      if (columns.length > 1) {
        problems.push(`${columns.map((c) => `"${c}"`).join(' and ')} are both matched to ${field.label}; choose one.`);
      }
    }
    return problems;
  }, [mapping, fields]);

  async function showPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file || mappingProblems.length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await postInLine<WirePreview | WireFailure>(`${base}/preview`, formFor(file, mapping), setQueuePosition);
      if (!answer.ok) {
        setFailure(answer);
        return;
      }
      setPreview(answer);
      setStep('preview');
    } catch {
      setFailure({ ok: false, reason: 'The file could not be sent; check the connection and try again.' });
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!file || !preview) return;
    setBusy(true);
    setFailure(null);
    setProgress({ done: 0, total: preview.createCount });
    setStep('committing');
    let outcome: WireCommitResult | WireFailure | null = null;
    try {
      const response = await fetch(`${base}/commit`, {
        method: 'POST',
        body: formFor(file, preview.mapping, preview),
      });
      if (!response.ok || !response.body) {
        outcome = await readJson<WireFailure>(response);
      } else {
        for await (const message of readJsonLines<CommitEvent>(response.body)) {
          if (message.type === 'queued') setQueuePosition(message.position);
          else if (message.type === 'progress') {
            setQueuePosition(null);
            setProgress({ done: message.done, total: message.total });
          } else {
            const { type: _type, ...rest } = message;
            void _type;
            outcome = rest as WireCommitResult | WireFailure;
          }
        }
      }
    } catch {
      outcome = {
        ok: false,
        reason: 'The connection was lost before the import finished. Open the allocations list to see whether it was saved, or preview again.',
      };
    } finally {
      setBusy(false);
      setQueuePosition(null);
    }
    if (outcome?.ok) {
      setResult(outcome);
      setStep('done');
    } else {
      setFailure(outcome ?? { ok: false, reason: 'The server did not say how the import ended; nothing may have been saved.' });
      setStep('preview');
    }
  }

  function startOver() {
    setStep('upload');
    setFile(null);
    setPreview(null);
    setResult(null);
    setFailure(null);
    setProgress(null);
    if (fileInput.current) fileInput.current.value = '';
  }

  return (
    <div className="import-wizard">
      <ol className="import-steps" aria-label="Steps">
        {(['Upload', 'Match the columns', 'Check the preview', 'Import'] as const).map((label, index) => {
          const current = ['upload', 'mapping', 'preview', step === 'done' ? 'done' : 'committing'].indexOf(step);
          return (
            <li key={label} aria-current={current === index ? 'step' : undefined} className={current === index ? 'current' : ''}>
              {label}
            </li>
          );
        })}
      </ol>

      {failure ? <FailureNotice failure={failure} /> : null}
      {queuePosition !== null ? (
        <p role="status" className="notice" data-testid="import-queue">
          {lineMessage(queuePosition)}
        </p>
      ) : null}

      {step === 'upload' || step === 'mapping' || step === 'preview' ? (
        <section aria-labelledby="import-upload">
          <h2 id="import-upload">1. Upload the spreadsheet</h2>
          <form className="form" onSubmit={upload}>
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
              {busy && step === 'upload' ? 'Reading the file…' : file ? 'Upload a corrected file' : 'Upload and match columns'}
            </button>
          </form>
        </section>
      ) : null}

      {step === 'mapping' || step === 'preview' ? (
        <MappingStep
          headers={headers}
          mapping={mapping}
          fields={fields}
          problems={mappingProblems}
          busy={busy}
          onChange={(header, field) => {
            setMapping((current) => ({ ...current, [header]: field }));
            setPreview(null);
            setStep('mapping');
          }}
          onSubmit={showPreview}
        />
      ) : null}

      {step === 'preview' && preview ? <PreviewStep preview={preview} busy={busy} onCommit={commit} /> : null}

      {step === 'committing' && progress ? (
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
      ) : null}

      {step === 'done' && result ? (
        <ResultStep result={result} allocationsHref={allocationsHref} onAgain={startOver} />
      ) : null}
    </div>
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
        <table className="import-table import-mapping">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Abate field</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
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
      <table className="import-table import-errors" data-testid="import-errors">
        <caption>Rows with problems</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
      {count > errors.length ? <p>… and {plural(count - errors.length, 'more problem')}.</p> : null}
    </>
  );
}

function PreviewStep({ preview, busy, onCommit }: { preview: WirePreview; busy: boolean; onCommit: () => void }) {
  const [shown, setShown] = useState(PAGE);
  const lines: WireLine[] = preview.create.slice(0, shown);
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

      {preview.create.length > 0 ? (
        <>
          <table className="import-table" data-testid="import-lines">
            <caption>Lines that will be created</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Fiscal year</th>
                <th scope="col">Program</th>
                <th scope="col">Recipient</th>
                <th scope="col">Categories</th>
                <th scope="col">Allocated</th>
                <th scope="col">Spent to date</th>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
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
      ) : null}

      {preview.changes.length > 0 ? <ChangesTable changes={preview.changes} count={preview.counts.changed} /> : null}

      {preview.skipped.length > 0 ? (
        <details className="import-skipped" open={preview.skippedCount <= 50}>
          <summary>
            Rows not imported ({plural(preview.skippedCount, 'row')}
            {preview.counts.upToDate > 0 ? `, ${preview.counts.upToDate.toLocaleString('en-US')} already up to date` : ''})
          </summary>
          <table className="import-table" data-testid="import-skipped">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {preview.skipped.map((row) => (
                <tr key={row.row} data-row={row.row}>
                  <td>{row.row}</td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}

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

      {preview.categoryMatches.length > 0 ? (
        <table className="import-table" data-testid="import-category-matches">
          <caption>Category names in the file and what they were matched to</caption>
          <thead>
            <tr>
              <th scope="col">Name as written</th>
              <th scope="col">Framework</th>
              <th scope="col">Category</th>
              <th scope="col">Rows</th>
            </tr>
          </thead>
          <tbody>
            {preview.categoryMatches.map((match) => (
              <tr key={`${match.written}|${match.frameworkName}|${match.label}`}>
                <td>{match.written === '' ? <em>(blank)</em> : match.written}</td>
                <td>{match.frameworkName}</td>
                <td>{match.label}</td>
                <td className="num">{match.rows.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

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
      <table className="import-table" data-testid="import-changes">
        <caption>Lines already recorded that will be changed</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Line</th>
            <th scope="col">Program</th>
            <th scope="col">What changes</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
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
        <table className="import-table" data-testid="import-created">
          <caption>Lines created</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Line</th>
              <th scope="col">Fiscal year</th>
              <th scope="col">Program</th>
              <th scope="col">Allocated</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
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
