'use client';

import { ChangeReasonField } from '@/app/_components/forms/change-reason-field';
import Link from 'next/link';
import { ConflictPanel, type ConflictRow } from '@/app/_components/forms/conflict-panel';
import { Field, FieldError, fieldId, fieldProps, hintId } from '@/app/_components/forms/field';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';
import type { CategoryOption, RecipientOption, SourceOption } from '@/lib/data/staff-form-options';
import type { AllocationFormValues, SplitFormValue } from '@/lib/services/form-values';
import { MAX_AUTHORIZATION_YEARS } from '@/lib/services/allocation-limits';
import { CategorySplitsEditor, splitsSummary } from './category-splits-editor';
import { RecordFormFields } from '@/app/_components/forms/record-form-fields';
import { COST_TYPE_OPTIONS } from '@/lib/services/cost-type-labels';

export interface AllocationFormOptions {
  categories: CategoryOption[];
  recipients: RecipientOption[];
  sources: SourceOption[];
  fiscalYears: number[];
  recipientTypes: { value: string; label: string }[];
}

export function AllocationForm({
  action,
  slug,
  localityId,
  id,
  version,
  initialValues,
  options,
  cancelHref,
  submitLabel,
}: {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  /** Absent for a new allocation. */
  id?: number;
  version?: number;
  initialValues: AllocationFormValues;
  options: AllocationFormOptions;
  cancelHref: string;
  submitLabel: string;
}) {
  const { state, formAction, pending, values, set, version: savedOver, formRef, onSubmit, conflict, reapplyMine, takeTheirs, errors, formError } =
    useMoneyForm<AllocationFormValues>(action, initialValues, version ?? null);

  const sourceName = (value: string) => options.sources.find((s) => String(s.id) === value)?.name ?? '';
  const recipientName = (v: AllocationFormValues) => {
    if (v.recipientMode === 'none') return 'No recipient yet';
    if (v.recipientMode === 'new') return `New: ${v.newRecipientName}`;
    return options.recipients.find((r) => String(r.id) === v.recipientId)?.name ?? 'A recipient added since you opened this form';
  };
  const conflictRows = (theirs: AllocationFormValues): ConflictRow[] => [
    { label: 'Fiscal years', theirs: fiscalYearSpan(theirs), yours: fiscalYearSpan(values) },
    { label: 'Program', theirs: theirs.program, yours: values.program },
    { label: 'Description', theirs: theirs.description, yours: values.description },
    { label: 'Cost type', theirs: theirs.costType, yours: values.costType },
    { label: 'Amount', theirs: theirs.amount, yours: values.amount },
    { label: 'Funding source', theirs: sourceName(theirs.sourceId), yours: sourceName(values.sourceId) },
    { label: 'Recipient', theirs: recipientName(theirs), yours: recipientName(values) },
    { label: 'Categories', theirs: splitsSummary(theirs.splits, options.categories), yours: splitsSummary(values.splits, options.categories, values.splitBy) },
  ];

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form money-form" noValidate>
      {conflict && state ? (
        <ConflictPanel
          conflict={conflict}
          message={state.message}
          rows={conflictRows(conflict.values)}
          onReapplyMine={reapplyMine}
          onTakeTheirs={takeTheirs}
          pending={pending}
          listHref={`/staff/l/${slug}/allocations`}
        />
      ) : null}
      <RecordFormFields formError={formError} slug={slug} localityId={localityId} id={id} version={savedOver} />

      <Field name="program" label="Program" errors={errors}>
        <input {...fieldProps('program', errors)} value={values.program} onChange={(e) => set('program', e.target.value)} required maxLength={200} />
      </Field>

      <Field
        name="description"
        label="Plain-language description"
        errors={errors}
        hint="What the money pays for, in words a resident understands. Required before the line goes to the board."
      >
        <textarea
          {...fieldProps('description', errors, hintId('description'))}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
          rows={3}
          maxLength={2000}
        />
      </Field>

      <Field name="costType" label="Cost type (optional)" errors={errors} hint="What the money pays for by kind of cost, as state reports ask (Massachusetts line items; audit costs in North Carolina's).">
        <select {...fieldProps('costType', errors, hintId('costType'))} value={values.costType} onChange={(e) => set('costType', e.target.value)}>
          <option value="">Not given</option>
          {COST_TYPE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>

      <div className="field-row">
        <Field name="fiscalYear" label="Fiscal year" errors={errors}>
          <select {...fieldProps('fiscalYear', errors)} value={values.fiscalYear} onChange={(e) => set('fiscalYear', e.target.value)}>
            {options.fiscalYears.map((fy) => (
              <option key={fy} value={String(fy)}>
                FY{fy}
              </option>
            ))}
          </select>
        </Field>

        <Field
          name="lastFiscalYear"
          label="Authorized through"
          errors={errors}
          hint="For an authorization that covers several years (e.g. July 1, 2024 through June 30, 2029). It stays one line, counted once, in its first year."
        >
          <select
            {...fieldProps('lastFiscalYear', errors, hintId('lastFiscalYear'))}
            value={values.lastFiscalYear}
            onChange={(e) => set('lastFiscalYear', e.target.value)}
          >
            <option value="">This fiscal year only</option>
            {lastFiscalYearChoices(Number(values.fiscalYear)).map((fy) => (
              <option key={fy} value={String(fy)}>
                FY{fy}
              </option>
            ))}
          </select>
        </Field>

        <Field name="amount" label="Amount allocated" errors={errors} hint="As you would write it: $1,234.56 or 1234.56.">
          <input
            {...fieldProps('amount', errors, hintId('amount'))}
            value={values.amount}
            onChange={(e) => set('amount', e.target.value)}
            inputMode="decimal"
            autoComplete="off"
            className="input--money"
          />
        </Field>

        <Field name="sourceId" label="Funding source (optional)" errors={errors}>
          <select {...fieldProps('sourceId', errors)} value={values.sourceId} onChange={(e) => set('sourceId', e.target.value)}>
            <option value="">Not specified</option>
            {options.sources.map((source) => (
              <option key={source.id} value={String(source.id)}>
                {source.name}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset className="fieldset" aria-describedby={errors.recipientMode ? `${fieldId('recipientMode')}-error` : undefined}>
        <legend>Recipient</legend>
        <div className="radio-row">
          {(
            [
              ['existing', 'Pick an existing recipient'],
              ['new', 'Add a new recipient'],
              ['none', 'No recipient yet'],
            ] as const
          ).map(([mode, label]) => (
            <label key={mode} className="checkbox">
              <input
                type="radio"
                name="recipientMode"
                value={mode}
                checked={values.recipientMode === mode}
                onChange={() => set('recipientMode', mode)}
              />{' '}
              {label}
            </label>
          ))}
        </div>
        <FieldError name="recipientMode" errors={errors} />
        {values.recipientMode === 'existing' ? (
          <Field name="recipientId" label="Recipient" errors={errors}>
            <select {...fieldProps('recipientId', errors)} value={values.recipientId} onChange={(e) => set('recipientId', e.target.value)}>
              <option value="">Choose a recipient…</option>
              {options.recipients.map((recipient) => (
                <option key={recipient.id} value={String(recipient.id)}>
                  {recipient.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {values.recipientMode === 'new' ? (
          <>
            <Field name="newRecipientName" label="Name of the new recipient" errors={errors}>
              <input
                {...fieldProps('newRecipientName', errors)}
                value={values.newRecipientName}
                onChange={(e) => set('newRecipientName', e.target.value)}
                maxLength={200}
              />
            </Field>
            <Field name="newRecipientType" label="Kind of organization" errors={errors}>
              <select
                {...fieldProps('newRecipientType', errors)}
                value={values.newRecipientType}
                onChange={(e) => set('newRecipientType', e.target.value)}
              >
                <option value="">Choose…</option>
                {options.recipientTypes.map((type) => (
                  <option key={type.value} value={type.value}>
                    {type.label}
                  </option>
                ))}
              </select>
            </Field>
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

      <CategorySplitsEditor
        splits={values.splits}
        onChange={(splits: SplitFormValue[]) => set('splits', splits)}
        splitBy={values.splitBy}
        onSplitByChange={(splitBy) => set('splitBy', splitBy)}
        amount={values.amount}
        categories={options.categories}
        errors={errors}
      />

      {id !== undefined ? <ChangeReasonField errors={errors} /> : null}

      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <Link href={cancelHref} className="button button--secondary">
          Cancel
        </Link>
      </div>
    </form>
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
