'use client';

import type { ReactNode } from 'react';
import { ConflictPanel, type ConflictRow } from '@/app/_components/forms/conflict-panel';
import type { FieldErrors } from '@/app/_components/forms/field';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';
import type { SubjectOptions } from '@/lib/data/board-goals';
import { EQUITY_MEASURES, MEASURE_LABEL, MEASURE_UNIT, MEASURES_WITH_BASIS } from '@/lib/equity/measure-info';
import type { EquityMeasure } from '@/lib/equity/types';
import type { GoalFormValues } from '@/lib/services/equity-input';
import { RecordFormFields } from '@/app/_components/forms/record-form-fields';

const UNIT_HINT = {
  percent: 'A percentage, like 25 or 12.5.',
  dollars: 'An amount in dollars, like 25,000.',
  ratio: 'A ratio, like 0.8 (1 means people are served in proportion to deaths).',
} as const;

const COMPARATORS = [
  ['at_least', 'At least'],
  ['at_most', 'At most'],
  ['exactly', 'Exactly'],
] as const;

/** The controls of one goal form have ids under `prefix`, so several forms can share a page. */
function ids(prefix: string, name: string) {
  const id = `${prefix}-${name}`;
  return { id, errorId: `${id}-error`, hintId: `${id}-hint` };
}

function control(prefix: string, name: string, errors: FieldErrors, hint = false) {
  const { id, errorId, hintId } = ids(prefix, name);
  const invalid = (errors[name]?.length ?? 0) > 0;
  const describedBy = [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return { id, name, 'aria-invalid': invalid ? (true as const) : undefined, 'aria-describedby': describedBy || undefined };
}

function FieldBox({
  prefix,
  name,
  label,
  errors,
  hint,
  children,
}: {
  prefix: string;
  name: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  children: ReactNode;
}) {
  const { id, errorId, hintId } = ids(prefix, name);
  const messages = errors[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {messages && messages.length > 0 ? (
        <p id={errorId} className="field-error">
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

export function subjectWords(values: Pick<GoalFormValues, 'measure' | 'subject'>, subjects: SubjectOptions): string {
  switch (values.measure) {
    case 'category_share':
      return subjects.categories.find((c) => c.key === values.subject)?.label ?? values.subject;
    case 'recipient_share':
      return subjects.recipients.find((r) => r.key === values.subject)?.label ?? values.subject;
    case 'reach_parity':
      return subjects.raceGroups.find((g) => g.key === values.subject)?.label ?? values.subject;
    default:
      return values.subject;
  }
}

/**
 * Add a goal (no `goalId`) or edit one over the version it was opened with. When someone else saved the goal first,
 * their values are shown beside these, and nothing typed is lost.
 */
export function GoalForm({
  action,
  slug,
  localityId,
  idPrefix,
  goalId,
  version,
  initialValues,
  subjects,
  submitLabel,
  listHref,
}: {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  idPrefix: string;
  goalId?: number;
  version?: number;
  initialValues: GoalFormValues;
  subjects: SubjectOptions;
  submitLabel: string;
  listHref: string;
}) {
  const { state, formAction, pending, values, set, setValues, version: savedOver, formRef, onSubmit, conflict, reapplyMine, takeTheirs, errors, formError } =
    useMoneyForm<GoalFormValues>(action, initialValues, version ?? null);
  const unit = MEASURE_UNIT[values.measure];
  const hasBasis = MEASURES_WITH_BASIS.has(values.measure);

  function changeMeasure(measure: EquityMeasure) {
    setValues((previous) => ({
      ...previous,
      measure,
      subject: '',
      basis: measure === 'spend_down' ? 'spent' : MEASURES_WITH_BASIS.has(measure) ? previous.basis : 'allocated',
    }));
  }

  const conflictRows = (theirs: GoalFormValues): ConflictRow[] => [
    { label: 'Measure', theirs: MEASURE_LABEL[theirs.measure], yours: MEASURE_LABEL[values.measure] },
    { label: 'Subject', theirs: subjectWords(theirs, subjects), yours: subjectWords(values, subjects) },
    { label: 'Money measured', theirs: theirs.basis, yours: values.basis },
    { label: 'Comparison', theirs: theirs.comparator.replace('_', ' '), yours: values.comparator.replace('_', ' ') },
    { label: 'Target', theirs: theirs.target, yours: values.target },
    { label: 'Amber margin', theirs: theirs.amberMargin, yours: values.amberMargin },
    { label: 'Reason', theirs: theirs.reason, yours: values.reason },
  ];

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form goal-form" noValidate data-testid="goal-form">
      {conflict && state ? (
        <ConflictPanel
          conflict={conflict}
          message={state.message}
          rows={conflictRows(conflict.values)}
          onReapplyMine={reapplyMine}
          onTakeTheirs={takeTheirs}
          pending={pending}
          listHref={listHref}
        />
      ) : null}
      <RecordFormFields formError={formError} slug={slug} localityId={localityId} id={goalId} version={savedOver} />
      <input type="hidden" name="fiscalYear" value={values.fiscalYear} />
      <input type="hidden" name="frameworkKey" value={values.frameworkKey} />

      <div className="field-row">
        <FieldBox prefix={idPrefix} name="measure" label="What the goal measures" errors={errors}>
          <select {...control(idPrefix, 'measure', errors)} value={values.measure} onChange={(e) => changeMeasure(e.target.value as EquityMeasure)}>
            {EQUITY_MEASURES.map((measure) => (
              <option key={measure} value={measure}>
                {MEASURE_LABEL[measure]}
              </option>
            ))}
          </select>
        </FieldBox>
        <SubjectField prefix={idPrefix} values={values} onChange={(subject) => set('subject', subject)} subjects={subjects} errors={errors} />
        {hasBasis ? (
          <FieldBox prefix={idPrefix} name="basis" label="Money measured" errors={errors}>
            <select {...control(idPrefix, 'basis', errors)} value={values.basis} onChange={(e) => set('basis', e.target.value as GoalFormValues['basis'])}>
              <option value="allocated">Money allocated (approved lines)</option>
              <option value="spent">Money spent</option>
            </select>
          </FieldBox>
        ) : (
          <input type="hidden" name="basis" value={values.basis} />
        )}
      </div>

      <div className="field-row">
        <FieldBox prefix={idPrefix} name="comparator" label="Comparison" errors={errors}>
          <select
            {...control(idPrefix, 'comparator', errors)}
            value={values.comparator}
            onChange={(e) => set('comparator', e.target.value as GoalFormValues['comparator'])}
          >
            {COMPARATORS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </FieldBox>
        <FieldBox prefix={idPrefix} name="target" label="Target" errors={errors} hint={UNIT_HINT[unit]}>
          <input {...control(idPrefix, 'target', errors, true)} value={values.target} onChange={(e) => set('target', e.target.value)} inputMode="decimal" autoComplete="off" />
        </FieldBox>
        <FieldBox
          prefix={idPrefix}
          name="amberMargin"
          label="Amber margin"
          errors={errors}
          hint="How far from the target still counts as close (amber), in the same unit. 0: no amber band."
        >
          <input
            {...control(idPrefix, 'amberMargin', errors, true)}
            value={values.amberMargin}
            onChange={(e) => set('amberMargin', e.target.value)}
            inputMode="decimal"
            autoComplete="off"
          />
        </FieldBox>
      </div>

      <FieldBox
        prefix={idPrefix}
        name="reason"
        label="Why this goal matters"
        errors={errors}
        hint="In plain language: it is shown in public beside the goal."
      >
        <textarea {...control(idPrefix, 'reason', errors, true)} value={values.reason} onChange={(e) => set('reason', e.target.value)} rows={3} maxLength={2000} />
      </FieldBox>

      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

function SubjectField({
  prefix,
  values,
  onChange,
  subjects,
  errors,
}: {
  prefix: string;
  values: GoalFormValues;
  onChange: (subject: string) => void;
  subjects: SubjectOptions;
  errors: FieldErrors;
}) {
  const props = { ...control(prefix, 'subject', errors), value: values.subject, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  switch (values.measure) {
    case 'group_share':
      return (
        <FieldBox prefix={prefix} name="subject" label="Group of categories" errors={errors}>
          <select {...props}>
            <option value="">Choose a group…</option>
            {subjects.groups.map((group) => (
              <option key={group} value={group}>
                {group}
              </option>
            ))}
          </select>
        </FieldBox>
      );
    case 'category_share': {
      const groups = [...new Set(subjects.categories.map((c) => c.group))];
      return (
        <FieldBox prefix={prefix} name="subject" label="Category" errors={errors}>
          <select {...props}>
            <option value="">Choose a category…</option>
            {groups.map((group) => (
              <optgroup key={group} label={group}>
                {subjects.categories
                  .filter((c) => c.group === group)
                  .map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </FieldBox>
      );
    }
    case 'recipient_share':
      return (
        <FieldBox prefix={prefix} name="subject" label="Kind of recipient" errors={errors}>
          <select {...props}>
            <option value="">Choose…</option>
            {subjects.recipients.map((r) => (
              <option key={r.key} value={r.key}>
                {r.label}
              </option>
            ))}
          </select>
        </FieldBox>
      );
    case 'reach_parity':
      return subjects.raceGroups.length > 0 ? (
        <FieldBox prefix={prefix} name="subject" label="Race/ethnicity group" errors={errors}>
          <select {...props}>
            <option value="">Choose a group…</option>
            {subjects.raceGroups.map((g) => (
              <option key={g.key} value={g.key}>
                {g.label}
              </option>
            ))}
          </select>
        </FieldBox>
      ) : (
        <FieldBox prefix={prefix} name="subject" label="Race/ethnicity group key" errors={errors} hint='Like "black"; enter deaths by race/ethnicity on the context page first.'>
          <input {...props} {...{ 'aria-describedby': `${prefix}-subject-hint` }} autoComplete="off" />
        </FieldBox>
      );
    default:
      return <input type="hidden" name="subject" value="" />;
  }
}
