'use client';

import { InputField, Options, SelectField, TextAreaField, type FormBinding, type SelectOption } from '@/app/_components/forms/bound-fields';
import { conflictRows } from '@/app/_components/forms/conflict-panel';
import { SubmitRow } from '@/app/_components/forms/form-buttons';
import { HiddenFields } from '@/app/_components/forms/form-parts';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { RecordForm } from '@/app/_components/forms/record-form';
import { useMoneyForm } from '@/app/_components/forms/use-money-form';
import type { SubjectOptions } from '@/lib/data/board-goals';
import { EQUITY_MEASURES, MEASURE_LABEL, MEASURE_UNIT, MEASURES_WITH_BASIS } from '@/lib/equity/measure-info';
import type { EquityMeasure } from '@/lib/equity/types';
import type { GoalFormValues } from '@/lib/services/equity/input';

const UNIT_HINT = {
  percent: 'A percentage, like 25 or 12.5.',
  dollars: 'An amount in dollars, like 25,000.',
  ratio: 'A ratio, like 0.8 (1 means people are served in proportion to deaths).',
} as const;

const COMPARATORS: readonly SelectOption[] = [
  { value: 'at_least', label: 'At least' },
  { value: 'at_most', label: 'At most' },
  { value: 'exactly', label: 'Exactly' },
];

const BASES: readonly SelectOption[] = [
  { value: 'allocated', label: 'Money allocated (approved lines)' },
  { value: 'spent', label: 'Money spent' },
];

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
  const form = useMoneyForm<GoalFormValues>(action, initialValues, version ?? null);
  const { values, setValues } = form;
  // Several goal forms share the goals page: their controls' ids are under the goal's own prefix.
  const bound: GoalBinding = { ...form, idPrefix };
  const unit = MEASURE_UNIT[values.measure];

  function changeMeasure(measure: EquityMeasure) {
    setValues((previous) => ({
      ...previous,
      measure,
      subject: '',
      basis: measure === 'spend_down' ? 'spent' : MEASURES_WITH_BASIS.has(measure) ? previous.basis : 'allocated',
    }));
  }

  const rows = (theirs: GoalFormValues) =>
    conflictRows(theirs, values, [
      ['Measure', (v) => MEASURE_LABEL[v.measure]],
      ['Subject', (v) => subjectWords(v, subjects)],
      ['Money measured', 'basis'],
      ['Comparison', (v) => v.comparator.replace('_', ' ')],
      ['Target', 'target'],
      ['Amber margin', 'amberMargin'],
      ['Reason', 'reason'],
    ]);

  return (
    <RecordForm form={form} conflict={{ rows, listHref }} className="form goal-form" testId="goal-form" record={{ slug, localityId, id: goalId }}>
      <HiddenFields values={{ fiscalYear: values.fiscalYear, frameworkKey: values.frameworkKey }} />

      <div className="field-row">
        <SelectField
          form={bound}
          name="measure"
          label="What the goal measures"
          options={EQUITY_MEASURES.map((measure) => ({ value: measure, label: MEASURE_LABEL[measure] }))}
          onChange={(measure) => changeMeasure(measure as EquityMeasure)}
        />
        <SubjectField form={bound} subjects={subjects} />
        {MEASURES_WITH_BASIS.has(values.measure) ? (
          <SelectField form={bound} name="basis" label="Money measured" options={BASES} />
        ) : (
          <input type="hidden" name="basis" value={values.basis} />
        )}
      </div>

      <div className="field-row">
        <SelectField form={bound} name="comparator" label="Comparison" options={COMPARATORS} />
        <InputField form={bound} name="target" label="Target" hint={UNIT_HINT[unit]} inputMode="decimal" autoComplete="off" />
        <InputField
          form={bound}
          name="amberMargin"
          label="Amber margin"
          hint="How far from the target still counts as close (amber), in the same unit. 0: no amber band."
          inputMode="decimal"
          autoComplete="off"
        />
      </div>

      <TextAreaField form={bound} name="reason" label="Why this goal matters" hint="In plain language: it is shown in public beside the goal." rows={3} />

      <SubmitRow pending={form.pending} label={submitLabel} />
    </RecordForm>
  );
}

type GoalBinding = FormBinding<GoalFormValues>;

/** What the goal is about, asked in the measure's own terms (a group, a category, a kind of recipient, a race group). */
function SubjectField({ form, subjects }: { form: GoalBinding; subjects: SubjectOptions }) {
  switch (form.values.measure) {
    case 'group_share':
      return (
        <SelectField form={form} name="subject" label="Group of categories" empty="Choose a group…" options={subjects.groups.map((group) => ({ value: group, label: group }))} />
      );
    case 'category_share': {
      const groups = [...new Set(subjects.categories.map((c) => c.group))];
      return (
        <SelectField form={form} name="subject" label="Category" empty="Choose a category…">
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              <Options options={subjects.categories.filter((c) => c.group === group).map((c) => ({ value: c.key, label: c.label }))} />
            </optgroup>
          ))}
        </SelectField>
      );
    }
    case 'recipient_share':
      return <SelectField form={form} name="subject" label="Kind of recipient" empty="Choose…" options={keyOptions(subjects.recipients)} />;
    case 'reach_parity':
      return subjects.raceGroups.length > 0 ? (
        <SelectField form={form} name="subject" label="Race/ethnicity group" empty="Choose a group…" options={keyOptions(subjects.raceGroups)} />
      ) : (
        <InputField
          form={form}
          name="subject"
          label="Race/ethnicity group key"
          hint='Like "black"; enter deaths by race/ethnicity on the context page first.'
          aria-describedby={`${form.idPrefix}-subject-hint`}
          autoComplete="off"
        />
      );
    default:
      return <input type="hidden" name="subject" value="" />;
  }
}

function keyOptions(items: readonly { key: string; label: string }[]): SelectOption[] {
  return items.map((item) => ({ value: item.key, label: item.label }));
}
