'use server';

import { redirect } from 'next/navigation';
import { runAction } from '@/app/_lib/run-action';
import { localitySlugOf, revalidateLocality } from '@/app/_components/forms/action-paths';
import { formDataToObject } from '@/app/_components/forms/form-data-to-object';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { createReceipt } from '@/lib/services/create-receipt';
import { deleteReceipt } from '@/lib/services/delete-receipt';
import { updateReceipt } from '@/lib/services/update-receipt';

export async function createReceiptAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => createReceipt(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(`/staff/l/${slug}/receipts?saved=${result.data.id}`);
}

export async function updateReceiptAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => updateReceipt(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(`/staff/l/${slug}/receipts?saved=${result.data.id}`);
}

export async function deleteReceiptAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => deleteReceipt(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(`/staff/l/${slug}/receipts?deleted=1`);
}
