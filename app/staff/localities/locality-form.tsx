'use client';

import { InputField, SelectField } from '@/app/_components/forms/bound-fields';
import { SubmitRow } from '@/app/_components/forms/form-buttons';
import { FormAlert, HiddenFields } from '@/app/_components/forms/form-parts';
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
  const { formRef, formAction, onSubmit, formError, ...form } = useMoneyForm<LocalityFormValues>(action, initialValues, null);
  const { values, set, errors } = form;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form" noValidate data-testid="locality-form">
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      {localityId !== undefined ? <input type="hidden" name="localityId" value={localityId} /> : null}
      {fixedStateAndKind ? (
        <HiddenFields values={{ stateCode: values.stateCode, kind: values.kind }} />
      ) : (
        <div className="field-row">
          <SelectField form={form} name="stateCode" label="State" options={states} />
          <SelectField form={form} name="kind" label="Kind" options={kinds} />
        </div>
      )}
      {counties !== undefined ? (
        <>
          <input type="hidden" name="name" value="" />
          <SelectField
            form={form}
            name="fips"
            label="County"
            hint="From the US Census county list; its name and FIPS code are filled in for you."
            empty="Choose…"
            options={counties}
          />
          {errors.name ? (
            <p className="field-error" role="alert">
              {errors.name.join(' ')}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <InputField form={form} name="name" label="Name" hint="As residents write it, e.g. “City of Springfield” or “Orange County”." maxLength={200} autoComplete="off" />
          <InputField
            form={form}
            name="fips"
            label="FIPS code (optional)"
            hint="7 digits for a city or town (state + Census place code), 5 for a county, 2 for a state."
            inputMode="numeric"
            autoComplete="off"
            maxLength={7}
          />
        </>
      )}
      <div className="field-row">
        <SelectField form={form} name="fyStartMonth" label="Fiscal year starts in" hint="“FY2026” is the fiscal year that ends in 2026." options={months} />
        <InputField form={form} name="population" label="Population (optional)" inputMode="numeric" autoComplete="off" />
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
      <SubmitRow pending={form.pending} label={submitLabel} pendingLabel={null} cancelHref="/staff/localities" />
    </form>
  );
}
