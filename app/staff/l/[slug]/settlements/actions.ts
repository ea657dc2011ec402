'use server';

import { redirect } from 'next/navigation';
import { localitySlugOf, revalidateLocality } from '@/app/_components/forms/action-paths';
import { formDataToObject } from '@/app/_components/forms/form-data-to-object';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { runAction } from '@/app/_lib/run-action';
import { recordExpectedPayment } from '@/lib/services/expected-payments/record-expected-payment';

export async function recordExpectedPaymentAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => recordExpectedPayment(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(`/staff/l/${slug}/settlements?saved=${result.data.id}`);
}
