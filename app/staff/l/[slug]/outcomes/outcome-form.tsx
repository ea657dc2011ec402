'use client';

import Link from 'next/link';
import { ConflictPanel } from '@/app/_components/forms/conflict-panel';
import { Field, fieldProps, hintId } from '@/app/_components/forms/field';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { RecordFormFields } from '@/app/_components/forms/record-form-fields';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';
import type { OutcomeFormValues } from '@/lib/data/outcome-snapshots';

export const EMPTY_OUTCOME: OutcomeFormValues = { allocationId: '', measure: '', customMeasureName: '', unit: '', periodStart: '', periodEnd: '', units: '', source: '' };

/**
 * One program's outcome: a new one (no `id`), saved as a draft that goes to the board from the list, or a draft or
 * returned one opened for changes over the version it was opened at (a conflict shows both versions, as the money
 * forms do).
 */
export function OutcomeForm({
  action,
  slug,
  localityId,
  programs,
  measures,
  id,
  version = null,
  initialValues = EMPTY_OUTCOME,
  submitLabel = 'Save as a draft',
  cancelHref,
}: {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  programs: { id: number; label: string }[];
  measures: { key: string; label: string }[];
  id?: number;
  version?: number | null;
  initialValues?: OutcomeFormValues;
  submitLabel?: string;
  cancelHref?: string;
}) {
  const { state, pending, values, set, version: savedOver, formRef, formAction, onSubmit, conflict, reapplyMine, takeTheirs, errors, formError } =
    useMoneyForm<OutcomeFormValues>(action, initialValues, version);
  const isOther = values.measure === 'other';
  const programName = (value: string) => programs.find((p) => String(p.id) === value)?.label ?? '';
  const measureName = (value: string) => measures.find((m) => m.key === value)?.label ?? '';
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form money-form" noValidate data-testid="outcome-form">
      {conflict && state ? (
        <ConflictPanel
          conflict={conflict}
          message={state.message}
          rows={[
            { label: 'Program', theirs: programName(conflict.values.allocationId), yours: programName(values.allocationId) },
            { label: 'What was counted', theirs: measureName(conflict.values.measure), yours: measureName(values.measure) },
            { label: 'Name of the measure', theirs: conflict.values.customMeasureName, yours: values.customMeasureName },
            { label: 'Unit', theirs: conflict.values.unit, yours: values.unit },
            { label: 'Period from', theirs: conflict.values.periodStart, yours: values.periodStart },
            { label: 'Period to', theirs: conflict.values.periodEnd, yours: values.periodEnd },
            { label: 'How many', theirs: conflict.values.units, yours: values.units },
            { label: 'Source', theirs: conflict.values.source, yours: values.source },
          ]}
          onReapplyMine={reapplyMine}
          onTakeTheirs={takeTheirs}
          pending={pending}
          listHref={`/staff/l/${slug}/outcomes`}
        />
      ) : null}
      <RecordFormFields formError={formError} slug={slug} localityId={localityId} id={id} version={savedOver} />
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
          {pending ? 'Saving…' : submitLabel}
        </button>
        {cancelHref ? <Link href={cancelHref}>Cancel</Link> : null}
      </div>
    </form>
  );
}
