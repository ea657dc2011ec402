'use client';

import { useActionState } from 'react';
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
      {state ? (
        <p className="form-error" role="alert">
          {state.message} {Object.values(state.fieldErrors ?? {}).flat().join(' ')}
        </p>
      ) : null}
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {kind === 'submit' ? (
        <button type="submit" className="button button--secondary" disabled={pending}>
          Submit to the board<span className="visually-hidden">: {title}</span>
        </button>
      ) : (
        <>
          <label htmlFor={`reason-${id}`}>Reason (required to return; public)</label>
          <input id={`reason-${id}`} name="reason" maxLength={2000} />
          <button type="submit" name="decision" value="approve" className="button" disabled={pending}>
            Approve<span className="visually-hidden">: {title}</span>
          </button>
          <button type="submit" name="decision" value="return" className="button button--secondary" disabled={pending}>
            Return<span className="visually-hidden">: {title}</span>
          </button>
        </>
      )}
    </form>
  );
}
