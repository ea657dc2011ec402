'use client';

import { useState } from 'react';
import { SubmitButton } from './form-buttons';
import { FormAlert, HiddenFields } from './form-parts';
import { ReasonField } from './reason-field';
import { useActionForm } from './use-action-form';
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
  const { state, dispatch, pending, onSubmit } = useActionForm(action, null);
  const [mode, setMode] = useState<'all' | 'each'>('all');
  const [reason, setReason] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const count = selected.length;
  const eachReason = verbs === 'decide' && mode === 'each';

  const buttons: BulkVerb[] = verbs === 'decide' ? ['approve', 'return'] : [verbs];

  return (
    <form action={dispatch} onSubmit={onSubmit} className="bulk-form" data-testid={testId} noValidate aria-label="Act on the selected lines">
      <HiddenFields values={{ slug, localityId, ...hidden }} />
      <HiddenFields values={Object.fromEntries(bulkLineFields(selected))} />
      {state && !state.ok ? <FormAlert testId={`${testId}-error`}>{bulkFailureText(state)}</FormAlert> : null}
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
              <ReasonField
                key={line.id}
                id={`${testId}-reason-${line.id}`}
                name={`lines.${index}.reason`}
                label={`Reason for “${line.program}”`}
                value={reasons[line.id] ?? ''}
                onChange={(value) => setReasons((previous) => ({ ...previous, [line.id]: value }))}
              />
            ))
          ) : (
            <ReasonField
              id={`${testId}-reason`}
              label={count === 1 ? 'Reason for the selected line' : `Reason for all ${count} selected lines`}
              hint="Required to return; optional to approve. It is public, on the board decisions page."
              value={reason}
              onChange={setReason}
            />
          )}
        </>
      ) : null}
      <div className="button-row">
        {buttons.map((verb) => (
          <SubmitButton
            key={verb}
            pending={pending}
            pendingLabel={null}
            disabled={count === 0}
            label={bulkButtonLabel(verb, count)}
            name="decision"
            value={verb}
            secondary={verb === 'return'}
          />
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
