'use client';

import { Field, fieldProps, hintId } from '@/app/_components/forms/field';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { RecordFormFields } from '@/app/_components/forms/record-form-fields';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';
import type { SettlementOption } from '@/lib/data/reconciliation';

interface ExpectedPaymentFormValues {
  sourceId: string;
  paymentYear: string;
  amount: string;
  expectedOn: string;
  estimatedOn: string;
  estimateSource: string;
}

function span(option: SettlementOption): string {
  if (option.firstPaymentYear === null || option.lastPaymentYear === null) return '';
  return ` (${option.firstPaymentYear}–${option.lastPaymentYear})`;
}

/** Records a new revision of an estimate; before hydration the browser posts it to the server action itself. */
export function ExpectedPaymentForm({
  action,
  slug,
  localityId,
  settlements,
  today,
}: {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  settlements: SettlementOption[];
  today: string;
}) {
  const initial: ExpectedPaymentFormValues = { sourceId: '', paymentYear: '', amount: '', expectedOn: '', estimatedOn: today, estimateSource: '' };
  const { formAction, pending, values, set, formRef, onSubmit, errors, formError } = useMoneyForm<ExpectedPaymentFormValues>(action, initial, null);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form money-form" noValidate>
      <RecordFormFields formError={formError} slug={slug} localityId={localityId} version={null} />
      <Field name="sourceId" label="Settlement" errors={errors}>
        <select {...fieldProps('sourceId', errors)} value={values.sourceId} onChange={(e) => set('sourceId', e.target.value)}>
          <option value="">Choose…</option>
          {settlements.map((option) => (
            <option key={option.id} value={String(option.id)}>
              {option.name}
              {span(option)}
            </option>
          ))}
        </select>
      </Field>
      <div className="field-row">
        <Field name="paymentYear" label="Payment year" errors={errors} hint="The settlement installment, like 2026.">
          <input
            {...fieldProps('paymentYear', errors, hintId('paymentYear'))}
            value={values.paymentYear}
            onChange={(e) => set('paymentYear', e.target.value)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
          />
        </Field>
        <Field name="amount" label="Expected amount" errors={errors} hint="What this locality should receive: 123,456.78.">
          <input
            {...fieldProps('amount', errors, hintId('amount'))}
            value={values.amount}
            onChange={(e) => set('amount', e.target.value)}
            inputMode="decimal"
            autoComplete="off"
            className="input--money"
          />
        </Field>
        <Field name="expectedOn" label="Expected date (optional)" errors={errors} hint="Still missing 60 days later, it is overdue.">
          <input
            {...fieldProps('expectedOn', errors, hintId('expectedOn'))}
            type="date"
            value={values.expectedOn}
            onChange={(e) => set('expectedOn', e.target.value)}
          />
        </Field>
      </div>
      <div className="field-row">
        <Field name="estimatedOn" label="Date of the estimate" errors={errors}>
          <input {...fieldProps('estimatedOn', errors)} type="date" value={values.estimatedOn} onChange={(e) => set('estimatedOn', e.target.value)} />
        </Field>
        <Field
          name="estimateSource"
          label="Source of the estimate"
          errors={errors}
          hint='Where the figure comes from, like "BrownGreer allocation estimate, 2026-11-15".'
        >
          <input
            {...fieldProps('estimateSource', errors, hintId('estimateSource'))}
            value={values.estimateSource}
            onChange={(e) => set('estimateSource', e.target.value)}
            maxLength={500}
            autoComplete="off"
          />
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : 'Record this estimate'}
        </button>
      </div>
    </form>
  );
}
