'use client';

import { startTransition, useActionState, type FormEvent } from 'react';

/**
 * A form posted to a server action from `onSubmit`, so React does not reset its fields after the action: whatever
 * the person typed stays on screen when the server refuses it. The button that was pressed goes with the form
 * (`decision=approve`, `intent=post`). `dispatch` goes on `<form action>`: before hydration the browser posts the
 * form to the server action itself.
 */
export function useActionForm<State>(action: (previous: Awaited<State>, formData: FormData) => Promise<State>, initialState: Awaited<State>) {
  const [state, dispatch, pending] = useActionState<State, FormData>(action, initialState);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : undefined);
    startTransition(() => dispatch(formData));
  }

  return { state, dispatch, pending, onSubmit };
}
