'use client';

import { useActionState } from 'react';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules';
import { setPasswordAction, type SetPasswordState } from '../actions';

const FIELDS = [
  { name: 'password', label: `New password (at least ${MIN_PASSWORD_LENGTH} characters)` },
  { name: 'confirm', label: 'The same password again' },
] as const;

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(setPasswordAction, null);
  const fieldError = (field: string) => state?.fieldErrors?.[field]?.[0];
  return (
    <form action={action} className="form stack">
      {state && !state.fieldErrors ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      {/* For password managers: they store the new password under this account's email. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      {FIELDS.map(({ name, label }) => (
        <div className="field" key={name}>
          <label htmlFor={name}>{label}</label>
          <input
            id={name}
            name={name}
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={fieldError(name) ? true : undefined}
            aria-describedby={fieldError(name) ? `${name}-error` : undefined}
          />
          {fieldError(name) ? (
            <p id={`${name}-error`} className="field-error" role="alert">
              {fieldError(name)}
            </p>
          ) : null}
        </div>
      ))}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Set password and sign in'}
      </button>
    </form>
  );
}
