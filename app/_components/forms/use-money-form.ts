'use client';

import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ConflictCurrent } from '@/lib/services/conflict';
import type { FieldErrors } from './field';
import type { MoneyFormAction } from './form-state';
import { useActionForm } from './use-action-form';

function isConflictCurrent<Values>(value: unknown): value is ConflictCurrent<Values> {
  return typeof value === 'object' && value !== null && 'version' in value && 'values' in value;
}

/**
 * State shared by the money forms. Values are controlled and the form is submitted from `onSubmit`
 * (`useActionForm`), so whatever the person typed stays on screen when the server refuses it.
 *
 * On a conflict (someone saved first) the person sees the other values beside their own and may
 *  - re-apply theirs: the form takes the new version and saves the same values again, on top; or
 *  - take the other person's values into the form, and carry on from there.
 */
export function useMoneyForm<Values>(action: MoneyFormAction, initialValues: Values, initialVersion: number | null) {
  const { state, dispatch, pending, onSubmit } = useActionForm(action, null);
  const [values, setValues] = useState(initialValues);
  const [version, setVersion] = useState(initialVersion);
  const formRef = useRef<HTMLFormElement>(null);

  const current = state?.code === 'conflict' && isConflictCurrent<Values>(state.current) ? state.current : null;
  // Once the person has taken the new version (either way), the conflict is settled.
  const conflict = current && current.version !== version ? current : null;

  function reapplyMine() {
    if (!conflict || conflict.deleted) return;
    flushSync(() => setVersion(conflict.version));
    formRef.current?.requestSubmit();
  }

  function takeTheirs() {
    if (!conflict || conflict.deleted) return;
    setValues(conflict.values);
    setVersion(conflict.version);
  }

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
  }

  const errors: FieldErrors = state?.code === 'invalid' ? (state.fieldErrors ?? {}) : {};
  const formError = state && state.code !== 'conflict' ? state.message : null;

  // `formAction` goes on <form action>: before hydration the browser posts the form to the server action itself.
  return { state, formAction: dispatch, pending, values, setValues, set, version, formRef, onSubmit, conflict, reapplyMine, takeTheirs, errors, formError };
}

/** What a money form's `useMoneyForm` gives the pieces of the form (`RecordForm`, the bound fields). */
export type MoneyForm<Values> = ReturnType<typeof useMoneyForm<Values>>;
