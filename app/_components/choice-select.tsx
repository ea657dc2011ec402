// Server-compatible (no 'use client'): a chooser for many choices as a GET form, so it works without JavaScript,
// every choice has its own URL, and a long list takes one line on a phone instead of a stack of links.
export interface ChoiceSelectProps {
  label: string;
  action: string;
  name: string;
  hidden: { name: string; value: string }[];
  options: { value: string; label: string }[];
  selected: string;
  /** The button's words ("Show"), in the page's language. */
  submitLabel: string;
  testId?: string;
}

export function ChoiceSelect({ label, action, name, hidden, options, selected, submitLabel, testId }: ChoiceSelectProps) {
  const id = `choice-${name}`;
  return (
    <form method="get" action={action} className="choice-select" data-testid={testId}>
      {hidden.map((field) => (
        <input key={field.name} type="hidden" name={field.name} value={field.value} />
      ))}
      <label htmlFor={id} className="switch-nav__label">
        {label}
      </label>
      <select id={id} name={name} defaultValue={selected}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary">
        {submitLabel}
      </button>
    </form>
  );
}
