'use server';

import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { saveThenGo } from '@/app/_components/forms/form-verb';
import { setFundOpeningBalance } from '@/lib/services/fund/set-opening-balance';

export async function setOpeningBalanceAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, setFundOpeningBalance, (slug) => `/staff/l/${slug}/fund?saved=1`);
}
