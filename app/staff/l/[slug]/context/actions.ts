'use server';

import { redirect } from 'next/navigation';
import { fiscalYearQueryOf, localitySlugOf, revalidateLocality } from '@/app/_components/forms/action-paths';
import { formDataToObject } from '@/app/_components/forms/form-data-to-object';
import type { MoneyFormState } from '@/app/_components/forms/form-state';
import { runFormVerb, saveThenGo } from '@/app/_components/forms/form-verb';
import { runAction } from '@/app/_lib/run-action';
import { importContextFile, type ContextImportResult } from '@/lib/services/import/context-file';
import { setContextBreakdown, setLocalityContext } from '@/lib/services/equity/set-context';
import { setPeopleServed } from '@/lib/services/equity/set-people-served';

// Thin wrappers around the lib/ verbs, which check the role (editors and administrators), validate and write with
// their audit rows. Afterwards, back to the same year with a word about what was saved.

function back(slug: string, formData: FormData, saved: string): string {
  return `/staff/l/${slug}/context?${fiscalYearQueryOf(formData, 'fiscalYear')}saved=${saved}#${saved}`;
}

export async function saveContextTotalsAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  return saveThenGo(formData, setLocalityContext, (slug) => back(slug, formData, 'totals'));
}

/** A table whose rows were all removed sends no `groups`: that means "no groups", not a missing field. */
function withGroups(formData: FormData): Record<string, unknown> {
  const input = formDataToObject(formData);
  if (input.groups === undefined) input.groups = [];
  return input;
}

export async function saveBreakdownAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const done = await runFormVerb(formData, setContextBreakdown, withGroups(formData));
  if (!done.ok) return done;
  redirect(back(done.slug, formData, done.data.dimension === 'area' ? 'area' : 'race'));
}

export async function savePeopleServedAction(_previous: MoneyFormState, formData: FormData): Promise<MoneyFormState> {
  const done = await runFormVerb(formData, setPeopleServed, withGroups(formData));
  if (!done.ok) return done;
  redirect(back(done.slug, formData, `served-${done.data.allocationId}`));
}

export type ContextImportState = (ContextImportResult & { ok: false }) | { ok: false; reason: string; errors: [] } | null;

export async function importContextAction(_previous: ContextImportState, formData: FormData): Promise<ContextImportState> {
  const file = formData.get('file');
  const localityId = Number(formData.get('localityId'));
  const fiscalYear = Number(formData.get('fiscalYear'));
  if (!(file instanceof File) || file.size === 0) return { ok: false, reason: 'Choose a CSV or Excel file to import.', errors: [] };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await runAction((ctx) => importContextFile(ctx, { localityId, fiscalYear, bytes, fileName: file.name }));
  if (!result.ok) return { ok: false, reason: result.message, errors: [] };
  if (!result.data.ok) return result.data;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  redirect(back(slug, formData, 'import'));
}
