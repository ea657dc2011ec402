import type { ReactNode } from 'react';
import { ConflictPanel, type ConflictRow } from './conflict-panel';
import { RecordFormFields } from './record-form-fields';
import type { MoneyFormAction } from './form-state';
import type { MoneyForm } from './use-money-form';

/** What an add-or-edit record form is given: its action, the locality, the record (absent for a new one), its values. */
export interface RecordFormProps<Values> {
  action: MoneyFormAction;
  slug: string;
  localityId: number;
  /** Absent for a new record. */
  id?: number;
  version?: number;
  initialValues: Values;
  cancelHref: string;
  submitLabel: string;
}

/** Which locality and record a form saves (`id` absent for a new record). */
export interface RecordRef {
  slug: string;
  localityId: number;
  id?: number;
}

/**
 * The scaffold of a staff record form (a receipt, a payment, an allocation, a goal …): the `<form>` posted through
 * `useMoneyForm`, the conflict panel when someone else saved first, the form-level error and the hidden fields
 * that say which locality and record (at which version) the save is for. The form's own fields are its children.
 */
export function RecordForm<Values>({
  form,
  conflict,
  className = 'form money-form',
  testId,
  record,
  returnTo,
  children,
}: {
  form: MoneyForm<Values>;
  /** How their saved values compare with the person's, and the list to go back to; absent for a form that only adds. */
  conflict?: { rows: (theirs: Values) => ConflictRow[]; listHref: string };
  className?: string;
  testId?: string;
  record: RecordRef;
  returnTo?: string;
  children: ReactNode;
}) {
  const { formRef, formAction, onSubmit, state, conflict: current, reapplyMine, takeTheirs, pending, formError, version } = form;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className={className} noValidate data-testid={testId}>
      {current && state && conflict ? (
        <ConflictPanel
          conflict={current}
          message={state.message}
          rows={conflict.rows(current.values)}
          onReapplyMine={reapplyMine}
          onTakeTheirs={takeTheirs}
          pending={pending}
          listHref={conflict.listHref}
        />
      ) : null}
      <RecordFormFields formError={formError} slug={record.slug} localityId={record.localityId} id={record.id} version={version} returnTo={returnTo} />
      {children}
    </form>
  );
}
