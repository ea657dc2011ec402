'use client';

import { useActionState, useState, type ReactNode } from 'react';
import { ErrorText, FieldBox, fieldProps, type FieldErrors } from '@/app/_components/forms/field';
import { SubmitButton } from '@/app/_components/forms/form-buttons';
import { FormAlert, HiddenFields } from '@/app/_components/forms/form-parts';
import type { MoneyFormAction, MoneyFormState } from '@/app/_components/forms/form-state';
import { useActionForm } from '@/app/_components/forms/use-action-form';
import { EmptyRow, SimpleTable, TableScroll } from '@/app/staff/_components/simple-table';
import type { ContextImportState } from './actions';

/** The context forms keep what was typed when the server refuses it, and show each refusal beside its field. */
function useContextForm(action: MoneyFormAction) {
  const { state, dispatch, pending, onSubmit } = useActionForm(action, null);
  const errors: FieldErrors = state?.code === 'invalid' ? (state.fieldErrors ?? {}) : {};
  return { state, dispatch, pending, onSubmit, errors };
}

function FormMessage({ state }: { state: MoneyFormState }) {
  if (!state) return null;
  const general = state.fieldErrors?._form ?? [];
  return (
    <FormAlert>
      {state.message}
      {general.length > 0 && general[0] !== state.message ? ` ${general.join(' ')}` : ''}
    </FormAlert>
  );
}

function countProps(id: string, name: string, errors: FieldErrors) {
  return { ...fieldProps(name, errors, undefined, id), inputMode: 'numeric' as const, autoComplete: 'off' };
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
  const { state, dispatch, pending, onSubmit, errors } = useContextForm(action);
  const [values, setValues] = useState({ population: countText(initial.population), overdoseDeaths: countText(initial.overdoseDeaths), source: initial.source });
  return (
    <form action={dispatch} onSubmit={onSubmit} className="form context-form" noValidate data-testid="context-totals-form">
      <FormMessage state={state} />
      <HiddenFields values={{ slug, localityId, fiscalYear }} />
      <div className="field-row">
        <FieldBox id="ctx-population" label="Residents" messages={errors.population}>
          <input {...countProps('ctx-population', 'population', errors)} value={values.population} onChange={(e) => setValues({ ...values, population: e.target.value })} />
        </FieldBox>
        <FieldBox id="ctx-deaths" label="Overdose deaths" messages={errors.overdoseDeaths}>
          <input {...countProps('ctx-deaths', 'overdoseDeaths', errors)} value={values.overdoseDeaths} onChange={(e) => setValues({ ...values, overdoseDeaths: e.target.value })} />
        </FieldBox>
      </div>
      <FieldBox id="ctx-source" label="Source" messages={errors.source}>
        <input id="ctx-source" name="source" value={values.source} maxLength={500} onChange={(e) => setValues({ ...values, source: e.target.value })} />
      </FieldBox>
      <SubmitButton pending={pending} label="Save residents and deaths" />
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
  const { state, dispatch, pending, onSubmit, errors } = useContextForm(action);
  const [rows, setRows] = useState<BreakdownRowValue[]>(
    initialRows.map((row) => ({ groupKey: row.groupKey, groupLabel: row.groupLabel, population: countText(row.population), overdoseDeaths: countText(row.overdoseDeaths) })),
  );
  const prefix = `bd-${dimension}`;
  const update = (index: number, change: Partial<BreakdownRowValue>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const cell = (index: number, field: keyof BreakdownRowValue, label: string, numeric: boolean): ReactNode => {
    const name = `groups.${index}.${field}`;
    const id = `${prefix}-${index}-${field}`;
    return (
      <td>
        <label htmlFor={id} className="visually-hidden">
          {label}, row {index + 1}
        </label>
        <input
          {...fieldProps(name, errors, undefined, id)}
          value={rows[index]?.[field] ?? ''}
          onChange={(e) => update(index, { [field]: e.target.value })}
          inputMode={numeric ? 'numeric' : undefined}
          autoComplete="off"
          className={numeric ? 'input--count' : undefined}
        />
        <ErrorText id={`${id}-error`} messages={errors[name]} />
      </td>
    );
  };
  return (
    <form action={dispatch} onSubmit={onSubmit} className="form context-form" noValidate data-testid={`breakdown-form-${dimension}`}>
      <FormMessage state={state} />
      <HiddenFields values={{ slug, localityId, fiscalYear, dimension }} />
      <p className="field-hint">
        {keyHint} Leave a count empty when it is not known; 0 means none. Removing a row removes the group when you save.
      </p>
      <ErrorText id={`${prefix}-groups-error`} messages={errors.groups} />
      <TableScroll label={caption}>
        <SimpleTable
          className="data-table form-table"
          caption={caption}
          columns={['Key', 'Name', 'Residents', 'Overdose deaths', { label: 'Remove', hidden: true }]}
        >
          {rows.length === 0 ? (
            <EmptyRow colSpan={5}>No groups yet.</EmptyRow>
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
        </SimpleTable>
      </TableScroll>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => setRows([...rows, { groupKey: '', groupLabel: '', population: '', overdoseDeaths: '' }])}>
          Add a row
        </button>
        <SubmitButton pending={pending} label="Save the table" />
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
  const { state, dispatch, pending, onSubmit, errors } = useContextForm(action);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(groups.map((group) => [group.key, initial[group.key] === undefined ? '' : String(initial[group.key])])),
  );
  return (
    <form action={dispatch} onSubmit={onSubmit} className="form served-form" noValidate data-testid="people-served-form" aria-label={`People served by ${program}`}>
      <FormMessage state={state} />
      <HiddenFields values={{ slug, allocationId, fiscalYear }} />
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
      <SubmitButton pending={pending} label="Save people served" secondary>
        <span className="visually-hidden">: {program}</span>
      </SubmitButton>
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
      <HiddenFields values={{ slug, localityId, fiscalYear }} />
      <FieldBox
        id="context-file"
        label="CSV or Excel file"
        hint={
          <>
            Columns: dimension (race_ethnicity or area), group_key, group_label, population, overdose_deaths. Each
            dimension in the file replaces that table for FY{fiscalYear}; nothing is saved unless every row is right.
          </>
        }
      >
        <input id="context-file" name="file" type="file" accept=".csv,.xlsx,text/csv" aria-describedby="context-file-hint" required />
      </FieldBox>
      <SubmitButton pending={pending} label="Import" pendingLabel="Importing…" />
    </form>
  );
}
