'use client';

import { DateField, MoneyField, SelectField, TextAreaField } from '@/app/_components/forms/bound-fields';
import { ChangeReasonField } from '@/app/_components/forms/change-reason-field';
import { conflictRows } from '@/app/_components/forms/conflict-panel';
import { Field } from '@/app/_components/forms/field';
import { PostButtons } from '@/app/_components/forms/post-buttons';
import { RecordForm, type RecordFormProps } from '@/app/_components/forms/record-form';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';
import type { AllocationOption } from '@/lib/data/staff-form-options';
import { COST_TYPE_OPTIONS } from '@/lib/services/cost-type-labels';
import type { ExpenditureFormValues } from '@/lib/services/form-values';
import { AllocationPicker } from './allocation-picker';

export function ExpenditureForm({ allocations, returnTo, posted = false, boardPosts = false, ...record }: RecordFormProps<ExpenditureFormValues> & {
  allocations: AllocationOption[];
  /** Where to go after saving (a staff path of this locality). */
  returnTo?: string;
  /** Whether the payment being edited is posted (counted publicly); a new one is not. */
  posted?: boolean;
  /** The locality's board posts its receipts and payments (no "Save and post"). */
  boardPosts?: boolean;
}) {
  const form = useMoneyForm<ExpenditureFormValues>(record.action, record.initialValues, record.version ?? null);
  const { values, errors, set } = form;
  const showOverspendReason = (errors.overspendReason?.length ?? 0) > 0 || values.overspendReason !== '';
  const allocationName = (v: ExpenditureFormValues) => {
    const allocation = allocations.find((a) => String(a.id) === v.allocationId);
    return allocation ? `FY${allocation.fiscalYear} · ${allocation.program}` : '';
  };
  const rows = (theirs: ExpenditureFormValues) =>
    conflictRows(theirs, values, [
      ['Allocation', allocationName],
      ['Paid on', 'paidOn'],
      ['Amount', 'amount'],
      ['Description', 'description'],
      ['Cost type', 'costType'],
      ['Overspend reason', 'overspendReason'],
    ]);

  return (
    <RecordForm form={form} conflict={{ rows, listHref: `/staff/l/${record.slug}/expenditures` }} record={record} returnTo={returnTo}>
      <Field name="allocationId" label="Paid from allocation" errors={errors}>
        <AllocationPicker allocations={allocations} value={values.allocationId} onChange={(value) => set('allocationId', value)} errors={errors} />
      </Field>
      <div className="field-row">
        <DateField form={form} name="paidOn" label="Paid on" hint="The payment date decides the fiscal year of the spending." />
        <MoneyField form={form} name="amount" label="Amount paid" hint="A refund is negative: (500.00) or -500." />
      </div>
      <TextAreaField form={form} name="description" label="Description (optional)" />
      <SelectField
        form={form}
        name="costType"
        label="Cost type (optional)"
        hint="Only when this payment differs from its allocation's cost type."
        empty="The allocation's own"
        options={COST_TYPE_OPTIONS}
      />
      {/* Asked for when the payment goes beyond what remains of its allocation (the refusal says by how much). */}
      {showOverspendReason ? (
        <TextAreaField
          form={form}
          name="overspendReason"
          label="Overspend reason"
          hint="Why this payment goes beyond what remains of the allocation. It is shown in public with the payment."
        />
      ) : null}
      {record.id !== undefined ? <ChangeReasonField errors={errors} /> : null}

      <PostButtons posted={posted} boardPosts={boardPosts} pending={form.pending} saveLabel={record.submitLabel} cancelHref={record.cancelHref} noun="payment" />
    </RecordForm>
  );
}
