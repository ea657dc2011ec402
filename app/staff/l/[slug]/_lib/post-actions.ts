'use server';

import { runFormVerb } from '@/app/_components/forms/form-verb';
import { postMoney } from '@/lib/services/money/post';
import { bulkDoneMessage, type BulkFormState } from '@/lib/views/bulk-view';

/** The receipts and payments lists' "Post N selected": every selected draft counts publicly from now, or none. */
export async function postSelectedAction(_previous: BulkFormState, formData: FormData): Promise<BulkFormState> {
  const done = await runFormVerb(formData, postMoney);
  return done.ok ? { ok: true, message: bulkDoneMessage('post', done.data.count) } : done;
}
