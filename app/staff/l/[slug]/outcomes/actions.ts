'use server';

import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { saveThenGo, type FormVerb } from '@/app/_components/forms/form-verb';
import { deleteOutcome } from '@/lib/services/outcomes/delete';
import { recordOutcome } from '@/lib/services/outcomes/record';
import { decideOutcome, submitOutcome } from '@/lib/services/outcomes/review';

// Thin wrappers: the lib/ verbs check the person's role in the locality, validate, compare versions and write the
// outcome with its audit row. Then back to the list.

function thenList(formData: FormData, verb: FormVerb<unknown>, done: string) {
  return saveThenGo(formData, verb, (slug) => `/staff/l/${slug}/outcomes?done=${done}`);
}

export async function recordOutcomeAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return thenList(formData, recordOutcome, formData.get('id') ? 'changed' : 'saved');
}

export async function submitOutcomeAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return thenList(formData, submitOutcome, 'submitted');
}

export async function decideOutcomeAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return thenList(formData, decideOutcome, 'decided');
}

export async function deleteOutcomeAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return thenList(formData, deleteOutcome, 'deleted');
}
