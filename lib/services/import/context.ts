import type { CategoryResolution, ImportContext } from '@/lib/import';
import type { ReferenceLookups } from './lookups';
import * as resolvers from './resolvers';

/**
 * The ImportContext every import kind parses with, built once per file from the reference data.
 *
 * The category resolver is being extended (a preferred framework for names two frameworks share,
 * `preferredFrameworkOf`, `unclassifiedCategory`); this module uses those when the resolver module has them and
 * otherwise falls back to what this module can do itself from the lookups, so the import works with either.
 */

type Resolve = (nameOrKey: string, preferredFramework?: string) => CategoryResolution;
type PreferredFrameworkOf = (resolver: Resolve, names: readonly string[]) => string | null;
type UnclassifiedOf = (preferredFramework?: string) => CategoryResolution;

export function importContextOf(reference: ReferenceLookups): ImportContext {
  const resolve = resolvers.createCategoryResolver(reference.categories, reference.crosswalk) as Resolve & {
    unclassifiedCategory?: UnclassifiedOf;
  };
  const exported = resolvers as unknown as Record<string, unknown>;
  const preferredOf = exported.preferredFrameworkOf as PreferredFrameworkOf | undefined;
  const exportedUnclassified = exported.unclassifiedCategory;

  return {
    fyStartMonth: reference.locality.fyStartMonth,
    resolveCategory: resolve,
    resolveSource: resolvers.createSourceResolver(reference.sources),
    preferredFrameworkOf: (names) =>
      typeof preferredOf === 'function' ? preferredOf(resolve, names) : fallbackPreferredFramework(reference, resolve, names),
    unclassifiedCategory: (preferred) => {
      if (typeof resolve.unclassifiedCategory === 'function') return resolve.unclassifiedCategory(preferred);
      // A module-level unclassifiedCategory takes the options it chooses from, like createCategoryResolver.
      if (typeof exportedUnclassified === 'function' && exportedUnclassified.length >= 2) {
        return (exportedUnclassified as (options: unknown, preferred?: string) => CategoryResolution)(
          reference.categories,
          preferred,
        );
      }
      return fallbackUnclassified(reference, preferred);
    },
  };
}

/** The framework most names resolve to, when one has more than any other. */
function fallbackPreferredFramework(reference: ReferenceLookups, resolve: Resolve, names: readonly string[]): string | null {
  const frameworkOf = new Map(reference.categories.map((option) => [option.id, option.frameworkKey]));
  const counts = new Map<string, number>();
  for (const name of names) {
    const resolved = resolve(name);
    if (!resolved.ok) continue;
    const framework = frameworkOf.get(resolved.categoryId);
    if (framework !== undefined) counts.set(framework, (counts.get(framework) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  return first && (!second || second[1] < first[1]) ? first[0] : null;
}

function fallbackUnclassified(reference: ReferenceLookups, preferred?: string): CategoryResolution {
  const category =
    reference.unclassified.find((candidate) => candidate.frameworkKey === preferred) ?? reference.unclassified[0];
  if (!category) {
    return {
      ok: false,
      reason:
        'category is missing, and this database has no "Other / not yet classified" category to put the line in; ' +
        'write a category',
    };
  }
  return { ok: true, categoryId: category.id, label: category.label, matchedBy: 'blank cell' };
}
