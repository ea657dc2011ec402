'use server';

import { redirect } from 'next/navigation';
import { runAction } from '@/app/_lib/run-action';
import { localitySlugOf, revalidateLocality } from '@/app/_components/forms/action-paths';
import { formDataToObject } from '@/app/_components/forms/form-data-to-object';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { submitAllocations } from '@/lib/services/bulk-allocations';
import { createAllocation } from '@/lib/services/create-allocation';
import { decideAllocation } from '@/lib/services/decide-allocation';
import { deleteAllocation } from '@/lib/services/delete-allocation';
import { returnAllocationToDraft } from '@/lib/services/return-allocation-to-draft';
import { submitAllocation } from '@/lib/services/submit-allocation';
import { updateAllocation } from '@/lib/services/update-allocation';
import { bulkDoneMessage, type BulkFormState } from '@/lib/views/bulk-view';

// Each action is a thin wrapper: the lib/ verb checks who may do it (from the record's locality), validates and
// writes. Redirects happen after runAction, outside its error handling.

export async function createAllocationAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => createAllocation(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(`/staff/l/${slug}/allocations/${result.data.id}`);
}

export async function updateAllocationAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => updateAllocation(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(`/staff/l/${slug}/allocations/${result.data.id}`);
}

export async function deleteAllocationAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => deleteAllocation(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(`/staff/l/${slug}/allocations?deleted=1`);
}

export async function submitAllocationAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => submitAllocation(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  revalidateLocality(localitySlugOf(formData));
  return null;
}

export async function returnAllocationToDraftAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => returnAllocationToDraft(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  revalidateLocality(localitySlugOf(formData));
  return null;
}

export async function decideAllocationAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => decideAllocation(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  revalidateLocality(localitySlugOf(formData));
  return null;
}

/** The list's "Submit N selected for review": all the selected lines go to the board, or none (submitAllocations). */
export async function submitSelectedAction(_previous: BulkFormState, formData: FormData): Promise<BulkFormState> {
  const result = await runAction(({ db, actor }) => submitAllocations(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  revalidateLocality(localitySlugOf(formData));
  return { ok: true, message: bulkDoneMessage('submit', result.data.count) };
}
