'use client';

import { fieldId, type FieldErrors } from './field';
import { KeptReasonField } from './reason-field';
import { CHANGE_REASON_FIELD, CHANGE_REASON_MAX } from '@/lib/services/change-reason-field';

/** "Reason for the change" on an edit form: optional, kept with the change in the record's history and the audit log. */
export function ChangeReasonField({ errors }: { errors: FieldErrors }) {
  return (
    <KeptReasonField
      id={fieldId(CHANGE_REASON_FIELD)}
      name={CHANGE_REASON_FIELD}
      label="Reason for the change (optional)"
      hint="Kept with this change in the history and the audit log, for whoever reviews it later."
      messages={errors[CHANGE_REASON_FIELD]}
      maxLength={CHANGE_REASON_MAX}
    />
  );
}
