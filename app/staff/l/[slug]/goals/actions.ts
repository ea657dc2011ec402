'use server';

import { fiscalYearQueryOf } from '@/app/_components/forms/action-paths';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { saveThenGo } from '@/app/_components/forms/form-verb';
import { deleteEquityGoal } from '@/lib/services/equity/delete-goal';
import { setEquityGoal } from '@/lib/services/equity/set-goal';

// Thin wrappers: the lib/ verbs check that the person is on the locality's board or administers it, validate,
// compare versions and write the goal with its audit row. Then back to the goals of the same year.

export async function saveGoalAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, setEquityGoal, (slug, { id }) => `/staff/l/${slug}/goals?${fiscalYearQueryOf(formData, 'fiscalYear')}saved=${id}`);
}

export async function deleteGoalAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, deleteEquityGoal, (slug) => `/staff/l/${slug}/goals?${fiscalYearQueryOf(formData, 'fiscalYear')}deleted=1`);
}
