import { sourceAliasMatcher } from './source-names';
import { CATEGORY_NAMES, UNCLASSIFIED_NAMES, looseName, type CategoryName } from '@/db/reference/category-names';

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
  /** The framework's "Other / not yet classified"; when absent, a category keyed `unclassified` is taken as it. */
  unclassified?: boolean;
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

/** How a written name found its category; the preview shows it ("OUD Treatment" → Exhibit E B-A, by synonym). */
export type MatchedBy = 'key' | 'label' | 'synonym' | 'list-number' | 'unclassified';

export type CategoryResolution =
  | {
      ok: true;
      categoryId: number;
      label: string;
      matchedBy: MatchedBy;
      frameworkKey: string;
      frameworkName: string;
      /** The category's key in its framework. */
      key: string;
    }
  | {
      ok: false;
      reason: string;
      /** For a name several frameworks share: each category it could mean, as `framework/key`. */
      candidates?: string[];
    };

export interface CategoryResolver {
  /**
   * A category by name or key. `preferredFramework` (a framework key, e.g. from `preferredFrameworkOf`) settles a
   * name that several frameworks share; without one, only categories the crosswalk reports alike are settled.
   */
  (nameOrKey: string, preferredFramework?: string | null): CategoryResolution;
  /** "Other / not yet classified" of the preferred framework, else health-first's, else the first there is. */
  unclassifiedCategory(preferredFramework?: string | null): CategoryResolution;
  /** The frameworks of every category the name could mean, before any preference: one entry when unambiguous. */
  frameworksOf(nameOrKey: string): string[];
}

/** Case, surrounding and repeated spaces, and typographic variants (NFKC) do not distinguish two names. */
export function foldName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

// "A. Naloxone …", "7. Naloxone distribution", "B) …", "(8) Post-overdose …": the marker official lists put before a
// name. When the rest matches, the marker is ignored: county resolutions renumber the strategies they fund.
const LIST_MARKER = /^\s*(?:\(\s*(?:[a-z]|\d{1,2})\s*\)|(?:[a-z]|\d{1,2})[.)])\s*/i;
// "Schedule B, C: Connections to care", "Strategy 8 - Post-overdose response team": a list reference, then a name.
const REFERENCE_AND_NAME = /^(.+?)\s*(?::|\s[-\u2013\u2014]\s)\s*(.+)$/;

const HEALTH_FIRST = 'health-first';
const UNCLASSIFIED_WORDS = new Set(UNCLASSIFIED_NAMES.map(looseName));

function addTo<T>(index: Map<string, Map<number, T>>, name: string, id: number, value: T): void {
  if (name === '') return;
  let ids = index.get(name);
  if (!ids) index.set(name, (ids = new Map()));
  if (!ids.has(id)) ids.set(id, value);
}

/** Candidate category ids for a name, each with how it matched; the first step that finds any decides. */
type Candidates = Map<number, MatchedBy>;

/**
 * Resolves a category cell part ("moud", "Naloxone distribution and training", "OUD Treatment", "B-C",
 * "nc-high-impact/naloxone", "Other") to a category of ANY framework the locality uses, and keeps that category: the
 * public pages report it in the health-first framework through the crosswalk.
 *
 * Tried in order, the first step that finds anything decides:
 *  1. `framework/key`, which is never ambiguous;
 *  2. a key or label exactly as written; then ignoring case and spacing;
 *  3. a label ignoring punctuation and its list marker ("Naloxone distribution" for "7. Naloxone distribution");
 *  4. "Other", "N/A", "TBD" …: the framework's "Other / not yet classified", never a guessed category;
 *  5. the names real reports use (db/reference/category-names), for the shipped frameworks only: synonyms
 *     ("Connections to Care", "PORT") and list numbers ("B-C", "Strategy 8");
 *  6. a list reference followed by a name ("Schedule B, C: Connections to care"): the reference decides, and a name
 *     that means another category is refused rather than guessed.
 * When a step finds categories of several frameworks under one name ("Harm Reduction" is Exhibit E's approved use H,
 * North Carolina's syringe programs and health-first's naloxone), the preferred framework's is taken. Without a
 * preference the crosswalk decides whether that matters: if each maps to the others and all map to the same category
 * of every other framework, they are the same thing in every report Abate makes, and the one of the framework listed
 * first (Abate's health-first list) is taken. Otherwise the name is refused with the candidates, written the way that
 * picks one: guessing would put money in a column of a report the locality did not mean.
 */
export function createCategoryResolver(
  options: readonly CategoryOption[],
  crosswalk: readonly CrosswalkLink[] = [],
  reportNames: Readonly<Record<string, readonly CategoryName[]>> = CATEGORY_NAMES,
): CategoryResolver {
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
  const exact = new Map<string, Map<number, MatchedBy>>();
  const folded = new Map<string, Map<number, MatchedBy>>();
  const loose = new Map<string, Map<number, MatchedBy>>();
  const synonyms = new Map<string, Map<number, MatchedBy>>();
  const unclassified: CategoryOption[] = [];
  const optionByKey = new Map<string, CategoryOption>();
  for (const option of options) {
    optionByKey.set(`${option.frameworkKey}/${option.key}`, option);
    qualified.set(foldName(`${option.frameworkKey}/${option.key}`), option.id);
    addTo(exact, option.key, option.id, 'key');
    addTo(exact, option.label, option.id, 'label');
    addTo(folded, foldName(option.key), option.id, 'key');
    addTo(folded, foldName(option.label), option.id, 'label');
    addTo(loose, looseName(option.label), option.id, 'label');
    addTo(loose, looseName(option.label.replace(LIST_MARKER, '')), option.id, 'label');
    if (option.unclassified ?? option.key === 'unclassified') unclassified.push(option);
  }
  for (const [frameworkKey, entries] of Object.entries(reportNames)) {
    for (const entry of entries) {
      const option = optionByKey.get(`${frameworkKey}/${entry.key}`);
      if (option) addTo(synonyms, looseName(entry.name), option.id, entry.kind === 'list-number' ? 'list-number' : 'synonym');
    }
  }
  const hints = new HintIndex(options, reportNames, optionByKey);

  const describe = (option: CategoryOption): string => `${option.frameworkKey}/${option.key} ("${option.label}")`;
  const matched = (option: CategoryOption, matchedBy: MatchedBy): CategoryResolution => ({
    ok: true,
    categoryId: option.id,
    label: option.label,
    matchedBy,
    frameworkKey: option.frameworkKey,
    frameworkName: option.frameworkName,
    key: option.key,
  });

  const unclassifiedOf = (preferredFramework?: string | null, written = ''): CategoryResolution => {
    const option =
      unclassified.find((candidate) => candidate.frameworkKey === preferredFramework) ??
      unclassified.find((candidate) => candidate.frameworkKey === HEALTH_FIRST) ??
      unclassified[0];
    if (!option) {
      return {
        ok: false,
        reason:
          (written === '' ? 'category is blank' : `category "${written}" says the line is not classified yet`) +
          ', and there is no "Other / not yet classified" category to put it in; write the category it belongs to',
      };
    }
    return matched(option, 'unclassified');
  };

  /** Steps 1–5, in order: the candidates of each step that finds any ('unclassified' for step 4). */
  const lookUpSteps = (name: string): Array<Candidates | 'unclassified'> => {
    const key = foldName(name);
    const qualifiedId = qualified.get(key);
    if (qualifiedId !== undefined) return [new Map([[qualifiedId, 'key']])];
    const unmarked = looseName(name.replace(LIST_MARKER, ''));
    const steps: Array<Candidates | 'unclassified' | undefined> = [
      exact.get(name) ?? folded.get(key),
      loose.get(looseName(name)) ?? loose.get(unmarked),
      UNCLASSIFIED_WORDS.has(looseName(name)) ? 'unclassified' : undefined,
      synonyms.get(looseName(name)) ?? synonyms.get(unmarked),
    ];
    return steps.filter((step) => step !== undefined);
  };
  /** The first step that finds anything decides, when no preference does. */
  const lookUp = (name: string): Candidates | 'unclassified' | null => lookUpSteps(name)[0] ?? null;

  /** Step 6: "Schedule B, C: Connections to care". */
  const lookUpReference = (name: string): Candidates | { conflict: string } | null => {
    const parts = REFERENCE_AND_NAME.exec(name);
    if (!parts) return null;
    const reference = lookUp(parts[1]!);
    if (reference === null || reference === 'unclassified') return null;
    const rest = lookUp(parts[2]!);
    if (rest === null || rest === 'unclassified') return reference;
    const both = new Map([...reference].filter(([id]) => rest.has(id)));
    if (both.size > 0) return both;
    const says = (ids: Candidates) => [...ids.keys()].map((id) => describe(byId.get(id)!)).join(' or ');
    return {
      conflict:
        `category "${name}" names two different categories: "${parts[1]}" is ${says(reference)}, ` +
        `but "${parts[2]}" is ${says(rest)}; write one of them`,
    };
  };

  const decide = (candidates: Candidates, name: string, preferred: string | null): CategoryResolution => {
    const sorted = [...candidates.keys()]
      .map((id) => byId.get(id))
      .filter((option) => option !== undefined)
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const [first] = sorted;
    if (!first) return unknownCategory(name, hints);
    const inPreferred = sorted.filter((option) => option.frameworkKey === preferred);
    const chosen =
      sorted.length === 1
        ? first
        : inPreferred.length === 1
          ? inPreferred[0]!
          : sorted.every((other) => other === first || interchangeable(first, other))
            ? first
            : null;
    if (chosen) return matched(chosen, candidates.get(chosen.id)!);
    const named = sorted.map(describe);
    return {
      ok: false,
      reason:
        `category "${name}" is ambiguous: it names ${named.join(' and ')}, which are reported differently; ` +
        `write the one you mean as framework/key, like ${sorted[0]!.frameworkKey}/${sorted[0]!.key}`,
      candidates: sorted.map((option) => `${option.frameworkKey}/${option.key}`),
    };
  };

  /**
   * With a preferred framework, a later step that finds exactly one of its categories wins over an earlier step that
   * found only other frameworks' ("Naloxone" in an Exhibit E file is core strategy A, not health-first's `naloxone`
   * key). The crosswalk reports such pairs alike, so this changes which list keeps the line, not what it is.
   */
  const preferredAmongSteps = (name: string, preferred: string): CategoryResolution | null => {
    for (const step of lookUpSteps(name)) {
      if (step === 'unclassified') continue;
      const ids = [...step.keys()].filter((id) => byId.get(id)?.frameworkKey === preferred);
      if (ids.length === 1) return matched(byId.get(ids[0]!)!, step.get(ids[0]!)!);
      if (ids.length > 1) return null;
    }
    return null;
  };

  const frameworksOfCandidates = (name: string): string[] => {
    const trimmed = name.trim();
    if (trimmed === '') return [];
    const found = lookUp(trimmed) ?? lookUpReference(trimmed);
    if (found === null) return [];
    if (found === 'unclassified') return [...new Set(unclassified.map((option) => option.frameworkKey))];
    if (!(found instanceof Map)) return [];
    const ids = [...found.keys()];
    return [...new Set(ids.map((id) => byId.get(id)?.frameworkKey).filter((key) => key !== undefined))];
  };

  const memo = new Map<string, CategoryResolution>();
  const resolve = (nameOrKey: string, preferredFramework?: string | null): CategoryResolution => {
    const preferred = preferredFramework && frameworks.includes(preferredFramework) ? preferredFramework : null;
    const memoKey = `${preferred ?? ''}\u0000${nameOrKey}`;
    const cached = memo.get(memoKey);
    if (cached) return cached;
    const name = nameOrKey.trim();
    let result: CategoryResolution;
    if (name === '') {
      result = unclassifiedOf(preferred);
    } else {
      const found = lookUp(name) ?? lookUpReference(name);
      const inPreferred = preferred === null ? null : preferredAmongSteps(name, preferred);
      if (inPreferred) result = inPreferred;
      else if (found === 'unclassified') result = unclassifiedOf(preferred, name);
      else if (found === null) result = unknownCategory(name, hints);
      else if (!(found instanceof Map)) result = { ok: false, reason: found.conflict };
      else result = decide(found, name, preferred);
    }
    memo.set(memoKey, result);
    return result;
  };
  return Object.assign(resolve, { unclassifiedCategory: unclassifiedOf, frameworksOf: frameworksOfCandidates });
}

/**
 * The framework a file (or a row) is written in: the one its unambiguous category names resolve to most often, each
 * name counted as often as it is given. Names several frameworks share ("Harm Reduction", "Other") and unknown names
 * do not count. Null when no name counts or two frameworks tie.
 *
 * Pass every category name of the file, one entry per name as written in each row (split multi-category cells into
 * their names first), and pass the result as `preferredFramework` for every row.
 */
export function preferredFrameworkOf(
  resolver: CategoryResolver | ((nameOrKey: string) => CategoryResolution),
  names: readonly string[],
): string | null {
  // A file of 200,000 rows names a dozen categories: each distinct name is resolved once and counted as often as
  // it is given (resolving every one took about half a second, on the server's thread).
  const given = new Map<string, number>();
  for (const name of names) given.set(name, (given.get(name) ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const [name, times] of given) {
    if (name.trim() === '') continue;
    let framework: string | undefined;
    if ('frameworksOf' in resolver) {
      const found = resolver.frameworksOf(name);
      framework = found.length === 1 ? found[0] : undefined;
    } else {
      const resolved = resolver(name);
      framework = resolved.ok && resolved.matchedBy !== 'unclassified' ? resolved.frameworkKey : undefined;
    }
    if (framework !== undefined) counts.set(framework, (counts.get(framework) ?? 0) + times);
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return first && (!second || second[1] < first[1]) ? first[0] : null;
}

/**
 * "Other / not yet classified" for a blank category cell: the preferred framework's, else health-first's. Takes the
 * resolver (or the category options it was built from).
 */
export function unclassifiedCategory(
  resolverOrOptions: CategoryResolver | readonly CategoryOption[],
  preferredFramework?: string | null,
): CategoryResolution {
  const resolver = Array.isArray(resolverOrOptions)
    ? createCategoryResolver(resolverOrOptions as readonly CategoryOption[])
    : (resolverOrOptions as CategoryResolver);
  return resolver.unclassifiedCategory(preferredFramework);
}

// ---------------------------------------------------------------------------------------------------------------
// Hints for an unknown name: the closest real names, never an unrelated one.

const STOP_WORDS = new Set([
  'a', 'an', 'and', 'or', 'of', 'the', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'who', 'their', 'they',
  'including', 'incl', 'etc', 'all', 'any',
]);
// Words that count against a name but never make a match on their own: "Other" is not "A. Naloxone or other
// FDA-approved drug …", and "opioid" is in half the labels.
const WEAK_WORDS = new Set(['other', 'others', 'opioid', 'opioids']);

function tokensOf(text: string): string[] {
  return looseName(text)
    .split(' ')
    .filter((token) => token.length > 1 && !STOP_WORDS.has(token) && !/^\d+$/.test(token));
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Two words are the same word misspelt: one or two letters apart in a long word, or one is the other's stem. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  if (shorter >= 5 && (a.startsWith(b) || b.startsWith(a))) return true;
  // Two letters only in long words: "reduction" and "education" are two apart and unrelated.
  const allowed = Math.max(a.length, b.length) >= 10 ? 2 : 1;
  return editDistance(a, b, allowed) <= allowed;
}

interface HintEntry {
  text: string;
  tokens: string[];
  option: CategoryOption;
  /** The report name this entry is, when it is not the category's own key or label. */
  synonym: string | null;
}

class HintIndex {
  private readonly entries: HintEntry[] = [];
  private readonly documentFrequency = new Map<string, number>();

  constructor(
    options: readonly CategoryOption[],
    reportNames: Readonly<Record<string, readonly CategoryName[]>>,
    optionByKey: ReadonlyMap<string, CategoryOption>,
  ) {
    for (const option of options) {
      this.add(option.key.replace(/-/g, ' '), option, null);
      this.add(option.label.replace(LIST_MARKER, ''), option, null);
    }
    for (const [frameworkKey, entries] of Object.entries(reportNames)) {
      for (const entry of entries) {
        const option = optionByKey.get(`${frameworkKey}/${entry.key}`);
        // Letters and numbers are not names a typo comes close to.
        if (option && entry.kind === 'name') this.add(entry.name, option, entry.name);
      }
    }
    for (const entry of this.entries) {
      for (const token of new Set(entry.tokens)) {
        this.documentFrequency.set(token, (this.documentFrequency.get(token) ?? 0) + 1);
      }
    }
  }

  private add(text: string, option: CategoryOption, synonym: string | null): void {
    this.entries.push({ text: looseName(text), tokens: tokensOf(text), option, synonym });
  }

  /** Rare words weigh more: "opioid" is in half the labels, "connections" in one. */
  private weight(token: string): number {
    const frequency = this.documentFrequency.get(token) ?? 0;
    return Math.log(1 + this.entries.length / (1 + frequency));
  }

  /** Up to three names close to `name`: as a whole (a typo), or by most of its meaningful words. */
  closest(name: string): string[] {
    const text = looseName(name);
    const wanted = tokensOf(name);
    const wantedWeight = wanted.reduce((sum, token) => sum + this.weight(token), 0);
    const best = new Map<number, { score: number; whole: number; entry: HintEntry }>();
    for (const entry of this.entries) {
      const longest = Math.max(text.length, entry.text.length);
      const whole = longest === 0 ? 0 : 1 - editDistance(text, entry.text, Math.ceil(longest / 3)) / longest;
      let words = 0;
      if (wantedWeight > 0) {
        const covered = wanted.filter((token) => entry.tokens.some((other) => sameWord(token, other)));
        if (covered.some((token) => !WEAK_WORDS.has(token))) {
          words = covered.reduce((sum, token) => sum + this.weight(token), 0) / wantedWeight;
        }
      }
      const score = Math.max(whole, words);
      const previous = best.get(entry.option.id);
      if (!previous || score > previous.score || (score === previous.score && whole > previous.whole)) {
        best.set(entry.option.id, { score, whole, entry });
      }
    }
    const ranked = [...best.values()]
      .filter(({ score }) => score >= 0.75)
      .sort((a, b) => b.score - a.score || b.whole - a.whole);
    const top = ranked[0]?.score ?? 0;
    return ranked
      .filter(({ score }) => score >= top - 0.2)
      .slice(0, 3)
      .map(({ entry }) => {
        const { option } = entry;
        return entry.synonym === null
          ? `${option.frameworkKey}/${option.key} ("${option.label}")`
          : `"${entry.synonym}" (${option.frameworkKey}/${option.key})`;
      });
  }
}

function unknownCategory(name: string, hints: HintIndex): CategoryResolution {
  const suggestions = hints.closest(name);
  return {
    ok: false,
    reason:
      `unknown category "${name}"` +
      (suggestions.length > 0
        ? `; did you mean ${suggestions.join(' or ')}?`
        : '; use a category key or name from any framework, like moud, core-a or "Naloxone distribution and ' +
          'training", or "Other" for a line not classified yet'),
  };
}

/** A funding source by key or name, exactly, then ignoring case and spacing; null when none or several match. */
export function createSourceResolver(options: readonly SourceOption[]): (nameOrKey: string) => number | null {
  const exact = new Map<string, Map<number, true>>();
  const folded = new Map<string, Map<number, true>>();
  for (const option of options) {
    addTo(exact, option.key, option.id, true);
    addTo(exact, option.name, option.id, true);
    addTo(folded, foldName(option.key), option.id, true);
    addTo(folded, foldName(option.name), option.id, true);
  }
  const one = (ids: Map<number, true> | undefined): number | null => (ids?.size === 1 ? [...ids.keys()][0]! : null);
  const byAlias = sourceAliasMatcher(options);
  const memo = new Map<string, number | null>();
  return (nameOrKey: string): number | null => {
    if (memo.has(nameOrKey)) return memo.get(nameOrKey) ?? null;
    const name = nameOrKey.trim();
    // Then the names ledgers use for each source ("Distributors", "J & J"), folded: see source-names.ts.
    const id = one(exact.get(name)) ?? one(folded.get(foldName(name))) ?? byAlias(name);
    memo.set(nameOrKey, id);
    return id;
  };
}
