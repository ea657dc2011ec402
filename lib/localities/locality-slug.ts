import { foldName } from './closest-names';

/** Longest slug base: findLocalityBySlug refuses slugs over 100 characters, and a "-2" suffix must still fit. */
const MAX_BASE = 80;

/**
 * The address of a locality's public pages: its name and state, e.g. "Orange County" in NC → "orange-county-nc".
 * It always ends in the state code, so it is never "all" (the open-data downloads' name for every locality).
 * Accents are dropped ("Doña Ana" → "dona-ana"); a name with no letters or digits gives the state code alone.
 */
export function localitySlug(name: string, stateCode: string): string {
  const base = foldName(name).replace(/ /g, '-').slice(0, MAX_BASE).replace(/-+$/, '');
  const state = foldName(stateCode).replace(/ /g, '');
  return base === '' ? state : `${base}-${state}`;
}

/** `slug`, or `slug-2`, `slug-3` … : the first that `taken` does not hold. */
export function firstFreeSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n += 1) {
    const candidate = `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
