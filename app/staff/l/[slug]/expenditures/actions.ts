'use server';

import { redirect } from 'next/navigation';
import { runAction } from '@/app/_lib/run-action';
import { localitySlugOf, returnPathOf, revalidateLocality } from '@/app/_components/forms/action-paths';
import { formDataToObject } from '@/app/_components/forms/form-data-to-object';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { createExpenditure } from '@/lib/services/create-expenditure';
import { deleteExpenditure } from '@/lib/services/delete-expenditure';
import { updateExpenditure } from '@/lib/services/update-expenditure';

export async function createExpenditureAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => createExpenditure(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(returnPathOf(formData, slug, `/staff/l/${slug}/expenditures?saved=${result.data.id}`));
}

export async function updateExpenditureAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => updateExpenditure(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(returnPathOf(formData, slug, `/staff/l/${slug}/expenditures?saved=${result.data.id}`));
}

export async function deleteExpenditureAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => deleteExpenditure(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(`/staff/l/${slug}/expenditures?deleted=1`);
}
