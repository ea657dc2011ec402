'use server';

import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { saveThenGo } from '@/app/_components/forms/form-verb';
import { createReceipt } from '@/lib/services/receipts/create';
import { deleteReceipt } from '@/lib/services/receipts/delete';
import { updateReceipt } from '@/lib/services/receipts/update';

export async function createReceiptAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, createReceipt, (slug, { id }) => `/staff/l/${slug}/receipts?saved=${id}`);
}

export async function updateReceiptAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, updateReceipt, (slug, { id }) => `/staff/l/${slug}/receipts?saved=${id}`);
}

export async function deleteReceiptAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, deleteReceipt, (slug) => `/staff/l/${slug}/receipts?deleted=1`);
}
