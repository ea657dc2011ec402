'use server';

import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { runFormVerb, saveThenGo } from '@/app/_components/forms/form-verb';
import { submitAllocations } from '@/lib/services/allocations/bulk';
import { createAllocation } from '@/lib/services/allocations/create';
import { decideAllocation } from '@/lib/services/allocations/decide';
import { deleteAllocation } from '@/lib/services/allocations/delete';
import { returnAllocationToDraft } from '@/lib/services/allocations/return-to-draft';
import { submitAllocation } from '@/lib/services/allocations/submit';
import { updateAllocation } from '@/lib/services/allocations/update';
import { bulkDoneMessage, type BulkFormState } from '@/lib/views/bulk-view';

// Each action is a thin wrapper: the lib/ verb checks who may do it (from the record's locality), validates and
// writes. Redirects happen after the verb has run, outside its error handling.

export async function createAllocationAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, createAllocation, (slug, { id }) => `/staff/l/${slug}/allocations/${id}`);
}

export async function updateAllocationAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, updateAllocation, (slug, { id }) => `/staff/l/${slug}/allocations/${id}`);
}

export async function deleteAllocationAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, deleteAllocation, (slug) => `/staff/l/${slug}/allocations?deleted=1`);
}

// A status change stays on the line's page, which is drawn again with the new status.

export async function submitAllocationAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const done = await runFormVerb(formData, submitAllocation);
  return done.ok ? null : done;
}

export async function returnAllocationToDraftAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const done = await runFormVerb(formData, returnAllocationToDraft);
  return done.ok ? null : done;
}

export async function decideAllocationAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const done = await runFormVerb(formData, decideAllocation);
  return done.ok ? null : done;
}

/** The list's "Submit N selected for review": all the selected lines go to the board, or none (submitAllocations). */
export async function submitSelectedAction(_previous: BulkFormState, formData: FormData): Promise<BulkFormState> {
  const done = await runFormVerb(formData, submitAllocations);
  return done.ok ? { ok: true, message: bulkDoneMessage('submit', done.data.count) } : done;
}
