'use client';

import { useState } from 'react';
import { Field, fieldProps, hintId, type FieldErrors } from './field';
import { CHANGE_REASON_FIELD, CHANGE_REASON_MAX } from '@/lib/services/change-reason-field';

/**
 * "Reason for the change" on an edit form: optional, kept with the change in the record's history and the audit log.
 * Held in this component's state, so a refused save (a conflict, a mistake elsewhere on the form) keeps what was typed.
 */
export function ChangeReasonField({ errors }: { errors: FieldErrors }) {
  const [reason, setReason] = useState('');
  return (
    <Field
      name={CHANGE_REASON_FIELD}
      label="Reason for the change (optional)"
      errors={errors}
      hint="Kept with this change in the history and the audit log, for whoever reviews it later."
    >
      <textarea
        {...fieldProps(CHANGE_REASON_FIELD, errors, hintId(CHANGE_REASON_FIELD))}
        rows={2}
        maxLength={CHANGE_REASON_MAX}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
    </Field>
  );
}
