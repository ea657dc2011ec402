import { notFound } from 'next/navigation';
import { requireSignedIn } from '@/app/_lib/require-staff';
import type { Actor } from '@/lib/auth/authorize';
import { countiesOfState } from '@/lib/localities/census-counties';
import { US_STATES } from '@/lib/localities/us-states';
import { LOCALITY_KIND_LABEL, LOCALITY_KINDS, MONTH_NAMES, type LocalityKind } from '@/lib/services/localities/input';
import { STAFF_HOME, type Crumb } from '../../_components/breadcrumbs';
import type { Option } from '../locality-form';

/** The pages above a locality's add and edit pages. */
export const LOCALITIES_TRAIL: readonly Crumb[] = [STAFF_HOME, { href: '/staff/localities', label: 'Localities' }];

/** The localities pages are for site administrators; anyone else finds nothing here. */
export async function requireSiteAdminPage(returnTo: string): Promise<Actor> {
  const actor = await requireSignedIn(returnTo);
  if (!actor.isSiteAdmin) notFound();
  return actor;
}

/** The states, plus `keep` (a demo locality's fictional state) when it is not one of them. */
export function stateOptions(keep?: string): Option[] {
  const options = US_STATES.map((state) => ({ value: state.code, label: `${state.name} (${state.code})` }));
  return keep && !options.some((option) => option.value === keep) ? [{ value: keep, label: keep }, ...options] : options;
}

/** The kinds a locality may be given, plus `keep` (a demo region) when editing one. */
export function kindOptions(keep?: LocalityKind): Option[] {
  const kinds: LocalityKind[] = [...LOCALITY_KINDS];
  if (keep && !kinds.includes(keep)) kinds.push(keep);
  return kinds.map((kind) => ({ value: kind, label: LOCALITY_KIND_LABEL[kind] }));
}

export function monthOptions(): Option[] {
  return MONTH_NAMES.map((name, index) => ({ value: String(index + 1), label: name }));
}

/** "Orange County (37135)", valued by FIPS code, for the county select. */
export function countyOptions(stateCode: string): Option[] {
  return countiesOfState(stateCode).map((county) => ({ value: county.fips, label: `${county.name} (${county.fips})` }));
}
