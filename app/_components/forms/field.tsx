/**
 * The pieces every form field is built from: an id, the `aria-invalid` / `aria-describedby` that tie a field to its
 * error and hint, and the error itself right below the field, so a screen reader announces it with the field.
 *
 * The ids follow one pattern: the control has `id`, its hint `${id}-hint`, its error `${id}-error`. A money form
 * field's id comes from its name (`fieldId`); a form that may appear more than once on a page passes its own.
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

export function hintId(name: string): string {
  return `${fieldId(name)}-hint`;
}

/** Props that give a control its name, id and accessible link to its error and hint. */
export function fieldProps(name: string, errors: FieldErrors, hintId?: string, id: string = fieldId(name)) {
  const invalid = (errors[name]?.length ?? 0) > 0;
  const describedBy = [invalid ? `${id}-error` : null, hintId ?? null].filter(Boolean).join(' ');
  return {
    id,
    name,
    'aria-invalid': invalid ? (true as const) : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  };
}

/** The messages of one field, below it; nothing when there are none. */
export function ErrorText({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

export function FieldError({ name, errors }: { name: string; errors: FieldErrors }) {
  return <ErrorText id={errorId(name)} messages={errors[name]} />;
}

/** A labelled control: its label, its hint (`${id}-hint`), the control itself, then its error (`${id}-error`). */
export function FieldBox({
  id,
  label,
  hint,
  messages,
  className = 'field',
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  messages?: readonly string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      <ErrorText id={`${id}-error`} messages={messages} />
    </div>
  );
}

export function Field({
  name,
  id = fieldId(name),
  label,
  errors,
  hint,
  className,
  children,
}: {
  name: string;
  /** The control's id when the form may appear more than once on a page; from the name otherwise. */
  id?: string;
  label: ReactNode;
  errors: FieldErrors;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <FieldBox id={id} label={label} hint={hint} messages={errors[name]} className={className}>
      {children}
    </FieldBox>
  );
}
