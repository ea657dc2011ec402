'use client';

import { useActionState, useState } from 'react';
import {
  createUserAction,
  disableUserAction,
  newSetupLinkAction,
  setMembershipAction,
  type SetupLinkFormState,
  type SetupLinkShown,
  type UsersFormState,
} from './actions';

interface LocalityOption {
  id: number;
  slug: string;
  name: string;
}

function Outcome({ state }: { state: UsersFormState }) {
  if (!state) return null;
  if (state.ok) {
    return (
      <p className="notice" role="status">
        {state.data}
      </p>
    );
  }
  return (
    <p className="form-error" role="alert">
      {state.message}
    </p>
  );
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
  return (
    <p className="form-error" role="alert">
      {state.message}
    </p>
  );
}

function FieldError({ state, field, id }: { state: UsersFormState | SetupLinkFormState; field: string; id: string }) {
  const message = state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined;
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

export function CreateUserForm({ localities, allowSiteAdmin }: { localities: LocalityOption[]; allowSiteAdmin: boolean }) {
  const [state, action, pending] = useActionState<SetupLinkFormState, FormData>(createUserAction, null);
  return (
    <form action={action} className="form" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Create an account</h2>
      <p className="field-hint">You get a set-password link to give the person; they choose their own password with it.</p>
      <LinkOutcome state={state} />
      <div className="field">
        <label htmlFor="new-email">Email</label>
        <input id="new-email" name="email" type="email" required aria-describedby="new-email-error" />
        <FieldError state={state} field="email" id="new-email-error" />
      </div>
      <div className="field">
        <label htmlFor="new-name">Name</label>
        <input id="new-name" name="name" type="text" />
      </div>
      <div className="field">
        <label htmlFor="new-locality">Locality</label>
        <select id="new-locality" name="locality" aria-describedby="new-locality-error">
          {allowSiteAdmin ? <option value="">None (site administrator)</option> : null}
          {localities.map((l) => (
            <option key={l.id} value={l.slug}>
              {l.name}
            </option>
          ))}
        </select>
        <FieldError state={state} field="locality" id="new-locality-error" />
      </div>
      <div className="field">
        <label htmlFor="new-role">Role</label>
        <select id="new-role" name="role" defaultValue="editor">
          <option value="editor">Editor — enters and imports data</option>
          <option value="reviewer">Reviewer — oversight board</option>
          <option value="admin">Administrator — manages people</option>
        </select>
      </div>
      <button type="submit" className="button" disabled={pending}>
        Create account
      </button>
    </form>
  );
}

export function MembershipForm({ localities }: { localities: LocalityOption[] }) {
  const [state, action, pending] = useActionState<UsersFormState, FormData>(setMembershipAction, null);
  return (
    <form action={action} className="form" aria-labelledby="membership-heading">
      <h2 id="membership-heading">Give someone a role, or remove it</h2>
      <Outcome state={state} />
      <div className="field">
        <label htmlFor="member-email">Email of an existing account</label>
        <input id="member-email" name="email" type="email" required aria-describedby="member-email-error" />
        <FieldError state={state} field="email" id="member-email-error" />
      </div>
      <div className="field">
        <label htmlFor="member-locality">Locality</label>
        <select id="member-locality" name="localityId">
          {localities.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="member-role">Role</label>
        <select id="member-role" name="role" defaultValue="editor">
          <option value="editor">Editor</option>
          <option value="reviewer">Reviewer</option>
          <option value="admin">Administrator</option>
          <option value="remove">Remove from this locality</option>
        </select>
      </div>
      <button type="submit" className="button" disabled={pending}>
        Save role
      </button>
    </form>
  );
}

export function DisableUserButton({ userId, email }: { userId: number; email: string }) {
  const [state, action, pending] = useActionState<UsersFormState, FormData>(disableUserAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="button button--secondary" disabled={pending} aria-label={`Disable ${email}`}>
        Disable
      </button>
      <Outcome state={state} />
    </form>
  );
}

/** For someone who never used their link, lost it, or forgot their password. */
export function NewSetupLinkButton({ userId, email }: { userId: number; email: string }) {
  const [state, action, pending] = useActionState<SetupLinkFormState, FormData>(newSetupLinkAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="button button--secondary" disabled={pending} aria-label={`New set-password link for ${email}`}>
        New set-password link
      </button>
      <LinkOutcome state={state} />
    </form>
  );
}
