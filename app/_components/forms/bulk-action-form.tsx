'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { bulkButtonLabel, bulkFailureText, bulkLineFields, type BulkFormState, type BulkLine, type BulkVerb } from '@/lib/views/bulk-view';

export type BulkFormAction = (previous: BulkFormState, formData: FormData) => Promise<BulkFormState>;

/**
 * The actions of a table's selection bar: submit the selected lines for review, approve / return them, or post the
 * selected receipts or payments. All or
 * nothing — the server says which line it refused and why, and nothing changes. To return, a reason for all the
 * selected lines, or one for each (each box is labelled with its line).
 */
export function BulkActionForm({
  action,
  slug,
  localityId,
  selected,
  verbs,
  testId,
  hidden = {},
}: {
  action: BulkFormAction;
  slug: string;
  localityId: number;
  selected: readonly BulkLine[];
  verbs: 'submit' | 'decide' | 'post';
  testId: string;
  /** More fields the action reads (the posting verb's `kind`). */
  hidden?: Readonly<Record<string, string>>;
}) {
  const [state, dispatch, pending] = useActionState<BulkFormState, FormData>(action, null);
  const [mode, setMode] = useState<'all' | 'each'>('all');
  const [reason, setReason] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const count = selected.length;
  const eachReason = verbs === 'decide' && mode === 'each';

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : undefined);
    startTransition(() => dispatch(formData));
  }

  const buttons: BulkVerb[] = verbs === 'decide' ? ['approve', 'return'] : [verbs];

  return (
    <form action={dispatch} onSubmit={onSubmit} className="bulk-form" data-testid={testId} noValidate aria-label="Act on the selected lines">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="localityId" value={localityId} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {bulkLineFields(selected, eachReason ? reasons : undefined)
        .filter(([name]) => !name.endsWith('.reason'))
        .map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      {state && !state.ok ? (
        <p className="form-error" role="alert" data-testid={`${testId}-error`}>
          {bulkFailureText(state)}
        </p>
      ) : null}
      {state?.ok ? (
        <p className="notice" role="status" data-testid={`${testId}-done`}>
          {state.message}
        </p>
      ) : null}
      {verbs === 'decide' && count > 0 ? (
        <>
          <fieldset>
            <legend className="visually-hidden">Reasons</legend>
            <label className="checkbox">
              <input type="radio" name="reasonMode" value="all" checked={mode === 'all'} onChange={() => setMode('all')} /> One reason for all
            </label>
            <label className="checkbox">
              <input type="radio" name="reasonMode" value="each" checked={mode === 'each'} onChange={() => setMode('each')} /> A reason for each line
            </label>
          </fieldset>
          {eachReason ? (
            selected.map((line, index) => (
              <div className="field" key={line.id}>
                <label htmlFor={`${testId}-reason-${line.id}`}>Reason for “{line.program}”</label>
                <textarea
                  id={`${testId}-reason-${line.id}`}
                  name={`lines.${index}.reason`}
                  rows={2}
                  maxLength={2000}
                  value={reasons[line.id] ?? ''}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setReasons((previous) => ({ ...previous, [line.id]: value }));
                  }}
                />
              </div>
            ))
          ) : (
            <div className="field">
              <label htmlFor={`${testId}-reason`}>{count === 1 ? 'Reason for the selected line' : `Reason for all ${count} selected lines`}</label>
              <p id={`${testId}-reason-hint`} className="field-hint">
                Required to return; optional to approve. It is public, on the board decisions page.
              </p>
              <textarea
                id={`${testId}-reason`}
                name="reason"
                rows={2}
                maxLength={2000}
                value={reason}
                aria-describedby={`${testId}-reason-hint`}
                onChange={(event) => setReason(event.currentTarget.value)}
              />
            </div>
          )}
        </>
      ) : null}
      <div className="button-row">
        {buttons.map((verb) => (
          <button
            key={verb}
            type="submit"
            name="decision"
            value={verb}
            className={verb === 'return' ? 'button button--secondary' : 'button'}
            disabled={pending || count === 0}
          >
            {bulkButtonLabel(verb, count)}
          </button>
        ))}
        {pending ? (
          <span role="status" className="muted">
            Saving…
          </span>
        ) : null}
      </div>
    </form>
  );
}
