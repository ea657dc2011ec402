import 'server-only';
import { redirect } from 'next/navigation';
import { runAction } from '@/app/_lib/run-action';
import type { Actor } from '@/lib/auth/authorize';
import type { ActionFailure } from '@/lib/errors';
import type { ServiceContext } from '@/lib/services/context';
import { localitySlugOf, revalidateLocality } from './action-paths';
import { formDataToObject } from './form-data-to-object';

/** A lib/ verb as a form calls it: its context (the database, who is asking) and what was submitted. */
export type FormVerb<T> = (ctx: ServiceContext<Actor | null>, input: unknown) => Promise<T>;

/**
 * The body of a locality's server action: the verb on the submitted form (as a plain object, or `input` when the
 * action prepared it). A refusal comes back as it is, for the form to show; after a success the locality's staff
 * and public pages are drawn again, and the action learns the locality's slug (from the form) and the verb's answer.
 */
export async function runFormVerb<T>(
  formData: FormData,
  verb: FormVerb<T>,
  input: unknown = formDataToObject(formData),
): Promise<{ ok: true; slug: string; data: T } | ActionFailure> {
  const result = await runAction((ctx) => verb(ctx, input));
  if (!result.ok) return result;
  const slug = localitySlugOf(formData);
  revalidateLocality(slug);
  return { ok: true, slug, data: result.data };
}

/** `runFormVerb`, then on to the page `next` names: the record, or the list with a word about what was done. */
export async function saveThenGo<T>(formData: FormData, verb: FormVerb<T>, next: (slug: string, data: T) => string): Promise<ActionFailure> {
  const done = await runFormVerb(formData, verb);
  if (!done.ok) return done;
  redirect(next(done.slug, done.data));
}
