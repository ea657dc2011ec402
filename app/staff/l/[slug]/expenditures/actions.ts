'use server';

import { returnPathOf } from '@/app/_components/forms/action-paths';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { saveThenGo } from '@/app/_components/forms/form-verb';
import { createExpenditure } from '@/lib/services/expenditures/create';
import { deleteExpenditure } from '@/lib/services/expenditures/delete';
import { updateExpenditure } from '@/lib/services/expenditures/update';

export async function createExpenditureAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, createExpenditure, (slug, { id }) => returnPathOf(formData, slug, `/staff/l/${slug}/expenditures?saved=${id}`));
}

export async function updateExpenditureAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, updateExpenditure, (slug, { id }) => returnPathOf(formData, slug, `/staff/l/${slug}/expenditures?saved=${id}`));
}

export async function deleteExpenditureAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, deleteExpenditure, (slug) => `/staff/l/${slug}/expenditures?deleted=1`);
}
