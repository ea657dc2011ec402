'use client';

import { ConflictPanel } from '@/app/_components/forms/conflict-panel';
import { Field, fieldProps, hintId } from '@/app/_components/forms/field';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { RecordFormFields } from '@/app/_components/forms/record-form-fields';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';
import type { OpeningBalanceFormValues } from '@/lib/services/set-fund-opening-balance';

/** The opening balance: entered once, edited over the version it was opened at (a conflict shows both). */
export function OpeningBalanceForm({
  action,
  slug,
  localityId,
  version,
  initialValues,
}: {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  version: number | null;
  initialValues: OpeningBalanceFormValues;
}) {
  const { state, formAction, pending, values, set, version: savedOver, formRef, onSubmit, conflict, reapplyMine, takeTheirs, errors, formError } =
    useMoneyForm<OpeningBalanceFormValues>(action, initialValues, version);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form money-form" noValidate>
      {conflict && state ? (
        <ConflictPanel
          conflict={conflict}
          message={state.message}
          rows={[
            { label: 'Fiscal year', theirs: conflict.values.fiscalYear, yours: values.fiscalYear },
            { label: 'Opening balance', theirs: conflict.values.amount, yours: values.amount },
            { label: 'Note', theirs: conflict.values.note, yours: values.note },
          ]}
          onReapplyMine={reapplyMine}
          onTakeTheirs={takeTheirs}
          pending={pending}
          listHref={`/staff/l/${slug}/fund`}
        />
      ) : null}
      <RecordFormFields formError={formError} slug={slug} localityId={localityId} version={savedOver} />
      <div className="field-row">
        <Field name="fiscalYear" label="Fiscal year" errors={errors} hint="The first fiscal year you record in Abate, like 2024 (FY2024).">
          <input
            {...fieldProps('fiscalYear', errors, hintId('fiscalYear'))}
            value={values.fiscalYear}
            onChange={(e) => set('fiscalYear', e.target.value)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
          />
        </Field>
        <Field name="amount" label="Balance on the first day of that year" errors={errors} hint="What the fund held, from your audited statements; 0 if nothing.">
          <input
            {...fieldProps('amount', errors, hintId('amount'))}
            value={values.amount}
            onChange={(e) => set('amount', e.target.value)}
            inputMode="decimal"
            autoComplete="off"
            className="input--money"
          />
        </Field>
      </div>
      <Field name="note" label="Where the figure comes from (optional)" errors={errors}>
        <textarea {...fieldProps('note', errors)} value={values.note} onChange={(e) => set('note', e.target.value)} rows={2} maxLength={2000} />
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : version === null ? 'Save the opening balance' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
