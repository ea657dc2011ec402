'use server';

import { redirect } from 'next/navigation';
import { localitySlugOf, revalidateLocality } from '@/app/_components/forms/action-paths';
import { formDataToObject } from '@/app/_components/forms/form-data-to-object';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { runAction } from '@/app/_lib/run-action';
import { deleteEquityGoal } from '@/lib/services/equity-delete-goal';
import { setEquityGoal } from '@/lib/services/equity-set-goal';

// Thin wrappers: the lib/ verbs check that the person is on the locality's board or administers it, validate,
// compare versions and write the goal with its audit row. Then back to the goals of the same year.

function yearOf(formData: FormData): string {
  const fy = formData.get('fiscalYear');
  return typeof fy === 'string' && /^\d{4}$/.test(fy) ? fy : '';
}

export async function saveGoalAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => setEquityGoal(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  const fy = yearOf(formData);
  redirect(`/staff/l/${slug}/goals?${fy ? `fy=${fy}&` : ''}saved=${result.data.id}`);
}

export async function deleteGoalAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => deleteEquityGoal(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  const fy = yearOf(formData);
  redirect(`/staff/l/${slug}/goals?${fy ? `fy=${fy}&` : ''}deleted=1`);
}
