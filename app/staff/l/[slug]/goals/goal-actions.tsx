'use client';

import { DeleteForm } from '@/app/_components/forms/delete-record-form';
import { SubmitButton } from '@/app/_components/forms/form-buttons';
import { FailureAlert, HiddenFields } from '@/app/_components/forms/form-parts';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { useActionForm } from '@/app/_components/forms/use-action-form';
import type { GoalFormValues } from '@/lib/services/equity/input';

/** One click adds a suggested goal as it stands; it can be edited afterwards like any other. */
export function AddSuggestedGoal({
  action,
  slug,
  localityId,
  values,
  title,
}: {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  values: GoalFormValues;
  title: string;
}) {
  const { state, dispatch, pending, onSubmit } = useActionForm(action, null);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="form suggested-goal-form" data-testid="add-suggested-goal">
      {state ? <FailureAlert failure={state} /> : null}
      <HiddenFields values={{ slug, localityId }} />
      <HiddenFields values={Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]))} />
      <SubmitButton pending={pending} label="Add this goal" pendingLabel="Adding…" secondary>
        <span className="visually-hidden">: {title}</span>
      </SubmitButton>
    </form>
  );
}

/** Deletes a goal over the version shown; the reason is optional and kept in the history. */
export function DeleteGoalForm({
  action,
  slug,
  id,
  version,
  fiscalYear,
  title,
}: {
  action: MoneyFormAction;
  slug: string;
  id: number;
  version: number;
  fiscalYear: string;
  title: string;
}) {
  return (
    <DeleteForm
      action={action}
      slug={slug}
      id={id}
      version={version}
      what="goal"
      reasonId={`goal-${id}-delete-reason`}
      hidden={{ fiscalYear }}
      title={title}
      noValidate={false}
    />
  );
}
