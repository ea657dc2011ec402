'use server';

import { saveThenGo } from '@/app/_components/forms/form-verb';
import type { ActionFailure } from '@/lib/errors';
import { markReportFiled } from '@/lib/services/localities/mark-report-filed';

/** "Mark as filed": one verb. A refusal comes back to the form (with the field's message); success shows the report. */
export async function markReportFiledAction(_previous: ActionFailure | null, formData: FormData): Promise<ActionFailure | null> {
  return saveThenGo(formData, markReportFiled, (slug, filed) => `/staff/l/${slug}/reports?report=${encodeURIComponent(filed.report)}&fy=${filed.fiscalYear}&filed=1`);
}
