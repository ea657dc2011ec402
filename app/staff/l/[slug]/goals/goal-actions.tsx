'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { MoneyFormAction, MoneyFormState } from '@/app/_components/forms/form-state';
import type { GoalFormValues } from '@/lib/services/equity-input';

function submitWith(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
}

/** One click adds a suggested goal as it stands; it can be edited afterwards like any other. */
export function AddSuggestedGoal({
  action,
  slug,
  localityId,
  values,
  title,
}: {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  values: GoalFormValues;
  title: string;
}) {
  const [state, dispatch, pending] = useActionState<MoneyFormState, FormData>(action, null);
  return (
    <form action={dispatch} onSubmit={submitWith(dispatch)} className="form suggested-goal-form" data-testid="add-suggested-goal">
      {state ? (
        <p className="form-error" role="alert">
          {state.message} {Object.values(state.fieldErrors ?? {}).flat().join(' ')}
        </p>
      ) : null}
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="localityId" value={localityId} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <button type="submit" className="button button--secondary" disabled={pending}>
        {pending ? 'Adding…' : 'Add this goal'}
        <span className="visually-hidden">: {title}</span>
      </button>
    </form>
  );
}

/** Deletes a goal over the version shown; the reason is optional and kept in the history. */
export function DeleteGoalForm({
  action,
  slug,
  id,
  version,
  fiscalYear,
  title,
}: {
  action: MoneyFormAction;
  slug: string;
  id: number;
  version: number;
  fiscalYear: string;
  title: string;
}) {
  const [state, dispatch, pending] = useActionState<MoneyFormState, FormData>(action, null);
  const [reason, setReason] = useState('');
  const reasonId = `goal-${id}-delete-reason`;
  return (
    <form action={dispatch} onSubmit={submitWith(dispatch)} className="form" data-testid="delete-goal">
      {state ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="fiscalYear" value={fiscalYear} />
      <div className="field">
        <label htmlFor={reasonId}>Reason (optional, kept in the history)</label>
        <textarea id={reasonId} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={2000} />
      </div>
      <button type="submit" className="button button--secondary" disabled={pending}>
        {pending ? 'Deleting…' : 'Delete goal'}
        <span className="visually-hidden">: {title}</span>
      </button>
    </form>
  );
}
