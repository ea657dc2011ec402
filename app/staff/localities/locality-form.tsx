'use client';

import Link from 'next/link';
import { Field, fieldProps, hintId } from '@/app/_components/forms/field';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';

export interface LocalityFormValues {
  name: string;
  stateCode: string;
  kind: string;
  fips: string;
  fyStartMonth: string;
  population: string;
  /** 'on' when the board posts the locality's receipts and payments; '' otherwise. */
  moneyNeedsApproval: string;
}

export interface Option {
  value: string;
  label: string;
}

/**
 * The locality form. Creating a county, the county is chosen from the Census list of its state (`counties`), which
 * fills its name and FIPS code; the state and kind were chosen the step before and travel as hidden fields. Editing,
 * every field is open but the slug, which never changes.
 */
export function LocalityForm({
  action,
  localityId,
  initialValues,
  states,
  kinds,
  months,
  counties,
  fixedStateAndKind,
  submitLabel,
}: {
  action: MoneyFormAction;
  localityId?: number;
  initialValues: LocalityFormValues;
  states: Option[];
  kinds: Option[];
  months: Option[];
  /** Creating a county: the counties of the chosen state, value = FIPS code. */
  counties?: Option[];
  /** Creating: state and kind were chosen the step before. */
  fixedStateAndKind: boolean;
  submitLabel: string;
}) {
  const { formAction, pending, values, set, formRef, onSubmit, errors, formError } = useMoneyForm<LocalityFormValues>(action, initialValues, null);
  const pickCounty = counties !== undefined;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form" noValidate data-testid="locality-form">
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      {localityId !== undefined ? <input type="hidden" name="localityId" value={localityId} /> : null}
      {fixedStateAndKind ? (
        <>
          <input type="hidden" name="stateCode" value={values.stateCode} />
          <input type="hidden" name="kind" value={values.kind} />
        </>
      ) : (
        <div className="field-row">
          <Field name="stateCode" label="State" errors={errors}>
            <select {...fieldProps('stateCode', errors)} value={values.stateCode} onChange={(e) => set('stateCode', e.target.value)}>
              {states.map((state) => (
                <option key={state.value} value={state.value}>
                  {state.label}
                </option>
              ))}
            </select>
          </Field>
          <Field name="kind" label="Kind" errors={errors}>
            <select {...fieldProps('kind', errors)} value={values.kind} onChange={(e) => set('kind', e.target.value)}>
              {kinds.map((kind) => (
                <option key={kind.value} value={kind.value}>
                  {kind.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
      {pickCounty ? (
        <>
          <input type="hidden" name="name" value="" />
          <Field name="fips" label="County" errors={errors} hint="From the US Census county list; its name and FIPS code are filled in for you.">
            <select {...fieldProps('fips', errors, hintId('fips'))} value={values.fips} onChange={(e) => set('fips', e.target.value)}>
              <option value="">Choose…</option>
              {counties.map((county) => (
                <option key={county.value} value={county.value}>
                  {county.label}
                </option>
              ))}
            </select>
          </Field>
          {errors.name ? (
            <p className="field-error" role="alert">
              {errors.name.join(' ')}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <Field name="name" label="Name" errors={errors} hint="As residents write it, e.g. “City of Springfield” or “Orange County”.">
            <input {...fieldProps('name', errors, hintId('name'))} value={values.name} onChange={(e) => set('name', e.target.value)} maxLength={200} autoComplete="off" />
          </Field>
          <Field
            name="fips"
            label="FIPS code (optional)"
            errors={errors}
            hint="7 digits for a city or town (state + Census place code), 5 for a county, 2 for a state."
          >
            <input
              {...fieldProps('fips', errors, hintId('fips'))}
              value={values.fips}
              onChange={(e) => set('fips', e.target.value)}
              inputMode="numeric"
              autoComplete="off"
              maxLength={7}
            />
          </Field>
        </>
      )}
      <div className="field-row">
        <Field name="fyStartMonth" label="Fiscal year starts in" errors={errors} hint="“FY2026” is the fiscal year that ends in 2026.">
          <select {...fieldProps('fyStartMonth', errors, hintId('fyStartMonth'))} value={values.fyStartMonth} onChange={(e) => set('fyStartMonth', e.target.value)}>
            {months.map((month) => (
              <option key={month.value} value={month.value}>
                {month.label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="population" label="Population (optional)" errors={errors}>
          <input
            {...fieldProps('population', errors)}
            value={values.population}
            onChange={(e) => set('population', e.target.value)}
            inputMode="numeric"
            autoComplete="off"
          />
        </Field>
      </div>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            name="moneyNeedsApproval"
            checked={values.moneyNeedsApproval === 'on'}
            onChange={(e) => set('moneyNeedsApproval', e.target.checked ? 'on' : '')}
            aria-describedby="money-needs-approval-hint"
          />{' '}
          The oversight board approves each receipt and payment
        </label>
        <p className="field-hint" id="money-needs-approval-hint">
          Staff record them as drafts; a board member other than the one who recorded it posts each, and only then does it
          count on the public pages. Unticked, staff post them.
        </p>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
        <Link href="/staff/localities" className="button button--secondary">
          Cancel
        </Link>
      </div>
    </form>
  );
}
