'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { FieldErrors } from '@/app/_components/forms/field';
import type { MoneyFormAction, MoneyFormState } from '@/app/_components/forms/form-state';

type Status = 'draft' | 'submitted' | 'approved' | 'returned';

export interface StatusActionsProps {
  slug: string;
  id: number;
  version: number;
  status: Status;
  mayEdit: boolean;
  maySubmit: boolean;
  mayDecide: boolean;
  /** A reviewer cannot decide on a line they submitted; the page says so instead of offering the buttons. */
  submittedByMe: boolean;
  actions: {
    submit: MoneyFormAction;
    returnToDraft: MoneyFormAction;
    decide: MoneyFormAction;
    remove: MoneyFormAction;
  };
}

/**
 * One small form per status change. Each keeps what was typed (the reason) when the server refuses, and the whole
 * set is re-created with the new version after a change succeeds (the page passes `key={version}`).
 */
export function AllocationStatusActions(props: StatusActionsProps) {
  const { status, mayEdit, maySubmit, mayDecide, submittedByMe } = props;
  const editable = status === 'draft' || status === 'returned';
  return (
    <div className="status-actions">
      {maySubmit && editable ? (
        <ActionForm {...props} action={props.actions.submit} label="Submit for review" testId="submit-allocation" />
      ) : null}
      {maySubmit && (status === 'submitted' || status === 'approved') ? (
        <ActionForm
          {...props}
          action={props.actions.returnToDraft}
          label="Return to draft"
          reason={{ label: 'Why does it go back to draft?', required: true }}
          testId="return-to-draft"
          secondary
        />
      ) : null}
      {mayDecide && status === 'submitted' && !submittedByMe ? (
        <ActionForm
          {...props}
          action={props.actions.decide}
          reason={{ label: 'Reason (required to return, optional to approve; it is public)', required: false }}
          decision
          testId="decide-allocation"
        />
      ) : null}
      {mayDecide && status === 'submitted' && submittedByMe ? (
        <p className="notice">You submitted this line, so another member of the board decides on it.</p>
      ) : null}
      {mayEdit && editable ? (
        <details className="danger-zone">
          <summary>Delete this allocation</summary>
          <ActionForm
            {...props}
            action={props.actions.remove}
            label="Delete allocation"
            reason={{ label: 'Reason (optional, kept in the history)', required: false }}
            testId="delete-allocation"
            secondary
          />
        </details>
      ) : null}
    </div>
  );
}

function ActionForm({
  slug,
  id,
  version,
  action,
  label,
  reason,
  decision,
  testId,
  secondary,
}: StatusActionsProps & {
  action: MoneyFormAction;
  label?: string;
  reason?: { label: string; required: boolean };
  decision?: boolean;
  testId: string;
  secondary?: boolean;
}) {
  const [state, dispatch, pending] = useActionState<MoneyFormState, FormData>(action, null);
  const [reasonText, setReasonText] = useState('');
  const errors: FieldErrors = state?.code === 'invalid' ? (state.fieldErrors ?? {}) : {};
  const reasonName = 'reason';

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : undefined);
    startTransition(() => dispatch(formData));
  }

  // Ids are scoped by the form: several of these forms can show a reason on one page.
  const reasonId = `${testId}-reason`;
  const reasonErrorId = `${reasonId}-error`;
  const reasonInvalid = (errors.reason?.length ?? 0) > 0;

  return (
    <form action={dispatch} onSubmit={onSubmit} className="form status-action" data-testid={testId} noValidate>
      {state && state.code !== 'invalid' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state?.code === 'invalid' && Object.keys(errors).filter((k) => k !== reasonName).length > 0 ? (
        <p className="form-error" role="alert">
          {state.message} {Object.entries(errors).filter(([k]) => k !== reasonName).map(([, messages]) => messages?.join(' ')).join(' ')}
        </p>
      ) : null}
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {reason ? (
        <div className="field">
          <label htmlFor={reasonId}>{reason.label}</label>
          <textarea
            id={reasonId}
            name={reasonName}
            value={reasonText}
            onChange={(e) => setReasonText(e.target.value)}
            rows={2}
            maxLength={2000}
            aria-invalid={reasonInvalid || undefined}
            aria-describedby={reasonInvalid ? reasonErrorId : undefined}
          />
          {reasonInvalid ? (
            <p id={reasonErrorId} className="field-error">
              {errors.reason?.join(' ')}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="button-row">
        {decision ? (
          <>
            <button type="submit" name="decision" value="approve" className="button" disabled={pending}>
              Approve
            </button>
            <button type="submit" name="decision" value="return" className="button button--secondary" disabled={pending}>
              Return with reason
            </button>
          </>
        ) : (
          <button type="submit" className={secondary ? 'button button--secondary' : 'button'} disabled={pending}>
            {pending ? 'Working…' : label}
          </button>
        )}
      </div>
    </form>
  );
}
