'use client';

import { useActionState } from 'react';
import { DecisionButtons, SubmitButton } from '@/app/_components/forms/form-buttons';
import { FailureAlert, HiddenFields } from '@/app/_components/forms/form-parts';
import type { MoneyFormAction, MoneyFormState } from '@/app/_components/forms/form-state';

/** One outcome's next step: submit it to the board, or (a board member) approve or return it with a reason. */
export function OutcomeReviewForm({
  action,
  slug,
  id,
  version,
  kind,
  title,
}: {
  action: MoneyFormAction;
  slug: string;
  id: number;
  version: number;
  kind: 'submit' | 'decide';
  title: string;
}) {
  const [state, dispatch, pending] = useActionState<MoneyFormState, FormData>(action, null);
  return (
    <form action={dispatch} className="form inline-form" data-testid={`outcome-${kind}-${id}`}>
      {state ? <FailureAlert failure={state} /> : null}
      <HiddenFields values={{ slug, id, version }} />
      {kind === 'submit' ? (
        <SubmitButton pending={pending} label="Submit to the board" pendingLabel={null} secondary>
          <span className="visually-hidden">: {title}</span>
        </SubmitButton>
      ) : (
        <>
          <label htmlFor={`reason-${id}`}>Reason (required to return; public)</label>
          <input id={`reason-${id}`} name="reason" maxLength={2000} />
          <DecisionButtons pending={pending} returnLabel="Return" title={title} />
        </>
      )}
    </form>
  );
}
