/**
 * The pieces every money form field is built from: an id, the `aria-invalid` / `aria-describedby` that tie a field
 * to its error and hint, and the error itself right below the field, so a screen reader announces it with the field.
 */
import type { ReactNode } from 'react';

export type FieldErrors = Readonly<Record<string, readonly string[] | undefined>>;

/** "splits.0.percent" → "field-splits-0-percent": a valid, stable element id. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

export function errorId(name: string): string {
  return `${fieldId(name)}-error`;
}

/** Props that give a control its name, id and accessible link to its error and hint. */
export function fieldProps(name: string, errors: FieldErrors, hintId?: string) {
  const invalid = (errors[name]?.length ?? 0) > 0;
  const describedBy = [invalid ? errorId(name) : null, hintId ?? null].filter(Boolean).join(' ');
  return {
    id: fieldId(name),
    name,
    'aria-invalid': invalid ? (true as const) : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  };
}

export function FieldError({ name, errors }: { name: string; errors: FieldErrors }) {
  const messages = errors[name];
  if (!messages || messages.length === 0) return null;
  return (
    <p id={errorId(name)} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

export function Field({
  name,
  label,
  errors,
  hint,
  children,
}: {
  name: string;
  label: ReactNode;
  errors: FieldErrors;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={fieldId(name)}>{label}</label>
      {hint ? (
        <p id={`${fieldId(name)}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError name={name} errors={errors} />
    </div>
  );
}

export function hintId(name: string): string {
  return `${fieldId(name)}-hint`;
}
