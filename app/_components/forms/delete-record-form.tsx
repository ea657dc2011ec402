'use client';

import type { MoneyFormAction } from './form-state';
import { SubmitButton } from './form-buttons';
import { FormAlert, HiddenFields } from './form-parts';
import { KeptReasonField } from './reason-field';
import { useActionForm } from './use-action-form';

/** "Delete this …" with an optional reason: a soft delete, kept in the history. */
export function DeleteRecordForm(props: { action: MoneyFormAction; slug: string; id: number; version: number; what: string }) {
  return (
    <details className="danger-zone">
      <summary>Delete this {props.what}</summary>
      <DeleteForm {...props} />
    </details>
  );
}

/** The form of a delete over the version shown: an optional reason and the button. */
export function DeleteForm({
  action,
  slug,
  id,
  version,
  what,
  reasonId = `delete-${what}-reason`,
  hidden = {},
  title,
  noValidate = true,
}: {
  action: MoneyFormAction;
  slug: string;
  id: number;
  version: number;
  what: string;
  /** Where several records can be deleted from one page, the reason box's id is the record's own. */
  reasonId?: string;
  /** More fields the action reads. */
  hidden?: Readonly<Record<string, string>>;
  /** The record's name, read after the button's label by a screen reader. */
  title?: string;
  noValidate?: boolean;
}) {
  const { state, dispatch, pending, onSubmit } = useActionForm(action, null);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="form" noValidate={noValidate || undefined} data-testid={`delete-${what}`}>
      {state ? <FormAlert>{state.message}</FormAlert> : null}
      <HiddenFields values={{ slug, id, version, ...hidden }} />
      <KeptReasonField id={reasonId} label="Reason (optional, kept in the history)" />
      <SubmitButton pending={pending} label={`Delete ${what}`} pendingLabel="Deleting…" secondary>
        {title !== undefined ? <span className="visually-hidden">: {title}</span> : null}
      </SubmitButton>
    </form>
  );
}
