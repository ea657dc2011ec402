'use server';

import { redirect } from 'next/navigation';
import { runAction } from '@/app/_lib/run-action';
import { localitySlugOf, revalidateLocality } from '@/app/_components/forms/action-paths';
import { formDataToObject } from '@/app/_components/forms/form-data-to-object';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { setFundOpeningBalance } from '@/lib/services/set-fund-opening-balance';

export async function setOpeningBalanceAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => setFundOpeningBalance(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(`/staff/l/${slug}/fund?saved=1`);
}
