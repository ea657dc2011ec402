'use client';

import { useActionState } from 'react';
import { FieldBox } from '@/app/_components/forms/field';
import { SubmitButton } from '@/app/_components/forms/form-buttons';
import { FormAlert } from '@/app/_components/forms/form-parts';
import { StatusNotice } from '../_components/list-page';
import { changePasswordAction, type PasswordFormState } from './actions';

const asMessages = (message: string | undefined) => (message ? [message] : undefined);

export function PasswordForm() {
  const [state, action, pending] = useActionState<PasswordFormState, FormData>(changePasswordAction, null);
  const fieldError = (field: string) => (state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined);
  return (
    <form action={action} className="form narrow">
      {state?.ok ? <StatusNotice>{state.data}</StatusNotice> : null}
      {state && !state.ok && !state.fieldErrors ? <FormAlert>{state.message}</FormAlert> : null}
      {(['currentPassword', 'newPassword'] as const).map((field) => (
        <FieldBox
          key={field}
          id={field}
          label={field === 'currentPassword' ? 'Current password' : 'New password (at least 12 characters)'}
          messages={asMessages(fieldError(field))}
        >
          <input
            id={field}
            name={field}
            type="password"
            autoComplete={field === 'currentPassword' ? 'current-password' : 'new-password'}
            required
            aria-invalid={fieldError(field) ? true : undefined}
            aria-describedby={fieldError(field) ? `${field}-error` : undefined}
          />
        </FieldBox>
      ))}
      <SubmitButton pending={pending} label="Change password" pendingLabel={null} />
    </form>
  );
}
