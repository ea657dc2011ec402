'use client';

import { useState, type ReactNode } from 'react';
import { FieldBox, fieldProps } from './field';

interface ReasonFieldProps {
  /** The textarea's id; its hint and error are `${id}-hint` and `${id}-error`. */
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  messages?: readonly string[];
  rows?: number;
  maxLength?: number;
}

/**
 * A written reason: for a decision, a return to draft, a delete, a change. It goes into the history and the audit
 * log (and, for a board decision, in public).
 */
export function ReasonField({
  id,
  name = 'reason',
  label,
  hint,
  messages,
  rows = 2,
  maxLength = 2000,
  value,
  onChange,
}: ReasonFieldProps & { value: string; onChange: (value: string) => void }) {
  const control = fieldProps(name, { [name]: messages }, hint ? `${id}-hint` : undefined, id);
  return (
    <FieldBox id={id} label={label} hint={hint} messages={messages}>
      <textarea
        id={control.id}
        name={control.name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={rows}
        maxLength={maxLength}
        aria-invalid={control['aria-invalid']}
        aria-describedby={control['aria-describedby']}
      />
    </FieldBox>
  );
}

/** A reason held in the field's own state, so a refused save (a conflict, a mistake elsewhere) keeps what was typed. */
export function KeptReasonField(props: ReasonFieldProps) {
  const [reason, setReason] = useState('');
  return <ReasonField {...props} value={reason} onChange={setReason} />;
}
