'use client';

import type { FieldErrors } from '@/app/_components/forms/field';
import { DecisionButtons, SubmitButton } from '@/app/_components/forms/form-buttons';
import { FormAlert, HiddenFields } from '@/app/_components/forms/form-parts';
import type { MoneyFormAction } from '@/app/_components/forms/form-state';
import { KeptReasonField } from '@/app/_components/forms/reason-field';
import { useActionForm } from '@/app/_components/forms/use-action-form';

type Status = 'draft' | 'submitted' | 'approved' | 'returned';

export interface StatusActionsProps {
  slug: string;
  id: number;
  version: number;
  status: Status;
  mayEdit: boolean;
  maySubmit: boolean;
  mayDecide: boolean;
  /** A reviewer cannot decide on a line they submitted; the page says so instead of offering the buttons. */
  submittedByMe: boolean;
  actions: {
    submit: MoneyFormAction;
    returnToDraft: MoneyFormAction;
    decide: MoneyFormAction;
    remove: MoneyFormAction;
  };
}

/**
 * One small form per status change. Each keeps what was typed (the reason) when the server refuses, and the whole
 * set is re-created with the new version after a change succeeds (the page passes `key={version}`).
 */
export function AllocationStatusActions(props: StatusActionsProps) {
  const { status, mayEdit, maySubmit, mayDecide, submittedByMe } = props;
  const editable = status === 'draft' || status === 'returned';
  return (
    <div className="status-actions">
      {maySubmit && editable ? (
        <ActionForm {...props} action={props.actions.submit} label="Submit for review" testId="submit-allocation" />
      ) : null}
      {maySubmit && (status === 'submitted' || status === 'approved') ? (
        <ActionForm
          {...props}
          action={props.actions.returnToDraft}
          label="Return to draft"
          reason={{ label: 'Why does it go back to draft?', required: true }}
          testId="return-to-draft"
          secondary
        />
      ) : null}
      {mayDecide && status === 'submitted' && !submittedByMe ? (
        <ActionForm
          {...props}
          action={props.actions.decide}
          reason={{ label: 'Reason (required to return, optional to approve; it is public)', required: false }}
          decision
          testId="decide-allocation"
        />
      ) : null}
      {mayDecide && status === 'submitted' && submittedByMe ? (
        <p className="notice">You submitted this line, so another member of the board decides on it.</p>
      ) : null}
      {mayEdit && editable ? (
        <details className="danger-zone">
          <summary>Delete this allocation</summary>
          <ActionForm
            {...props}
            action={props.actions.remove}
            label="Delete allocation"
            reason={{ label: 'Reason (optional, kept in the history)', required: false }}
            testId="delete-allocation"
            secondary
          />
        </details>
      ) : null}
    </div>
  );
}

function ActionForm({
  slug,
  id,
  version,
  action,
  label,
  reason,
  decision,
  testId,
  secondary,
}: StatusActionsProps & {
  action: MoneyFormAction;
  label?: string;
  reason?: { label: string; required: boolean };
  decision?: boolean;
  testId: string;
  secondary?: boolean;
}) {
  const { state, dispatch, pending, onSubmit } = useActionForm(action, null);
  const errors: FieldErrors = state?.code === 'invalid' ? (state.fieldErrors ?? {}) : {};
  const otherErrors = Object.entries(errors).filter(([name]) => name !== 'reason');

  return (
    <form action={dispatch} onSubmit={onSubmit} className="form status-action" data-testid={testId} noValidate>
      {state && state.code !== 'invalid' ? <FormAlert>{state.message}</FormAlert> : null}
      {state?.code === 'invalid' && otherErrors.length > 0 ? (
        <FormAlert>
          {state.message} {otherErrors.map(([, messages]) => messages?.join(' ')).join(' ')}
        </FormAlert>
      ) : null}
      <HiddenFields values={{ slug, id, version }} />
      {/* Ids are scoped by the form: several of these forms can show a reason on one page. */}
      {reason ? <KeptReasonField id={`${testId}-reason`} label={reason.label} messages={errors.reason} /> : null}
      <div className="button-row">
        {decision ? <DecisionButtons pending={pending} /> : <SubmitButton pending={pending} label={label ?? ''} pendingLabel="Working…" secondary={secondary} />}
      </div>
    </form>
  );
}
