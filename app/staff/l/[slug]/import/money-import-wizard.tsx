'use client';

import Link from 'next/link';
import { useRef, useState, type FormEvent } from 'react';
import type { MoneyImportKind, MoneyWireCommit, MoneyWireFailure, MoneyWirePreview } from './_lib/money-wire';
import { SimpleTable } from '@/app/staff/_components/simple-table';
import { postInLine } from './_lib/queue-wire';
import { ERROR_COLUMNS, plural, QueueNotice } from './import-parts';

/**
 * The receipts and expenditures import: upload, check the preview (the kind's own columns, every problem by row and
 * column), commit. The columns are matched by their names (Date, Settlement, Payment Year, Amount; Date, Program,
 * Vendor, Amount, Description); the browser keeps the file and sends it with each request, with the `kind` GET
 * parameter, so the server remembers nothing between the steps.
 */

interface Props {
  slug: string;
  kind: MoneyImportKind;
  maxBytes: number;
  limitLabel: string;
  listHref: string;
}

export function MoneyImportWizard({ slug, kind, maxBytes, limitLabel, listHref }: Props) {
  const base = `/staff/l/${slug}/import`;
  const noun = { receipts: 'receipt', expenditures: 'payment', 'expected-payments': 'estimate', outcomes: 'outcome' }[kind];
  // Expected payments: where and when the estimates were made, for a file with no Source or Estimate Date column.
  const [estimate, setEstimate] = useState<Estimate>({ estimateSource: '', estimatedOn: '' });
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<MoneyWirePreview | null>(null);
  const [failure, setFailure] = useState<MoneyWireFailure | null>(null);
  const [result, setResult] = useState<MoneyWireCommit | null>(null);
  const [busy, setBusy] = useState(false);
  /** Place in the server's import line while this step waits for another import to finish (1: next). */
  const [queuePosition, setQueuePosition] = useState<number | null>(null);

  function formFor(chosen: File, expected?: number): FormData {
    const form = new FormData();
    form.append('file', chosen, chosen.name);
    if (expected !== undefined) form.append('expectedRowCount', String(expected));
    if (kind === 'expected-payments') {
      form.append('estimateSource', estimate.estimateSource);
      form.append('estimatedOn', estimate.estimatedOn);
    }
    return form;
  }

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = fileInput.current?.files?.[0] ?? null;
    setFailure(null);
    setPreview(null);
    setResult(null);
    if (!chosen) return setFailure({ ok: false, reason: 'Choose a CSV or XLSX file to import.' });
    if (chosen.size > maxBytes) return setFailure({ ok: false, reason: `The file is larger than ${limitLabel}.` });
    setBusy(true);
    try {
      const answer = await postInLine<MoneyWirePreview | MoneyWireFailure>(`${base}/preview?kind=${kind}`, formFor(chosen), setQueuePosition);
      setFile(chosen);
      if (answer.ok) setPreview(answer);
      else setFailure(answer);
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const answer = await postInLine<MoneyWireCommit | MoneyWireFailure>(
        `${base}/commit?kind=${kind}`,
        formFor(file, preview.createCount),
        setQueuePosition,
      );
      if (answer.ok) {
        setResult(answer);
        setPreview(null);
      } else setFailure(answer);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="import-wizard" data-testid={`import-${kind}`}>
      <QueueNotice position={queuePosition} />
      <form onSubmit={upload} className="import-upload">
        <label>
          Spreadsheet (CSV or XLSX, up to {limitLabel})
          <input ref={fileInput} type="file" name="file" accept=".csv,.xlsx,.xlsm,text/csv" />
        </label>
        {kind === 'expected-payments' ? <EstimateFields estimate={estimate} onChange={setEstimate} /> : null}
        <button type="submit" disabled={busy}>
          {busy && !preview ? 'Reading…' : 'Preview'}
        </button>
      </form>

      {failure ? (
        <div role="alert" className="notice notice-error">
          <p>{failure.reason}</p>
          {failure.errors && failure.errors.length > 0 ? (
            <ul>
              {failure.errors.map((error, index) => (
                <li key={index}>{error.text}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {preview ? <MoneyPreview preview={preview} noun={noun} busy={busy} onCommit={commit} /> : null}

      {result ? <ImportDone result={result} kind={kind} noun={noun} listHref={listHref} /> : null}
    </div>
  );
}

interface Estimate {
  estimateSource: string;
  estimatedOn: string;
}

/** Expected payments: where and when the estimates were made, for a file with no Source or Estimate Date column. */
function EstimateFields({ estimate, onChange }: { estimate: Estimate; onChange: (estimate: Estimate) => void }) {
  return (
    <>
      <label>
        Estimate source, for a file with no Source column (like &ldquo;BrownGreer allocation estimate, 2026-11-15&rdquo;)
        <input
          name="estimateSource"
          value={estimate.estimateSource}
          onChange={(e) => onChange({ ...estimate, estimateSource: e.target.value })}
          maxLength={500}
          autoComplete="off"
        />
      </label>
      <label>
        Estimate date, for a file with no Estimate Date column
        <input name="estimatedOn" type="date" value={estimate.estimatedOn} onChange={(e) => onChange({ ...estimate, estimatedOn: e.target.value })} />
      </label>
    </>
  );
}

function MoneyPreview({ preview, noun, busy, onCommit }: { preview: MoneyWirePreview; noun: string; busy: boolean; onCommit: () => void }) {
  return (
    <section aria-labelledby="money-preview-heading">
      <h2 id="money-preview-heading">Preview of {preview.fileName}</h2>
      <p>
        {plural(preview.createCount, noun)} will be created{preview.total === null ? '' : ` (${preview.total})`}; {preview.alreadyImported} already
        imported; {plural(preview.errorRowCount, 'row')} with problems.
      </p>
      {preview.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
      {preview.errors.length > 0 ? (
        <>
          <h3>Problems (nothing is imported until every one is fixed)</h3>
          <SimpleTable className="import-table import-errors" testId="import-errors" columns={ERROR_COLUMNS}>
            {preview.errors.map((error, index) => (
              <tr key={index}>
                <td>{error.row}</td>
                <td>{error.column}</td>
                <td>{error.value}</td>
                <td>{error.reason}</td>
              </tr>
            ))}
          </SimpleTable>
        </>
      ) : null}
      {preview.rows.length > 0 ? (
        <SimpleTable className="import-table" testId="import-lines" columns={preview.columns}>
          {preview.rows.map((row) => (
            <tr key={row.row}>
              {row.cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </SimpleTable>
      ) : null}
      {preview.newRecipients.length > 0 ? (
        <>
          <h3>New recipients</h3>
          <ul>
            {preview.newRecipients.map((recipient) => (
              <li key={recipient.name}>
                {recipient.name} (row {recipient.row}): {recipient.type.replace(/_/g, ' ')}
                {recipient.typeFromName ? ', from its name' : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {preview.skipped.length > 0 ? (
        <details>
          <summary>Skipped ({plural(preview.skippedCount, 'row')})</summary>
          <ul>
            {preview.skipped.map((row) => (
              <li key={row.row}>
                Row {row.row}: {row.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <button type="button" onClick={onCommit} disabled={busy || !preview.committable || preview.createCount === 0}>
        {busy ? 'Importing…' : `Import ${plural(preview.createCount, noun)}`}
      </button>
    </section>
  );
}

function ImportDone({ result, kind, noun, listHref }: { result: MoneyWireCommit; kind: MoneyImportKind; noun: string; listHref: string }) {
  return (
    <div role="status" className="notice notice-success" data-testid="import-result">
      <p>
        Imported {plural(result.created, noun)}{result.total === null ? '' : ` (${result.total})`} in one go; {result.alreadyImported} already imported
        {kind === 'expenditures' ? `; ${plural(result.recipientsCreated, 'new recipient')}` : ''}.
      </p>
      {kind === 'expected-payments' ? null : (
        <p data-testid="import-drafts-note">
          {kind === 'outcomes'
            ? 'They are drafts: submit them for the board’s review from the outcomes list; they are public once approved.'
            : 'They are drafts: they count on the public pages once you post them from the list.'}
        </p>
      )}
      <p>
        <Link href={listHref}>Open the {kind === 'expected-payments' ? 'settlements and their reconciliation' : kind}</Link>
      </p>
    </div>
  );
}
