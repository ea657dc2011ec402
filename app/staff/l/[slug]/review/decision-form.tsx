'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { MoneyFormAction, MoneyFormState } from '@/app/_components/forms/form-state';

/**
 * Approve or return one submitted line, with a written reason (required to return, optional to approve; it is
 * public either way, on the locality's board decisions page). What the server refuses — a missing reason, a line
 * the reviewer submitted themself, a line someone changed meanwhile — is shown here, and the reason typed stays in
 * the box.
 */
export function DecisionForm({
  action,
  slug,
  id,
  version,
  fiscalYear,
  program,
  submittedByMe,
}: {
  action: MoneyFormAction;
  slug: string;
  id: number;
  version: number;
  fiscalYear: number;
  program: string;
  submittedByMe: boolean;
}) {
  const [state, dispatch, pending] = useActionState<MoneyFormState, FormData>(action, null);
  const [reason, setReason] = useState('');
  const reasonErrors = state?.code === 'invalid' ? (state.fieldErrors?.reason ?? []) : [];
  const otherErrors =
    state?.code === 'invalid'
      ? Object.entries(state.fieldErrors ?? {})
          .filter(([key]) => key !== 'reason' && key !== '_form')
          .flatMap(([, messages]) => messages)
      : [];
  const reasonId = `decision-${id}-reason`;
  const hintId = `${reasonId}-hint`;
  const errorId = `${reasonId}-error`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : undefined);
    startTransition(() => dispatch(formData));
  }

  return (
    <form action={dispatch} onSubmit={onSubmit} className="form decision-form" data-testid="decision-form" noValidate aria-label={`Decision on “${program}”`}>
      {state ? (
        <p className="form-error" role="alert" data-testid="decision-error">
          {state.message}
          {otherErrors.length > 0 ? ` ${otherErrors.join(' ')}` : ''}
        </p>
      ) : null}
      {submittedByMe ? (
        <p className="notice">You submitted this line. The rules say another member of the board decides on it.</p>
      ) : null}
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="fy" value={fiscalYear} />
      <div className="field">
        <label htmlFor={reasonId}>Reason for the decision</label>
        <p id={hintId} className="field-hint">
          Required to return the line, so the editors know what to change; optional to approve. It is shown in public
          on the locality’s board decisions page, and in the history of an approved line.
        </p>
        <textarea
          id={reasonId}
          name="reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          rows={3}
          maxLength={2000}
          aria-invalid={reasonErrors.length > 0 || undefined}
          aria-describedby={reasonErrors.length > 0 ? `${errorId} ${hintId}` : hintId}
        />
        {reasonErrors.length > 0 ? (
          <p id={errorId} className="field-error">
            {reasonErrors.join(' ')}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" name="decision" value="approve" className="button" disabled={pending}>
          Approve
        </button>
        <button type="submit" name="decision" value="return" className="button button--secondary" disabled={pending}>
          Return with reason
        </button>
        {pending ? (
          <span role="status" className="muted">
            Saving the decision…
          </span>
        ) : null}
      </div>
    </form>
  );
}
