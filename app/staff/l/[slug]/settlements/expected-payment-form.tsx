'use client';

import { DateField, InputField, MoneyField, SelectField, YearField } from '@/app/_components/forms/bound-fields';
import { SubmitRow } from '@/app/_components/forms/form-buttons';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { RecordForm } from '@/app/_components/forms/record-form';
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
  const form = useMoneyForm<ExpectedPaymentFormValues>(action, initial, null);
  return (
    <RecordForm form={form} record={{ slug, localityId }}>
      <SelectField form={form} name="sourceId" label="Settlement" empty="Choose…" options={settlements.map((option) => ({ value: String(option.id), label: `${option.name}${span(option)}` }))} />
      <div className="field-row">
        <YearField form={form} name="paymentYear" label="Payment year" hint="The settlement installment, like 2026." />
        <MoneyField form={form} name="amount" label="Expected amount" hint="What this locality should receive: 123,456.78." />
        <DateField form={form} name="expectedOn" label="Expected date (optional)" hint="Still missing 60 days later, it is overdue." />
      </div>
      <div className="field-row">
        <DateField form={form} name="estimatedOn" label="Date of the estimate" />
        <InputField
          form={form}
          name="estimateSource"
          label="Source of the estimate"
          hint='Where the figure comes from, like "BrownGreer allocation estimate, 2026-11-15".'
          maxLength={500}
          autoComplete="off"
        />
      </div>
      <SubmitRow pending={form.pending} label="Record this estimate" />
    </RecordForm>
  );
}
