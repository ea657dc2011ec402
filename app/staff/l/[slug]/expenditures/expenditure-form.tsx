'use client';

import { ChangeReasonField } from '@/app/_components/forms/change-reason-field';
import { ConflictPanel } from '@/app/_components/forms/conflict-panel';
import { Field, fieldProps, hintId } from '@/app/_components/forms/field';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';
import type { AllocationOption } from '@/lib/data/staff-form-options';
import { AllocationPicker } from './allocation-picker';
import type { ExpenditureFormValues } from '@/lib/services/form-values';
import { PostButtons } from '@/app/_components/forms/post-buttons';
import { RecordFormFields } from '@/app/_components/forms/record-form-fields';
import { COST_TYPE_OPTIONS } from '@/lib/services/cost-type-labels';

export function ExpenditureForm({
  action,
  slug,
  localityId,
  id,
  version,
  initialValues,
  allocations,
  cancelHref,
  returnTo,
  submitLabel,
  posted = false,
  boardPosts = false,
}: {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  id?: number;
  version?: number;
  initialValues: ExpenditureFormValues;
  allocations: AllocationOption[];
  cancelHref: string;
  /** Where to go after saving (a staff path of this locality). */
  returnTo?: string;
  submitLabel: string;
  /** Whether the payment being edited is posted (counted publicly); a new one is not. */
  posted?: boolean;
  /** The locality's board posts its receipts and payments (no "Save and post"). */
  boardPosts?: boolean;
}) {
  const { state, formAction, pending, values, set, version: savedOver, formRef, onSubmit, conflict, reapplyMine, takeTheirs, errors, formError } =
    useMoneyForm<ExpenditureFormValues>(action, initialValues, version ?? null);
  const showOverspendReason = (errors.overspendReason?.length ?? 0) > 0 || values.overspendReason !== '';
  const allocationName = (value: string) => {
    const allocation = allocations.find((a) => String(a.id) === value);
    return allocation ? `FY${allocation.fiscalYear} · ${allocation.program}` : '';
  };

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form money-form" noValidate>
      {conflict && state ? (
        <ConflictPanel
          conflict={conflict}
          message={state.message}
          rows={[
            { label: 'Allocation', theirs: allocationName(conflict.values.allocationId), yours: allocationName(values.allocationId) },
            { label: 'Paid on', theirs: conflict.values.paidOn, yours: values.paidOn },
            { label: 'Amount', theirs: conflict.values.amount, yours: values.amount },
            { label: 'Description', theirs: conflict.values.description, yours: values.description },
            { label: 'Cost type', theirs: conflict.values.costType, yours: values.costType },
            { label: 'Overspend reason', theirs: conflict.values.overspendReason, yours: values.overspendReason },
          ]}
          onReapplyMine={reapplyMine}
          onTakeTheirs={takeTheirs}
          pending={pending}
          listHref={`/staff/l/${slug}/expenditures`}
        />
      ) : null}
      <RecordFormFields formError={formError} slug={slug} localityId={localityId} id={id} version={savedOver} returnTo={returnTo} />

      <Field name="allocationId" label="Paid from allocation" errors={errors}>
        <AllocationPicker allocations={allocations} value={values.allocationId} onChange={(value) => set('allocationId', value)} errors={errors} />
      </Field>
      <div className="field-row">
        <Field name="paidOn" label="Paid on" errors={errors} hint="The payment date decides the fiscal year of the spending.">
          <input {...fieldProps('paidOn', errors, hintId('paidOn'))} type="date" value={values.paidOn} onChange={(e) => set('paidOn', e.target.value)} />
        </Field>
        <Field name="amount" label="Amount paid" errors={errors} hint="A refund is negative: (500.00) or -500.">
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
      <Field name="description" label="Description (optional)" errors={errors}>
        <textarea
          {...fieldProps('description', errors)}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
          rows={2}
          maxLength={2000}
        />
      </Field>
      <Field name="costType" label="Cost type (optional)" errors={errors} hint="Only when this payment differs from its allocation's cost type.">
        <select {...fieldProps('costType', errors, hintId('costType'))} value={values.costType} onChange={(e) => set('costType', e.target.value)}>
          <option value="">The allocation&apos;s own</option>
          {COST_TYPE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      {/* Asked for when the payment goes beyond what remains of its allocation (the refusal says by how much). */}
      {showOverspendReason ? (
        <Field
          name="overspendReason"
          label="Overspend reason"
          errors={errors}
          hint="Why this payment goes beyond what remains of the allocation. It is shown in public with the payment."
        >
          <textarea
            {...fieldProps('overspendReason', errors, hintId('overspendReason'))}
            value={values.overspendReason}
            onChange={(e) => set('overspendReason', e.target.value)}
            rows={2}
            maxLength={2000}
          />
        </Field>
      ) : null}
      {id !== undefined ? <ChangeReasonField errors={errors} /> : null}

      <PostButtons posted={posted} boardPosts={boardPosts} pending={pending} saveLabel={submitLabel} cancelHref={cancelHref} noun="payment" />
    </form>
  );
}
