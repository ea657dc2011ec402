// Server-compatible (no 'use client'): the fields of a filter form above a list (the lines table, the decisions page):
// a plain GET form, so it filters without JavaScript.
import Link from 'next/link';
import type { ComponentProps } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A labelled <select>: controlled (`value` with `onChange`) in a client form that navigates on change, or with a
 * `defaultValue` in a server-rendered form; those pass through to the <select> as given.
 */
export function SelectField({
  id,
  name,
  label,
  options,
  allLabel,
  ...control
}: {
  id: string;
  name: string;
  label: string;
  options: readonly SelectOption[];
  /** The first choice, "all" (value ""), when the filter may be left unset. */
  allLabel?: string;
} & Pick<ComponentProps<'select'>, 'value' | 'defaultValue' | 'onChange'>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} {...control}>
        {allLabel === undefined ? null : <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The form's button, and the link that clears every filter (`clearHref`, null when nothing is filtered);
 * `scroll={false}` keeps the reader where they are on the page.
 */
export function FilterActions({
  submitLabel,
  clearHref,
  clearLabel,
  ...link
}: { submitLabel: string; clearHref: string | null; clearLabel: string } & Pick<ComponentProps<typeof Link>, 'scroll'>) {
  return (
    <div className="lines-filter__actions">
      <button type="submit" className="button button--secondary">
        {submitLabel}
      </button>
      {clearHref !== null ? (
        <Link href={clearHref} {...link} className="lines-filter__clear">
          {clearLabel}
        </Link>
      ) : null}
    </div>
  );
}
