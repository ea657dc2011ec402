'use client';

import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from 'react';
import type { FieldErrors } from '@/app/_components/forms/field';
import type { MoneyFormAction, MoneyFormState } from '@/app/_components/forms/form-state';
import type { ContextImportState } from './actions';

function useForm(action: MoneyFormAction) {
  const [state, dispatch, pending] = useActionState<MoneyFormState, FormData>(action, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }
  const errors: FieldErrors = state?.code === 'invalid' ? (state.fieldErrors ?? {}) : {};
  return { state, dispatch, pending, onSubmit, errors };
}

function FormMessage({ state }: { state: MoneyFormState }) {
  if (!state) return null;
  const general = state.fieldErrors?._form ?? [];
  return (
    <p className="form-error" role="alert">
      {state.message}
      {general.length > 0 && general[0] !== state.message ? ` ${general.join(' ')}` : ''}
    </p>
  );
}

function ErrorText({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

function Hidden({ values }: { values: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function countProps(id: string, name: string, errors: FieldErrors) {
  const invalid = (errors[name]?.length ?? 0) > 0;
  return {
    id,
    name,
    inputMode: 'numeric' as const,
    autoComplete: 'off',
    'aria-invalid': invalid ? (true as const) : undefined,
    'aria-describedby': invalid ? `${id}-error` : undefined,
  };
}

const countText = (value: number | null) => (value === null ? '' : String(value));

// ---------- residents and deaths in all

export function ContextTotalsForm({
  action,
  slug,
  localityId,
  fiscalYear,
  initial,
}: {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  fiscalYear: number;
  initial: { population: number | null; overdoseDeaths: number | null; source: string };
}) {
  const { state, dispatch, pending, onSubmit, errors } = useForm(action);
  const [values, setValues] = useState({ population: countText(initial.population), overdoseDeaths: countText(initial.overdoseDeaths), source: initial.source });
  return (
    <form action={dispatch} onSubmit={onSubmit} className="form context-form" noValidate data-testid="context-totals-form">
      <FormMessage state={state} />
      <Hidden values={{ slug, localityId, fiscalYear }} />
      <div className="field-row">
        <div className="field">
          <label htmlFor="ctx-population">Residents</label>
          <input {...countProps('ctx-population', 'population', errors)} value={values.population} onChange={(e) => setValues({ ...values, population: e.target.value })} />
          <ErrorText id="ctx-population-error" messages={errors.population} />
        </div>
        <div className="field">
          <label htmlFor="ctx-deaths">Overdose deaths</label>
          <input {...countProps('ctx-deaths', 'overdoseDeaths', errors)} value={values.overdoseDeaths} onChange={(e) => setValues({ ...values, overdoseDeaths: e.target.value })} />
          <ErrorText id="ctx-deaths-error" messages={errors.overdoseDeaths} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="ctx-source">Source</label>
        <input id="ctx-source" name="source" value={values.source} maxLength={500} onChange={(e) => setValues({ ...values, source: e.target.value })} />
        <ErrorText id="ctx-source-error" messages={errors.source} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Save residents and deaths'}
      </button>
    </form>
  );
}

// ---------- a breakdown table (race/ethnicity or area)

interface BreakdownRowValue {
  groupKey: string;
  groupLabel: string;
  population: string;
  overdoseDeaths: string;
}

export function BreakdownForm({
  action,
  slug,
  localityId,
  fiscalYear,
  dimension,
  caption,
  keyHint,
  initialRows,
}: {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  fiscalYear: number;
  dimension: 'race_ethnicity' | 'area';
  caption: string;
  keyHint: string;
  initialRows: { groupKey: string; groupLabel: string; population: number | null; overdoseDeaths: number | null }[];
}) {
  const { state, dispatch, pending, onSubmit, errors } = useForm(action);
  const [rows, setRows] = useState<BreakdownRowValue[]>(
    initialRows.map((row) => ({ groupKey: row.groupKey, groupLabel: row.groupLabel, population: countText(row.population), overdoseDeaths: countText(row.overdoseDeaths) })),
  );
  const prefix = `bd-${dimension}`;
  const update = (index: number, change: Partial<BreakdownRowValue>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const cell = (index: number, field: keyof BreakdownRowValue, label: string, numeric: boolean): ReactNode => {
    const name = `groups.${index}.${field}`;
    const id = `${prefix}-${index}-${field}`;
    const invalid = (errors[name]?.length ?? 0) > 0;
    return (
      <td>
        <label htmlFor={id} className="visually-hidden">
          {label}, row {index + 1}
        </label>
        <input
          id={id}
          name={name}
          value={rows[index]?.[field] ?? ''}
          onChange={(e) => update(index, { [field]: e.target.value })}
          inputMode={numeric ? 'numeric' : undefined}
          autoComplete="off"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          className={numeric ? 'input--count' : undefined}
        />
        <ErrorText id={`${id}-error`} messages={errors[name]} />
      </td>
    );
  };
  return (
    <form action={dispatch} onSubmit={onSubmit} className="form context-form" noValidate data-testid={`breakdown-form-${dimension}`}>
      <FormMessage state={state} />
      <Hidden values={{ slug, localityId, fiscalYear, dimension }} />
      <p className="field-hint">
        {keyHint} Leave a count empty when it is not known; 0 means none. Removing a row removes the group when you save.
      </p>
      <ErrorText id={`${prefix}-groups-error`} messages={errors.groups} />
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table className="data-table form-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Name</th>
              <th scope="col">Residents</th>
              <th scope="col">Overdose deaths</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="table-empty">
                  No groups yet.
                </td>
              </tr>
            ) : (
              rows.map((row, index) => (
                <tr key={index} data-testid="breakdown-row">
                  {cell(index, 'groupKey', 'Key', false)}
                  {cell(index, 'groupLabel', 'Name', false)}
                  {cell(index, 'population', 'Residents', true)}
                  {cell(index, 'overdoseDeaths', 'Overdose deaths', true)}
                  <td>
                    <button type="button" className="button button--secondary" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                      Remove<span className="visually-hidden"> {row.groupLabel || `row ${index + 1}`}</span>
                    </button>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => setRows([...rows, { groupKey: '', groupLabel: '', population: '', overdoseDeaths: '' }])}>
          Add a row
        </button>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : `Save the table`}
        </button>
      </div>
    </form>
  );
}

// ---------- people served by one program

export function PeopleServedForm({
  action,
  slug,
  allocationId,
  fiscalYear,
  program,
  groups,
  initial,
}: {
  action: MoneyFormAction;
  slug: string;
  allocationId: number;
  fiscalYear: number;
  program: string;
  groups: { key: string; label: string }[];
  initial: Record<string, number>;
}) {
  const { state, dispatch, pending, onSubmit, errors } = useForm(action);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(groups.map((group) => [group.key, initial[group.key] === undefined ? '' : String(initial[group.key])])),
  );
  return (
    <form action={dispatch} onSubmit={onSubmit} className="form served-form" noValidate data-testid="people-served-form" aria-label={`People served by ${program}`}>
      <FormMessage state={state} />
      <Hidden values={{ slug, allocationId, fiscalYear }} />
      <div className="served-form__grid">
        {groups.map((group, index) => {
          const id = `served-${allocationId}-${group.key}`;
          const name = `groups.${index}.people`;
          return (
            <div className="field" key={group.key}>
              <input type="hidden" name={`groups.${index}.groupKey`} value={group.key} />
              <label htmlFor={id}>{group.label}</label>
              <input {...countProps(id, name, errors)} value={values[group.key] ?? ''} onChange={(e) => setValues({ ...values, [group.key]: e.target.value })} />
              <ErrorText id={`${id}-error`} messages={errors[name]} />
            </div>
          );
        })}
      </div>
      <button type="submit" className="button button--secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save people served'}
        <span className="visually-hidden">: {program}</span>
      </button>
    </form>
  );
}

// ---------- import from a file

export function ContextImportForm({
  action,
  slug,
  localityId,
  fiscalYear,
}: {
  action: (previous: ContextImportState, formData: FormData) => Promise<ContextImportState>;
  slug: string;
  localityId: number;
  fiscalYear: number;
}) {
  const [state, dispatch, pending] = useActionState<ContextImportState, FormData>(action, null);
  return (
    <form action={dispatch} className="form context-form" data-testid="context-import-form">
      {state ? (
        <div className="form-error" role="alert" data-testid="context-import-errors">
          <p>{state.reason}</p>
          {state.errors.length > 0 ? (
            <ul>
              {state.errors.map((error, index) => (
                <li key={index}>
                  {error.row > 0 ? `Line ${error.row}` : 'The file'}
                  {error.column ? `, column “${error.column}”` : ''}
                  {error.value ? ` (“${error.value}”)` : ''}: {error.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <Hidden values={{ slug, localityId, fiscalYear }} />
      <div className="field">
        <label htmlFor="context-file">CSV or Excel file</label>
        <p id="context-file-hint" className="field-hint">
          Columns: dimension (race_ethnicity or area), group_key, group_label, population, overdose_deaths. Each
          dimension in the file replaces that table for FY{fiscalYear}; nothing is saved unless every row is right.
        </p>
        <input id="context-file" name="file" type="file" accept=".csv,.xlsx,text/csv" aria-describedby="context-file-hint" required />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Importing…' : 'Import'}
      </button>
    </form>
  );
}
