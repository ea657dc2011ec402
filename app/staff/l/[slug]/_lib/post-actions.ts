'use server';

import { localitySlugOf, revalidateLocality } from '@/app/_components/forms/action-paths';
import { formDataToObject } from '@/app/_components/forms/form-data-to-object';
import { runAction } from '@/app/_lib/run-action';
import { postMoney } from '@/lib/services/post-money';
import { bulkDoneMessage, type BulkFormState } from '@/lib/views/bulk-view';

/** The receipts and payments lists' "Post N selected": every selected draft counts publicly from now, or none. */
export async function postSelectedAction(_previous: BulkFormState, formData: FormData): Promise<BulkFormState> {
  const result = await runAction(({ db, actor }) => postMoney(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  revalidateLocality(localitySlugOf(formData));
  return { ok: true, message: bulkDoneMessage('post', result.data.count) };
}
