'use server';

import { redirect } from 'next/navigation';
import { localitySlugOf, revalidateLocality } from '@/app/_components/forms/action-paths';
import { formDataToObject } from '@/app/_components/forms/form-data-to-object';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { runAction } from '@/app/_lib/run-action';
import { decideAllocations } from '@/lib/services/bulk-allocations';
import { decideAllocation } from '@/lib/services/decide-allocation';
import { bulkDoneMessage, type BulkFormState } from '@/lib/views/bulk-view';

/**
 * Approve or return a submitted line from the review page: a thin wrapper around `decideAllocation`, which checks
 * that the person sits on this locality's board, that they did not submit the line themselves, that the line is
 * still submitted at the version they saw, and that a return has a reason. Afterwards, back to the same year.
 */
export async function decideFromReviewAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => decideAllocation(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  const fy = formData.get('fy');
  const year = typeof fy === 'string' && /^\d{4}$/.test(fy) ? fy : '';
  redirect(`/staff/l/${slug}/review?${year ? `fy=${year}&` : ''}decided=${result.data.id}`);
}

/**
 * The queue's "Approve N selected" / "Return N selected": every selected line, or none (decideAllocations: the same
 * checks as one decision, for each line, in one transaction). The page shows the queue again without them.
 */
export async function decideSelectedAction(_previous: BulkFormState, formData: FormData): Promise<BulkFormState> {
  const result = await runAction(({ db, actor }) => decideAllocations(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  revalidateLocality(localitySlugOf(formData));
  return { ok: true, message: bulkDoneMessage(formData.get('decision') === 'return' ? 'return' : 'approve', result.data.count) };
}
