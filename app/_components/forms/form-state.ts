import type { ActionFailure } from '@/lib/errors';

/** What a money form's server action answers: nothing yet, or why it did not save (success redirects). */
export type MoneyFormState = ActionFailure | null;

/** A server action as `useActionState` calls it. */
export type MoneyFormAction = (previous: MoneyFormState, formData: FormData) => Promise<MoneyFormState>;
