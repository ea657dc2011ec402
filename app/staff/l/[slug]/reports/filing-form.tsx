'use client';

import { useActionState } from 'react';
import type { ActionFailure } from '@/lib/errors';

type FilingAction = (previous: ActionFailure | null, formData: FormData) => Promise<ActionFailure | null>;

/** "Mark as filed": the date it went to the state (today by default, never later). */
export function FilingForm({ action, slug, localityId, report, fiscalYear, today }: { action: FilingAction; slug: string; localityId: number; report: string; fiscalYear: number; today: string }) {
  const [failure, formAction, pending] = useActionState(action, null);
  const message = failure ? (Object.values(failure.fieldErrors ?? {}).flat()[0] ?? failure.message) : null;
  return (
    <form action={formAction} className="form no-print" aria-label="Mark as filed">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="localityId" value={localityId} />
      <input type="hidden" name="report" value={report} />
      <input type="hidden" name="fiscalYear" value={fiscalYear} />
      {message ? (
        <p className="notice notice--error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="filedOn">Filed with the state on</label>
        <input id="filedOn" name="filedOn" type="date" defaultValue={today} max={today} required />
      </div>
      <button type="submit" className="button" disabled={pending}>
        Mark FY{fiscalYear} as filed
      </button>
    </form>
  );
}
