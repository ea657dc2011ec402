'use client';

import { ChangeReasonField } from '@/app/_components/forms/change-reason-field';
import { ConflictPanel } from '@/app/_components/forms/conflict-panel';
import { Field, fieldProps, hintId } from '@/app/_components/forms/field';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';
import type { SourceOption } from '@/lib/data/staff-form-options';
import type { ReceiptFormValues } from '@/lib/services/form-values';
import { PostButtons } from '@/app/_components/forms/post-buttons';
import { RecordFormFields } from '@/app/_components/forms/record-form-fields';

export function ReceiptForm({
  action,
  slug,
  localityId,
  id,
  version,
  initialValues,
  sources,
  cancelHref,
  submitLabel,
  posted = false,
  boardPosts = false,
}: {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  id?: number;
  version?: number;
  initialValues: ReceiptFormValues;
  sources: SourceOption[];
  cancelHref: string;
  submitLabel: string;
  /** Whether the receipt being edited is posted (counted publicly); a new one is not. */
  posted?: boolean;
  /** The locality's board posts its receipts and payments (no "Save and post"). */
  boardPosts?: boolean;
}) {
  const { state, formAction, pending, values, set, version: savedOver, formRef, onSubmit, conflict, reapplyMine, takeTheirs, errors, formError } =
    useMoneyForm<ReceiptFormValues>(action, initialValues, version ?? null);
  const sourceName = (value: string) => sources.find((s) => String(s.id) === value)?.name ?? '';

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form money-form" noValidate>
      {conflict && state ? (
        <ConflictPanel
          conflict={conflict}
          message={state.message}
          rows={[
            { label: 'Funding source', theirs: sourceName(conflict.values.sourceId), yours: sourceName(values.sourceId) },
            { label: 'Received on', theirs: conflict.values.receivedOn, yours: values.receivedOn },
            { label: 'Amount', theirs: conflict.values.amount, yours: values.amount },
            { label: 'Payment year', theirs: conflict.values.paymentYear, yours: values.paymentYear },
            { label: 'Note', theirs: conflict.values.note, yours: values.note },
          ]}
          onReapplyMine={reapplyMine}
          onTakeTheirs={takeTheirs}
          pending={pending}
          listHref={`/staff/l/${slug}/receipts`}
        />
      ) : null}
      <RecordFormFields formError={formError} slug={slug} localityId={localityId} id={id} version={savedOver} />

      <Field name="sourceId" label="Settlement or grant" errors={errors}>
        <select {...fieldProps('sourceId', errors)} value={values.sourceId} onChange={(e) => set('sourceId', e.target.value)}>
          <option value="">Choose…</option>
          {sources.map((source) => (
            <option key={source.id} value={String(source.id)}>
              {source.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="field-row">
        <Field name="receivedOn" label="Received on" errors={errors} hint="The date decides the fiscal year.">
          <input
            {...fieldProps('receivedOn', errors, hintId('receivedOn'))}
            type="date"
            value={values.receivedOn}
            onChange={(e) => set('receivedOn', e.target.value)}
          />
        </Field>
        <Field name="amount" label="Amount received" errors={errors} hint="A correction or clawback is negative: (500.00) or -500.">
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
      <Field
        name="paymentYear"
        label="Payment year (optional)"
        errors={errors}
        hint="The settlement installment this money belongs to, like 2024. Leave blank for interest and other revenue."
      >
        <input
          {...fieldProps('paymentYear', errors, hintId('paymentYear'))}
          value={values.paymentYear}
          onChange={(e) => set('paymentYear', e.target.value)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
        />
      </Field>
      <Field name="note" label="Note (optional)" errors={errors}>
        <textarea {...fieldProps('note', errors)} value={values.note} onChange={(e) => set('note', e.target.value)} rows={2} maxLength={2000} />
      </Field>
      {id !== undefined ? <ChangeReasonField errors={errors} /> : null}

      <PostButtons posted={posted} boardPosts={boardPosts} pending={pending} saveLabel={submitLabel} cancelHref={cancelHref} noun="receipt" />
    </form>
  );
}
