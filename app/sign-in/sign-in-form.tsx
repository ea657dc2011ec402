'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from './actions';

export function SignInForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, null);
  const emailError = state?.fieldErrors?.email?.[0];
  const passwordError = state?.fieldErrors?.password?.[0];
  return (
    <form action={formAction} className="form stack" noValidate>
      {state && !emailError && !passwordError ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <SignInField name="email" label="Email" type="email" autoComplete="username" error={emailError} />
      <SignInField name="password" label="Password" type="password" autoComplete="current-password" error={passwordError} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

/** A required sign-in field (its id is its name), with the server's error below it, announced as an alert. */
function SignInField({
  name,
  label,
  type,
  autoComplete,
  error,
}: {
  name: string;
  label: string;
  type: 'email' | 'password';
  autoComplete: string;
  error: string | undefined;
}) {
  const errorId = `${name}-error`;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
