'use client';

import { fiscalYearOptions, InputField, MoneyField, recordOptions, SelectField, TextAreaField } from '@/app/_components/forms/bound-fields';
import { ChangeReasonField } from '@/app/_components/forms/change-reason-field';
import { conflictRows, type ConflictRow } from '@/app/_components/forms/conflict-panel';
import { errorId, FieldError } from '@/app/_components/forms/field';
import { SubmitRow } from '@/app/_components/forms/form-buttons';
import { RecordForm, type RecordFormProps } from '@/app/_components/forms/record-form';
import { useMoneyForm, type MoneyForm } from '@/app/_components/forms/use-money-form';
import type { CategoryOption, RecipientOption, SourceOption } from '@/lib/data/staff-form-options';
import { MAX_AUTHORIZATION_YEARS } from '@/lib/services/allocations/limits';
import { COST_TYPE_OPTIONS } from '@/lib/services/cost-type-labels';
import type { AllocationFormValues, SplitFormValue } from '@/lib/services/form-values';
import { CategorySplitsEditor, splitsSummary } from './category-splits-editor';

export interface AllocationFormOptions {
  categories: CategoryOption[];
  recipients: RecipientOption[];
  sources: SourceOption[];
  fiscalYears: number[];
  recipientTypes: { value: string; label: string }[];
}

export function AllocationForm({ options, ...record }: RecordFormProps<AllocationFormValues> & {
  options: AllocationFormOptions;
}) {
  const form = useMoneyForm<AllocationFormValues>(record.action, record.initialValues, record.version ?? null);
  const { values, set, errors } = form;

  const sourceName = (v: AllocationFormValues) => options.sources.find((s) => String(s.id) === v.sourceId)?.name ?? '';
  const recipientName = (v: AllocationFormValues) => {
    if (v.recipientMode === 'none') return 'No recipient yet';
    if (v.recipientMode === 'new') return `New: ${v.newRecipientName}`;
    return options.recipients.find((r) => String(r.id) === v.recipientId)?.name ?? 'A recipient added since you opened this form';
  };
  const rows = (theirs: AllocationFormValues): ConflictRow[] => [
    ...conflictRows(theirs, values, [
      ['Fiscal years', fiscalYearSpan],
      ['Program', 'program'],
      ['Description', 'description'],
      ['Cost type', 'costType'],
      ['Amount', 'amount'],
      ['Funding source', sourceName],
      ['Recipient', recipientName],
    ]),
    // The person's own splits are summed up the way they are entering them (percent or amount).
    { label: 'Categories', theirs: splitsSummary(theirs.splits, options.categories), yours: splitsSummary(values.splits, options.categories, values.splitBy) },
  ];

  return (
    <RecordForm form={form} conflict={{ rows, listHref: `/staff/l/${record.slug}/allocations` }} record={record}>
      <InputField form={form} name="program" label="Program" required maxLength={200} />

      <TextAreaField
        form={form}
        name="description"
        label="Plain-language description"
        hint="What the money pays for, in words a resident understands. Required before the line goes to the board."
        rows={3}
      />

      <SelectField
        form={form}
        name="costType"
        label="Cost type (optional)"
        hint="What the money pays for by kind of cost, as state reports ask (Massachusetts line items; audit costs in North Carolina's)."
        empty="Not given"
        options={COST_TYPE_OPTIONS}
      />

      <div className="field-row">
        <SelectField form={form} name="fiscalYear" label="Fiscal year" options={fiscalYearOptions(options.fiscalYears)} />

        <SelectField
          form={form}
          name="lastFiscalYear"
          label="Authorized through"
          hint="For an authorization that covers several years (e.g. July 1, 2024 through June 30, 2029). It stays one line, counted once, in its first year."
          empty="This fiscal year only"
          options={fiscalYearOptions(lastFiscalYearChoices(Number(values.fiscalYear)))}
        />

        <MoneyField form={form} name="amount" label="Amount allocated" hint="As you would write it: $1,234.56 or 1234.56." />

        <SelectField form={form} name="sourceId" label="Funding source (optional)" empty="Not specified" options={recordOptions(options.sources)} />
      </div>

      <RecipientFieldset form={form} options={options} />

      <CategorySplitsEditor
        splits={values.splits}
        onChange={(splits: SplitFormValue[]) => set('splits', splits)}
        splitBy={values.splitBy}
        onSplitByChange={(splitBy) => set('splitBy', splitBy)}
        amount={values.amount}
        categories={options.categories}
        errors={errors}
      />

      {record.id !== undefined ? <ChangeReasonField errors={errors} /> : null}

      <SubmitRow pending={form.pending} label={record.submitLabel} cancelHref={record.cancelHref} />
    </RecordForm>
  );
}

const RECIPIENT_MODES = [
  ['existing', 'Pick an existing recipient'],
  ['new', 'Add a new recipient'],
  ['none', 'No recipient yet'],
] as const;

/** Who receives the money: one already known, a new one (added with the line), or nobody yet. */
function RecipientFieldset({ form, options }: { form: MoneyForm<AllocationFormValues>; options: AllocationFormOptions }) {
  const { values, set, errors } = form;
  return (
    <fieldset className="fieldset" aria-describedby={errors.recipientMode ? errorId('recipientMode') : undefined}>
      <legend>Recipient</legend>
      <div className="radio-row">
        {RECIPIENT_MODES.map(([mode, label]) => (
          <label key={mode} className="checkbox">
            <input type="radio" name="recipientMode" value={mode} checked={values.recipientMode === mode} onChange={() => set('recipientMode', mode)} />{' '}
            {label}
          </label>
        ))}
      </div>
      <FieldError name="recipientMode" errors={errors} />
      {values.recipientMode === 'existing' ? (
        <SelectField form={form} name="recipientId" label="Recipient" empty="Choose a recipient…" options={recordOptions(options.recipients)} />
      ) : null}
      {values.recipientMode === 'new' ? (
        <>
          <InputField form={form} name="newRecipientName" label="Name of the new recipient" maxLength={200} />
          <SelectField form={form} name="newRecipientType" label="Kind of organization" empty="Choose…" options={options.recipientTypes} />
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                name="newRecipientLivedExperience"
                checked={values.newRecipientLivedExperience}
                onChange={(e) => set('newRecipientLivedExperience', e.target.checked)}
              />{' '}
              Led by people with lived experience of drug use, or by the communities most affected
            </label>
          </div>
        </>
      ) : null}
    </fieldset>
  );
}

/** "FY2025" or "FY2025–FY2029", as a conflict row shows the line's years. */
function fiscalYearSpan(values: AllocationFormValues): string {
  const last = values.lastFiscalYear;
  return last === '' || last === values.fiscalYear ? `FY${values.fiscalYear}` : `FY${values.fiscalYear}–FY${last}`;
}

/** The years a multi-year authorization may end in: after its first year, up to the database's limit. */
function lastFiscalYearChoices(first: number): number[] {
  if (!Number.isInteger(first)) return [];
  return Array.from({ length: MAX_AUTHORIZATION_YEARS }, (_, index) => first + index + 1);
}
