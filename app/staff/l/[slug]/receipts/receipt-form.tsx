'use client';

import { DateField, MoneyField, recordOptions, SelectField, TextAreaField, YearField } from '@/app/_components/forms/bound-fields';
import { ChangeReasonField } from '@/app/_components/forms/change-reason-field';
import { conflictRows } from '@/app/_components/forms/conflict-panel';
import { PostButtons } from '@/app/_components/forms/post-buttons';
import { RecordForm, type RecordFormProps } from '@/app/_components/forms/record-form';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';
import type { SourceOption } from '@/lib/data/staff-form-options';
import type { ReceiptFormValues } from '@/lib/services/form-values';

export function ReceiptForm({ sources, posted = false, boardPosts = false, ...record }: RecordFormProps<ReceiptFormValues> & {
  sources: SourceOption[];
  /** Whether the receipt being edited is posted (counted publicly); a new one is not. */
  posted?: boolean;
  /** The locality's board posts its receipts and payments (no "Save and post"). */
  boardPosts?: boolean;
}) {
  const form = useMoneyForm<ReceiptFormValues>(record.action, record.initialValues, record.version ?? null);
  const sourceName = (values: ReceiptFormValues) => sources.find((s) => String(s.id) === values.sourceId)?.name ?? '';
  const rows = (theirs: ReceiptFormValues) =>
    conflictRows(theirs, form.values, [
      ['Funding source', sourceName],
      ['Received on', 'receivedOn'],
      ['Amount', 'amount'],
      ['Payment year', 'paymentYear'],
      ['Note', 'note'],
    ]);

  return (
    <RecordForm form={form} conflict={{ rows, listHref: `/staff/l/${record.slug}/receipts` }} record={record}>
      <SelectField form={form} name="sourceId" label="Settlement or grant" empty="Choose…" options={recordOptions(sources)} />
      <div className="field-row">
        <DateField form={form} name="receivedOn" label="Received on" hint="The date decides the fiscal year." />
        <MoneyField form={form} name="amount" label="Amount received" hint="A correction or clawback is negative: (500.00) or -500." />
      </div>
      <YearField
        form={form}
        name="paymentYear"
        label="Payment year (optional)"
        hint="The settlement installment this money belongs to, like 2024. Leave blank for interest and other revenue."
      />
      <TextAreaField form={form} name="note" label="Note (optional)" />
      {record.id !== undefined ? <ChangeReasonField errors={form.errors} /> : null}

      <PostButtons posted={posted} boardPosts={boardPosts} pending={form.pending} saveLabel={record.submitLabel} cancelHref={record.cancelHref} noun="receipt" />
    </RecordForm>
  );
}
