'use client';

import { MoneyField, TextAreaField, YearField } from '@/app/_components/forms/bound-fields';
import { conflictRows } from '@/app/_components/forms/conflict-panel';
import { SubmitRow } from '@/app/_components/forms/form-buttons';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { RecordForm } from '@/app/_components/forms/record-form';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';
import type { OpeningBalanceFormValues } from '@/lib/services/fund/set-opening-balance';

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
  const form = useMoneyForm<OpeningBalanceFormValues>(action, initialValues, version);
  const rows = (theirs: OpeningBalanceFormValues) =>
    conflictRows(theirs, form.values, [
      ['Fiscal year', 'fiscalYear'],
      ['Opening balance', 'amount'],
      ['Note', 'note'],
    ]);
  return (
    <RecordForm form={form} conflict={{ rows, listHref: `/staff/l/${slug}/fund` }} record={{ slug, localityId }}>
      <div className="field-row">
        <YearField form={form} name="fiscalYear" label="Fiscal year" hint="The first fiscal year you record in Abate, like 2024 (FY2024)." />
        <MoneyField form={form} name="amount" label="Balance on the first day of that year" hint="What the fund held, from your audited statements; 0 if nothing." />
      </div>
      <TextAreaField form={form} name="note" label="Where the figure comes from (optional)" />
      <SubmitRow pending={form.pending} label={version === null ? 'Save the opening balance' : 'Save changes'} />
    </RecordForm>
  );
}
