'use server';

import { redirect } from 'next/navigation';
import { runAction } from '@/app/_lib/run-action';
import { localitySlugOf, revalidateLocality } from '@/app/_components/forms/action-paths';
import { formDataToObject } from '@/app/_components/forms/form-data-to-object';
import type { ActionFailure } from '@/lib/errors';
import { markReportFiled } from '@/lib/services/mark-report-filed';

/** "Mark as filed": one verb. A refusal comes back to the form (with the field's message); success shows the report. */
export async function markReportFiledAction(_previous: ActionFailure | null, formData: FormData): Promise<ActionFailure | null> {
  const result = await runAction(({ db, actor }) => markReportFiled(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(`/staff/l/${slug}/reports?report=${encodeURIComponent(result.data.report)}&fy=${result.data.fiscalYear}&filed=1`);
}
