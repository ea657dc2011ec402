'use client';

import { useActionState } from 'react';
import { changePasswordAction, type PasswordFormState } from './actions';

export function PasswordForm() {
  const [state, action, pending] = useActionState<PasswordFormState, FormData>(changePasswordAction, null);
  const fieldError = (field: string) => (state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined);
  return (
    <form action={action} className="form narrow">
      {state?.ok ? (
        <p className="notice" role="status">
          {state.data}
        </p>
      ) : null}
      {state && !state.ok && !state.fieldErrors ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {(['currentPassword', 'newPassword'] as const).map((field) => (
        <div className="field" key={field}>
          <label htmlFor={field}>{field === 'currentPassword' ? 'Current password' : 'New password (at least 12 characters)'}</label>
          <input
            id={field}
            name={field}
            type="password"
            autoComplete={field === 'currentPassword' ? 'current-password' : 'new-password'}
            required
            aria-invalid={fieldError(field) ? true : undefined}
            aria-describedby={fieldError(field) ? `${field}-error` : undefined}
          />
          {fieldError(field) ? (
            <p id={`${field}-error`} className="field-error">
              {fieldError(field)}
            </p>
          ) : null}
        </div>
      ))}
      <button type="submit" className="button" disabled={pending}>
        Change password
      </button>
    </form>
  );
}
