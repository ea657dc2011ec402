'use client';

import { DateField, InputField, SelectField } from '@/app/_components/forms/bound-fields';
import { conflictRows } from '@/app/_components/forms/conflict-panel';
import { SubmitRow } from '@/app/_components/forms/form-buttons';
import { HiddenFields } from '@/app/_components/forms/form-parts';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { RecordForm } from '@/app/_components/forms/record-form';
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
  const form = useMoneyForm<OutcomeFormValues>(action, initialValues, version);
  const isOther = form.values.measure === 'other';
  const programName = (v: OutcomeFormValues) => programs.find((p) => String(p.id) === v.allocationId)?.label ?? '';
  const measureName = (v: OutcomeFormValues) => measures.find((m) => m.key === v.measure)?.label ?? '';
  const rows = (theirs: OutcomeFormValues) =>
    conflictRows(theirs, form.values, [
      ['Program', programName],
      ['What was counted', measureName],
      ['Name of the measure', 'customMeasureName'],
      ['Unit', 'unit'],
      ['Period from', 'periodStart'],
      ['Period to', 'periodEnd'],
      ['How many', 'units'],
      ['Source', 'source'],
    ]);
  return (
    <RecordForm form={form} conflict={{ rows, listHref: `/staff/l/${slug}/outcomes` }} testId="outcome-form" record={{ slug, localityId, id }}>
      <SelectField form={form} name="allocationId" label="Program" empty="Choose the program…" options={programs.map((p) => ({ value: String(p.id), label: p.label }))} />
      <SelectField form={form} name="measure" label="What was counted" empty="Choose the measure…" options={measures.map((m) => ({ value: m.key, label: m.label }))} />
      {isOther ? (
        <div className="field-row">
          <InputField form={form} name="customMeasureName" label="Name of the measure" maxLength={200} />
          <InputField form={form} name="unit" label="Unit, singular" hint="session, meal, ride" maxLength={50} />
        </div>
      ) : (
        <HiddenFields values={{ customMeasureName: '', unit: '' }} />
      )}
      <div className="field-row">
        <DateField form={form} name="periodStart" label="Period from" />
        <DateField form={form} name="periodEnd" label="Period to" />
        <InputField form={form} name="units" label="How many" inputMode="numeric" autoComplete="off" maxLength={20} />
      </div>
      <InputField form={form} name="source" label="Source" hint="Where the number comes from: the program's report, a dashboard. Shown in public." maxLength={500} />
      <SubmitRow pending={form.pending} label={submitLabel} cancelHref={cancelHref} plainCancel />
    </RecordForm>
  );
}
