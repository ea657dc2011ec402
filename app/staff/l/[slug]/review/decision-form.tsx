'use client';

import { DecisionButtons } from '@/app/_components/forms/form-buttons';
import { FormAlert, HiddenFields } from '@/app/_components/forms/form-parts';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { KeptReasonField } from '@/app/_components/forms/reason-field';
import { useActionForm } from '@/app/_components/forms/use-action-form';

/**
 * Approve or return one submitted line, with a written reason (required to return, optional to approve; it is
 * public either way, on the locality's board decisions page). What the server refuses — a missing reason, a line
 * the reviewer submitted themself, a line someone changed meanwhile — is shown here, and the reason typed stays in
 * the box.
 */
export function DecisionForm({
  action,
  slug,
  id,
  version,
  fiscalYear,
  program,
  submittedByMe,
}: {
  action: MoneyFormAction;
  slug: string;
  id: number;
  version: number;
  fiscalYear: number;
  program: string;
  submittedByMe: boolean;
}) {
  const { state, dispatch, pending, onSubmit } = useActionForm(action, null);
  const reasonErrors = state?.code === 'invalid' ? (state.fieldErrors?.reason ?? []) : [];
  const otherErrors =
    state?.code === 'invalid'
      ? Object.entries(state.fieldErrors ?? {})
          .filter(([key]) => key !== 'reason' && key !== '_form')
          .flatMap(([, messages]) => messages)
      : [];

  return (
    <form action={dispatch} onSubmit={onSubmit} className="form decision-form" data-testid="decision-form" noValidate aria-label={`Decision on “${program}”`}>
      {state ? (
        <FormAlert testId="decision-error">
          {state.message}
          {otherErrors.length > 0 ? ` ${otherErrors.join(' ')}` : ''}
        </FormAlert>
      ) : null}
      {submittedByMe ? (
        <p className="notice">You submitted this line. The rules say another member of the board decides on it.</p>
      ) : null}
      <HiddenFields values={{ slug, id, version, fy: fiscalYear }} />
      <KeptReasonField
        id={`decision-${id}-reason`}
        label="Reason for the decision"
        hint="Required to return the line, so the editors know what to change; optional to approve. It is shown in public on the locality’s board decisions page, and in the history of an approved line."
        messages={reasonErrors}
        rows={3}
      />
      <div className="button-row">
        <DecisionButtons pending={pending} />
        {pending ? (
          <span role="status" className="muted">
            Saving the decision…
          </span>
        ) : null}
      </div>
    </form>
  );
}
