'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction } from '@/app/_lib/run-action';
import { formDataToObject } from '@/app/_components/forms/form-data-to-object';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { createLocality } from '@/lib/services/localities/create';
import { updateLocality } from '@/lib/services/localities/update';

export async function createLocalityAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction((ctx) => createLocality(ctx, formDataToObject(formData)));
  if (!result.ok) return result;
  revalidatePath('/staff', 'layout');
  revalidatePath('/');
  redirect(`/staff/localities?created=${result.data.slug}`);
}

export async function updateLocalityAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction((ctx) => updateLocality(ctx, formDataToObject(formData)));
  if (!result.ok) return result;
  revalidatePath('/staff', 'layout');
  revalidatePath(`/l/${result.data.slug}`);
  revalidatePath('/');
  redirect(`/staff/localities?saved=${result.data.slug}`);
}
