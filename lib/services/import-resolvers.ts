import type { ImportContext } from '@/lib/import';

/**
 * Category and funding-source names as budget staff write them → ids, for the import. Pure: built from rows the
 * caller loaded once, so a 100,000-row file costs map lookups, not queries.
 */

export interface CategoryOption {
  id: number;
  key: string;
  label: string;
  frameworkKey: string;
  frameworkName: string;
}

/** One crosswalk row: `fromId` is reported as `toId` in the framework `toFrameworkKey`. */
export interface CrosswalkLink {
  fromId: number;
  toId: number;
  toFrameworkKey: string;
}

export interface SourceOption {
  id: number;
  key: string;
  name: string;
}

type CategoryResolution = ReturnType<ImportContext['resolveCategory']>;

/** Case, surrounding and repeated spaces, and typographic variants (NFKC) do not distinguish two names. */
export function foldName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

// "A. Naloxone …", "7. Naloxone distribution", "B) …": the list marker official lists put before a name.
const LIST_MARKER = /^\s*(?:[a-z]|\d{1,2})[.)]\s+/i;

function addTo(index: Map<string, Set<number>>, name: string, id: number): void {
  if (name === '') return;
  let ids = index.get(name);
  if (!ids) index.set(name, (ids = new Set()));
  ids.add(id);
}

/**
 * Resolves a category cell part ("moud", "Naloxone distribution and training", "A. Naloxone or other FDA-approved
 * drug …", "nc-high-impact/naloxone") to a category of ANY framework the locality uses, and keeps that category: the
 * public pages report it in the health-first framework through the crosswalk.
 *
 * Tried in order, the first step that finds anything decides:
 *  1. `framework/key`, which is never ambiguous;
 *  2. a key or label exactly as written;
 *  3. the same, ignoring case and spacing;
 *  4. a label without its list marker ("Naloxone distribution" for "7. Naloxone distribution").
 * When a step finds categories of two frameworks under one name (the health-first framework and North Carolina's
 * list both have a `naloxone`), the crosswalk decides whether that matters. If each maps to the other and both map
 * to the same category of every other framework, they are the same thing in every report Abate makes, and the one
 * of the framework listed first (Abate's health-first list) is taken. Otherwise (`recovery-support` is Exhibit E's
 * "use-b" in one list and "core-e" in the other) the name is refused with the candidates, written the way that
 * picks one: guessing would put money in a column of a report the locality did not mean.
 */
export function createCategoryResolver(
  options: readonly CategoryOption[],
  crosswalk: readonly CrosswalkLink[] = [],
): ImportContext['resolveCategory'] {
  const byId = new Map(options.map((option) => [option.id, option]));
  const order = new Map(options.map((option, index) => [option.id, index]));
  const reportedAs = new Map<number, Map<string, number>>();
  for (const link of crosswalk) {
    let targets = reportedAs.get(link.fromId);
    if (!targets) reportedAs.set(link.fromId, (targets = new Map()));
    targets.set(link.toFrameworkKey, link.toId);
  }
  const frameworks = [...new Set(options.map((option) => option.frameworkKey))];
  /** Both are reported as each other, and as the same category (or as nothing) in every other framework. */
  const interchangeable = (a: CategoryOption, b: CategoryOption): boolean => {
    if (a.frameworkKey === b.frameworkKey) return false;
    const fromA = reportedAs.get(a.id);
    const fromB = reportedAs.get(b.id);
    if (!fromA || !fromB || fromA.get(b.frameworkKey) !== b.id || fromB.get(a.frameworkKey) !== a.id) return false;
    return frameworks
      .filter((key) => key !== a.frameworkKey && key !== b.frameworkKey)
      .every((key) => fromA.get(key) === fromB.get(key));
  };
  const qualified = new Map<string, number>();
  const exact = new Map<string, Set<number>>();
  const folded = new Map<string, Set<number>>();
  const unmarked = new Map<string, Set<number>>();
  for (const option of options) {
    qualified.set(foldName(`${option.frameworkKey}/${option.key}`), option.id);
    addTo(exact, option.key, option.id);
    addTo(exact, option.label, option.id);
    addTo(folded, foldName(option.key), option.id);
    addTo(folded, foldName(option.label), option.id);
    addTo(unmarked, foldName(option.label.replace(LIST_MARKER, '')), option.id);
  }

  const describe = (id: number): string => {
    const option = byId.get(id);
    return option ? `${option.frameworkKey}/${option.key} ("${option.label}")` : String(id);
  };
  const found = (ids: Set<number> | undefined, name: string): CategoryResolution | null => {
    if (!ids || ids.size === 0) return null;
    const candidates = [...ids].map((id) => byId.get(id)).filter((option) => option !== undefined);
    candidates.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const [first] = candidates;
    if (first && candidates.every((other) => other === first || interchangeable(first, other))) {
      return { ok: true, categoryId: first.id, label: first.label };
    }
    const named = candidates.map((option) => describe(option.id));
    return {
      ok: false,
      reason:
        `category "${name}" is ambiguous: it names ${named.join(' and ')}, which are reported differently; ` +
        `write the one you mean as framework/key, like ${named[0]?.split(' ')[0] ?? 'health-first/moud'}`,
    };
  };

  const memo = new Map<string, CategoryResolution>();
  return (nameOrKey: string): CategoryResolution => {
    const cached = memo.get(nameOrKey);
    if (cached) return cached;
    const name = nameOrKey.trim();
    const key = foldName(name);
    const qualifiedId = qualified.get(key);
    const result =
      (qualifiedId !== undefined ? found(new Set([qualifiedId]), name) : null) ??
      found(exact.get(name), name) ??
      found(folded.get(key), name) ??
      found(unmarked.get(foldName(name.replace(LIST_MARKER, ''))), name) ??
      unknownCategory(name, options);
    memo.set(nameOrKey, result);
    return result;
  };
}

function unknownCategory(name: string, options: readonly CategoryOption[]): CategoryResolution {
  const wanted = foldName(name);
  const suggestions =
    wanted.length >= 3
      ? options
          .filter((option) => foldName(option.label).includes(wanted) || foldName(option.key).includes(wanted))
          .slice(0, 3)
          .map((option) => `${option.frameworkKey}/${option.key} ("${option.label}")`)
      : [];
  return {
    ok: false,
    reason:
      `unknown category "${name}"` +
      (suggestions.length > 0
        ? `; did you mean ${suggestions.join(' or ')}?`
        : '; use a category key or name from any framework, like moud, core-a or "Naloxone distribution and training"'),
  };
}

/** A funding source by key or name, exactly, then ignoring case and spacing; null when none or several match. */
export function createSourceResolver(options: readonly SourceOption[]): ImportContext['resolveSource'] {
  const exact = new Map<string, Set<number>>();
  const folded = new Map<string, Set<number>>();
  for (const option of options) {
    addTo(exact, option.key, option.id);
    addTo(exact, option.name, option.id);
    addTo(folded, foldName(option.key), option.id);
    addTo(folded, foldName(option.name), option.id);
  }
  const one = (ids: Set<number> | undefined): number | null => (ids?.size === 1 ? [...ids][0]! : null);
  const memo = new Map<string, number | null>();
  return (nameOrKey: string): number | null => {
    if (memo.has(nameOrKey)) return memo.get(nameOrKey) ?? null;
    const name = nameOrKey.trim();
    const id = one(exact.get(name)) ?? one(folded.get(foldName(name)));
    memo.set(nameOrKey, id);
    return id;
  };
}
