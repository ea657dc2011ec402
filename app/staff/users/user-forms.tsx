'use client';

import { useActionState, useState, type ReactNode } from 'react';
import { Options, recordOptions } from '@/app/_components/forms/bound-fields';
import { FieldBox } from '@/app/_components/forms/field';
import { SubmitButton } from '@/app/_components/forms/form-buttons';
import { FormAlert } from '@/app/_components/forms/form-parts';
import type { ActionResult } from '@/lib/errors';
import { StatusNotice } from '../_components/list-page';
import { ROLES } from './roles';
import {
  createUserAction,
  disableUserAction,
  newSetupLinkAction,
  setMembershipAction,
  type SetupLinkFormState,
  type SetupLinkShown,
  type UsersFormState,
} from './actions';

/** Creating an account, each role with what it does: "Editor — enters and imports data". */
const ROLES_WITH_WORK = ROLES.map((role) => ({ value: role.value, label: `${role.label} — ${role.work}` }));

interface LocalityOption {
  id: number;
  slug: string;
  name: string;
}

function Outcome({ state }: { state: UsersFormState }) {
  if (!state) return null;
  if (state.ok) return <StatusNotice>{state.data}</StatusNotice>;
  return <FormAlert>{state.message}</FormAlert>;
}

/**
 * A set-password link, shown once: it is not stored anywhere it could be shown again. Without JavaScript the path
 * is shown (the browser's own address goes in front of it); with it, the whole link and a copy button.
 */
function SetupLink({ shown }: { shown: SetupLinkShown }) {
  const [copied, setCopied] = useState(false);
  const link = typeof window === 'undefined' ? shown.path : new URL(shown.path, window.location.origin).href;
  const expires = new Date(shown.expiresAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="notice setup-link" role="status">
      <p>
        {shown.message} Give this set-password link to <strong>{shown.email}</strong> through a safe channel. It works once,
        until {expires}, and is shown only now.
      </p>
      <p className="setup-link__url">
        <code data-testid="setup-link">{link}</code>
      </p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(() => setCopied(true));
        }}
      >
        {copied ? 'Copied' : 'Copy link'}
      </button>
    </div>
  );
}

function LinkOutcome({ state }: { state: SetupLinkFormState }) {
  if (!state) return null;
  if (state.ok) return <SetupLink shown={state.data} />;
  return <FormAlert>{state.message}</FormAlert>;
}

/** The first thing the server said about a field, as the field's error. */
function firstError(state: UsersFormState | SetupLinkFormState, field: string): string[] | undefined {
  const message = state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined;
  return message ? [message] : undefined;
}

/** A person's email, required; what the server says about it is shown under it. */
function EmailField({ id, label, messages }: { id: string; label: string; messages: readonly string[] | undefined }) {
  return (
    <FieldBox id={id} label={label} messages={messages}>
      <input id={id} name="email" type="email" required aria-describedby={`${id}-error`} />
    </FieldBox>
  );
}

export function CreateUserForm({ localities, allowSiteAdmin }: { localities: LocalityOption[]; allowSiteAdmin: boolean }) {
  const [state, action, pending] = useActionState<SetupLinkFormState, FormData>(createUserAction, null);
  return (
    <form action={action} className="form" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Create an account</h2>
      <p className="field-hint">You get a set-password link to give the person; they choose their own password with it.</p>
      <LinkOutcome state={state} />
      <EmailField id="new-email" label="Email" messages={firstError(state, 'email')} />
      <FieldBox id="new-name" label="Name">
        <input id="new-name" name="name" type="text" />
      </FieldBox>
      <FieldBox id="new-locality" label="Locality" messages={firstError(state, 'locality')}>
        <select id="new-locality" name="locality" aria-describedby="new-locality-error">
          <Options options={localities.map((l) => ({ value: l.slug, label: l.name }))} empty={allowSiteAdmin ? 'None (site administrator)' : undefined} />
        </select>
      </FieldBox>
      <FieldBox id="new-role" label="Role">
        <select id="new-role" name="role" defaultValue="editor">
          <Options options={ROLES_WITH_WORK} />
        </select>
      </FieldBox>
      <SubmitButton pending={pending} label="Create account" pendingLabel={null} />
    </form>
  );
}

export function MembershipForm({ localities }: { localities: LocalityOption[] }) {
  const [state, action, pending] = useActionState<UsersFormState, FormData>(setMembershipAction, null);
  return (
    <form action={action} className="form" aria-labelledby="membership-heading">
      <h2 id="membership-heading">Give someone a role, or remove it</h2>
      <Outcome state={state} />
      <EmailField id="member-email" label="Email of an existing account" messages={firstError(state, 'email')} />
      <FieldBox id="member-locality" label="Locality">
        <select id="member-locality" name="localityId">
          <Options options={recordOptions(localities)} />
        </select>
      </FieldBox>
      <FieldBox id="member-role" label="Role">
        <select id="member-role" name="role" defaultValue="editor">
          <Options options={[...ROLES, { value: 'remove', label: 'Remove from this locality' }]} />
        </select>
      </FieldBox>
      <SubmitButton pending={pending} label="Save role" pendingLabel={null} />
    </form>
  );
}

export function DisableUserButton({ userId, email }: { userId: number; email: string }) {
  const outcome = (state: UsersFormState) => <Outcome state={state} />;
  return <AccountButton action={disableUserAction} userId={userId} label="Disable" ariaLabel={`Disable ${email}`} outcome={outcome} />;
}

/** For someone who never used their link, lost it, or forgot their password. */
export function NewSetupLinkButton({ userId, email }: { userId: number; email: string }) {
  const outcome = (state: SetupLinkFormState) => <LinkOutcome state={state} />;
  return (
    <AccountButton action={newSetupLinkAction} userId={userId} label="New set-password link" ariaLabel={`New set-password link for ${email}`} outcome={outcome} />
  );
}

/**
 * The form of one button beside an account in the list (disable it, give it a new link): the button names the
 * account for a screen reader, and what the server answered shows below it.
 */
function AccountButton<T>({
  action,
  userId,
  label,
  ariaLabel,
  outcome,
}: {
  action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T> | null>;
  userId: number;
  label: string;
  ariaLabel: string;
  outcome: (state: ActionResult<T> | null) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="button button--secondary" disabled={pending} aria-label={ariaLabel}>
        {label}
      </button>
      {outcome(state)}
    </form>
  );
}
