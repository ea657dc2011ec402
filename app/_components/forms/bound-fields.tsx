/**
 * Fields bound to a form's controlled values (`useMoneyForm`): each renders the label, hint, control and error of
 * one value, wired together by `fieldProps`, and writes what is typed back with `set`. The kinds of value the staff
 * forms share have their own field, so a money amount, a date or a year is entered the same way on every form.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field, fieldId, fieldProps, type FieldErrors } from './field';

export interface FormBinding<Values> {
  values: Values;
  set: <K extends keyof Values>(key: K, value: Values[K]) => void;
  errors: FieldErrors;
  /** For a form that may appear more than once on a page: control ids are `${idPrefix}-${name}`. */
  idPrefix?: string;
}

/** The names of a form's text values (the ones a text box or a list can hold). */
export type TextKey<Values> = { [K in keyof Values]-?: Values[K] extends string ? K : never }[keyof Values] & string;

interface BoundFieldProps<Values> {
  form: FormBinding<Values>;
  name: TextKey<Values>;
  label: ReactNode;
  hint?: ReactNode;
}

export interface SelectOption {
  value: string;
  label: ReactNode;
}

type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'value' | 'onChange' | 'form'>;

/** The id, the accessible props, the value and the setter of one bound control; a hint is always announced with it. */
function bind<Values>(form: FormBinding<Values>, name: TextKey<Values>, hint: ReactNode) {
  const id = form.idPrefix ? `${form.idPrefix}-${name}` : fieldId(name);
  return {
    id,
    control: fieldProps(name, form.errors, hint ? `${id}-hint` : undefined, id),
    value: form.values[name] as string,
    setValue: (value: string) => form.set(name, value as Values[TextKey<Values>]),
  };
}

export function InputField<Values>({ form, name, label, hint, ...input }: BoundFieldProps<Values> & InputAttributes) {
  const { id, control, value, setValue } = bind(form, name, hint);
  return (
    <Field name={name} id={id} label={label} errors={form.errors} hint={hint}>
      <input {...control} {...input} value={value} onChange={(event) => setValue(event.target.value)} />
    </Field>
  );
}

/** An amount as people write it ($1,234.56, (500.00), -500); the server parses it into cents. */
export function MoneyField<Values>(props: BoundFieldProps<Values>) {
  return <InputField {...props} inputMode="decimal" autoComplete="off" className="input--money" />;
}

export function DateField<Values>(props: BoundFieldProps<Values>) {
  return <InputField {...props} type="date" />;
}

/** A year such as a fiscal year or a settlement's payment year: 2024. */
export function YearField<Values>(props: BoundFieldProps<Values>) {
  return <InputField {...props} inputMode="numeric" autoComplete="off" maxLength={6} />;
}

export function TextAreaField<Values>({ form, name, label, hint, rows = 2, maxLength = 2000 }: BoundFieldProps<Values> & { rows?: number; maxLength?: number }) {
  const { id, control, value, setValue } = bind(form, name, hint);
  return (
    <Field name={name} id={id} label={label} errors={form.errors} hint={hint}>
      <textarea {...control} value={value} onChange={(event) => setValue(event.target.value)} rows={rows} maxLength={maxLength} />
    </Field>
  );
}

/** The `<option>`s of a list: first the empty choice when there is one ("Choose…"), then the options. */
export function Options({ options, empty }: { options: readonly SelectOption[]; empty?: string }) {
  return (
    <>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

export function SelectField<Values>({
  form,
  name,
  label,
  hint,
  options = [],
  empty,
  onChange,
  children,
}: BoundFieldProps<Values> & {
  options?: readonly SelectOption[];
  empty?: string;
  /** Instead of setting the value alone (a choice that resets other fields). */
  onChange?: (value: string) => void;
  /** Options that need more than a value and a label (groups). */
  children?: ReactNode;
}) {
  const { id, control, value, setValue } = bind(form, name, hint);
  return (
    <Field name={name} id={id} label={label} errors={form.errors} hint={hint}>
      <select {...control} value={value} onChange={(event) => (onChange ?? setValue)(event.target.value)}>
        <Options options={options} empty={empty} />
        {children}
      </select>
    </Field>
  );
}

/** Records to choose from by id (a funding source, a recipient), named as people know them. */
export function recordOptions(records: readonly { id: number; name: string }[]): SelectOption[] {
  return records.map((record) => ({ value: String(record.id), label: record.name }));
}

/** Fiscal years as a list shows them: FY2025. */
export function fiscalYearOptions(years: readonly number[]): SelectOption[] {
  return years.map((fy) => ({ value: String(fy), label: `FY${fy}` }));
}
