'use client';

import { useActionState } from 'react';
import { FieldBox } from '@/app/_components/forms/field';
import { SubmitButton } from '@/app/_components/forms/form-buttons';
import { HiddenFields } from '@/app/_components/forms/form-parts';
import type { ActionFailure } from '@/lib/errors';

type FilingAction = (previous: ActionFailure | null, formData: FormData) => Promise<ActionFailure | null>;

/** "Mark as filed": the date it went to the state (today by default, never later). */
export function FilingForm({ action, slug, localityId, report, fiscalYear, today }: { action: FilingAction; slug: string; localityId: number; report: string; fiscalYear: number; today: string }) {
  const [failure, formAction, pending] = useActionState(action, null);
  const message = failure ? (Object.values(failure.fieldErrors ?? {}).flat()[0] ?? failure.message) : null;
  return (
    <form action={formAction} className="form no-print" aria-label="Mark as filed">
      <HiddenFields values={{ slug, localityId, report, fiscalYear }} />
      {message ? (
        <p className="notice notice--error" role="alert">
          {message}
        </p>
      ) : null}
      <FieldBox id="filedOn" label="Filed with the state on">
        <input id="filedOn" name="filedOn" type="date" defaultValue={today} max={today} required />
      </FieldBox>
      <SubmitButton pending={pending} label={`Mark FY${fiscalYear} as filed`} pendingLabel={null} />
    </form>
  );
}
