'use server';

import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { saveThenGo } from '@/app/_components/forms/form-verb';
import { recordExpectedPayment } from '@/lib/services/expected-payments/record-expected-payment';

export async function recordExpectedPaymentAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, recordExpectedPayment, (slug, { id }) => `/staff/l/${slug}/settlements?saved=${id}`);
}
