import type { ActionFailure } from '@/lib/errors';
import type { ReactNode } from 'react';

/** What the server refused, above the form: announced at once. */
export function FormAlert({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {children}
    </p>
  );
}

/** The fields a form carries without showing them (which locality, which record, at which version). */
export function HiddenFields({ values }: { values: Readonly<Record<string, string | number>> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** A refusal with every field's message after the general one, for a form too small to show them beside fields. */
export function FailureAlert({ failure }: { failure: ActionFailure }) {
  return (
    <FormAlert>
      {failure.message} {Object.values(failure.fieldErrors ?? {}).flat().join(' ')}
    </FormAlert>
  );
}
