'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { MoneyFormAction, MoneyFormState } from './form-state';

/** "Delete this …" with an optional reason: a soft delete, kept in the history. */
export function DeleteRecordForm({
  action,
  slug,
  id,
  version,
  what,
}: {
  action: MoneyFormAction;
  slug: string;
  id: number;
  version: number;
  what: string;
}) {
  const [state, dispatch, pending] = useActionState<MoneyFormState, FormData>(action, null);
  const [reason, setReason] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }

  return (
    <details className="danger-zone">
      <summary>Delete this {what}</summary>
      <form action={dispatch} onSubmit={onSubmit} className="form" noValidate data-testid={`delete-${what}`}>
        {state ? (
          <p className="form-error" role="alert">
            {state.message}
          </p>
        ) : null}
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <div className="field">
          <label htmlFor={`delete-${what}-reason`}>Reason (optional, kept in the history)</label>
          <textarea id={`delete-${what}-reason`} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={2000} />
        </div>
        <button type="submit" className="button button--secondary" disabled={pending}>
          {pending ? 'Deleting…' : `Delete ${what}`}
        </button>
      </form>
    </details>
  );
}
