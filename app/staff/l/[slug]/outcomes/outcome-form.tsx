'use client';

import { Field, fieldProps, hintId } from '@/app/_components/forms/field';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { RecordFormFields } from '@/app/_components/forms/record-form-fields';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';

export interface OutcomeFormValues {
  allocationId: string;
  measure: string;
  customMeasureName: string;
  unit: string;
  periodStart: string;
  periodEnd: string;
  units: string;
  source: string;
}

const EMPTY: OutcomeFormValues = { allocationId: '', measure: '', customMeasureName: '', unit: '', periodStart: '', periodEnd: '', units: '', source: '' };

/** A new outcome of one program, saved as a draft; it goes to the board from the list below the form. */
export function OutcomeForm({
  action,
  slug,
  localityId,
  programs,
  measures,
}: {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  programs: { id: number; label: string }[];
  measures: { key: string; label: string }[];
}) {
  const { pending, values, set, formRef, formAction, onSubmit, errors, formError } = useMoneyForm<OutcomeFormValues>(action, EMPTY, null);
  const isOther = values.measure === 'other';
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form money-form" noValidate data-testid="outcome-form">
      <RecordFormFields formError={formError} slug={slug} localityId={localityId} version={null} />
      <Field name="allocationId" label="Program" errors={errors}>
        <select {...fieldProps('allocationId', errors)} value={values.allocationId} onChange={(e) => set('allocationId', e.target.value)}>
          <option value="">Choose the program…</option>
          {programs.map((program) => (
            <option key={program.id} value={String(program.id)}>
              {program.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="measure" label="What was counted" errors={errors}>
        <select {...fieldProps('measure', errors)} value={values.measure} onChange={(e) => set('measure', e.target.value)}>
          <option value="">Choose the measure…</option>
          {measures.map((measure) => (
            <option key={measure.key} value={measure.key}>
              {measure.label}
            </option>
          ))}
        </select>
      </Field>
      {isOther ? (
        <div className="field-row">
          <Field name="customMeasureName" label="Name of the measure" errors={errors}>
            <input {...fieldProps('customMeasureName', errors)} value={values.customMeasureName} onChange={(e) => set('customMeasureName', e.target.value)} maxLength={200} />
          </Field>
          <Field name="unit" label="Unit, singular" errors={errors} hint="session, meal, ride">
            <input {...fieldProps('unit', errors, hintId('unit'))} value={values.unit} onChange={(e) => set('unit', e.target.value)} maxLength={50} />
          </Field>
        </div>
      ) : (
        <>
          <input type="hidden" name="customMeasureName" value="" />
          <input type="hidden" name="unit" value="" />
        </>
      )}
      <div className="field-row">
        <Field name="periodStart" label="Period from" errors={errors}>
          <input {...fieldProps('periodStart', errors)} type="date" value={values.periodStart} onChange={(e) => set('periodStart', e.target.value)} />
        </Field>
        <Field name="periodEnd" label="Period to" errors={errors}>
          <input {...fieldProps('periodEnd', errors)} type="date" value={values.periodEnd} onChange={(e) => set('periodEnd', e.target.value)} />
        </Field>
        <Field name="units" label="How many" errors={errors}>
          <input {...fieldProps('units', errors)} value={values.units} onChange={(e) => set('units', e.target.value)} inputMode="numeric" autoComplete="off" maxLength={20} />
        </Field>
      </div>
      <Field name="source" label="Source" errors={errors} hint="Where the number comes from: the program's report, a dashboard. Shown in public.">
        <input {...fieldProps('source', errors, hintId('source'))} value={values.source} onChange={(e) => set('source', e.target.value)} maxLength={500} />
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : 'Save as a draft'}
        </button>
      </div>
    </form>
  );
}
