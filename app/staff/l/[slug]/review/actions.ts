'use server';

import { fiscalYearQueryOf } from '@/app/_components/forms/action-paths';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { runFormVerb, saveThenGo } from '@/app/_components/forms/form-verb';
import { decideAllocations } from '@/lib/services/allocations/bulk';
import { decideAllocation } from '@/lib/services/allocations/decide';
import { bulkDoneMessage, type BulkFormState } from '@/lib/views/bulk-view';

/**
 * Approve or return a submitted line from the review page: a thin wrapper around `decideAllocation`, which checks
 * that the person sits on this locality's board, that they did not submit the line themselves, that the line is
 * still submitted at the version they saw, and that a return has a reason. Afterwards, back to the same year.
 */
export async function decideFromReviewAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, decideAllocation, (slug, { id }) => `/staff/l/${slug}/review?${fiscalYearQueryOf(formData, 'fy')}decided=${id}`);
}

/**
 * The queue's "Approve N selected" / "Return N selected": every selected line, or none (decideAllocations: the same
 * checks as one decision, for each line, in one transaction). The page shows the queue again without them.
 */
export async function decideSelectedAction(_previous: BulkFormState, formData: FormData): Promise<BulkFormState> {
  const done = await runFormVerb(formData, decideAllocations);
  return done.ok ? { ok: true, message: bulkDoneMessage(formData.get('decision') === 'return' ? 'return' : 'approve', done.data.count) } : done;
}
