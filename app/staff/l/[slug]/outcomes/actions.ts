'use server';

import { redirect } from 'next/navigation';
import { localitySlugOf, revalidateLocality } from '@/app/_components/forms/action-paths';
import { formDataToObject } from '@/app/_components/forms/form-data-to-object';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { runAction } from '@/app/_lib/run-action';
import { deleteOutcome } from '@/lib/services/delete-outcome';
import { recordOutcome } from '@/lib/services/record-outcome';
import { decideOutcome, submitOutcome } from '@/lib/services/review-outcome';

// Thin wrappers: the lib/ verbs check the person's role in the locality, validate, compare versions and write the
// outcome with its audit row. Then back to the list.

async function done(formData: FormData, what: string): Promise<never> {
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(`/staff/l/${slug}/outcomes?done=${what}`);
}

export async function recordOutcomeAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => recordOutcome(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  return done(formData, formData.get('id') ? 'changed' : 'saved');
}

export async function submitOutcomeAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => submitOutcome(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  return done(formData, 'submitted');
}

export async function decideOutcomeAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => decideOutcome(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  return done(formData, 'decided');
}

export async function deleteOutcomeAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const result = await runAction(({ db, actor }) => deleteOutcome(db, actor, formDataToObject(formData)));
  if (!result.ok) return result;
  return done(formData, 'deleted');
}
