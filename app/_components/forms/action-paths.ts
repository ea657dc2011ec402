import 'server-only';
import { revalidatePath } from 'next/cache';

/**
 * Where a money action sends the person afterwards. The slug and return path come from hidden form fields, so they
 * are checked to be paths inside this locality's staff pages and nothing else; they only choose where to go next —
 * who may change what is decided by the lib/ verb from the record itself.
 */
export function localitySlugOf(formData: FormData): string {
  const slug = formData.get('slug');
  return typeof slug === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? slug : '';
}

export function returnPathOf(formData: FormData, slug: string, fallback: string): string {
  const value = formData.get('returnTo');
  const base = `/staff/l/${slug}/`;
  if (typeof value === 'string' && value.startsWith(base) && /^[A-Za-z0-9/_?=&.-]*$/.test(value) && !value.includes('..')) return value;
  return fallback;
}

/** Staff pages show the change at once; the public pages of the locality too (approved lines, received money). */
export function revalidateLocality(slug: string): void {
  if (!slug) return;
  revalidatePath(`/staff/l/${slug}`, 'layout');
  revalidatePath(`/l/${slug}`);
  revalidatePath('/');
}

/** "fy=2025&" for the fiscal year a form carried in `field` (to go back to the same year), or "" when it has none. */
export function fiscalYearQueryOf(formData: FormData, field: string): string {
  const fy = formData.get(field);
  return typeof fy === 'string' && /^\d{4}$/.test(fy) ? `fy=${fy}&` : '';
}
