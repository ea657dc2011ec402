import { findFundingSource } from '@/db/reference/funding-sources';
import { nameDistance, quotedList } from '@/lib/import/closest-names';

/**
 * Funding-source names as ledgers write them ("Distributors", "Janssen (Johnson & Johnson)", "J & J", "Interest
 * earned") → the source, through the aliases the reference data keeps per source key (db/reference/funding-sources.ts).
 * Names are compared folded: case, spaces, accents and punctuation do not count, and "&" is "and", so "J & J", "J&J"
 * and "J and J" are one name. An unknown name is answered with the closest real names, never a guess.
 */

export interface NamedSource {
  id: number;
  key: string;
  name: string;
}

export function foldSourceName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Every name a source answers to: its key, its name and its aliases. */
export function sourceNamesOf(source: Pick<NamedSource, 'key' | 'name'>): string[] {
  return [source.key, source.name, ...(findFundingSource(source.key)?.aliases ?? [])];
}

/** A matcher by folded name or alias; null when no source, or more than one, answers to the name. */
export function sourceAliasMatcher(options: readonly NamedSource[]): (name: string) => number | null {
  const index = new Map<string, Set<number>>();
  for (const option of options) {
    for (const name of sourceNamesOf(option)) {
      const folded = foldSourceName(name);
      if (folded === '') continue;
      let ids = index.get(folded);
      if (!ids) index.set(folded, (ids = new Set()));
      ids.add(option.id);
    }
  }
  return (name) => {
    const ids = index.get(foldSourceName(name));
    return ids?.size === 1 ? [...ids][0]! : null;
  };
}

/**
 * The sources whose names (or aliases) are closest to `name`, best first, as their display names. A name that
 * contains, or is contained in, one of a source's names ranks first; then by edit distance relative to length.
 */
export function closestSourceNames(name: string, options: readonly NamedSource[], limit = 3): string[] {
  const wanted = foldSourceName(name);
  const scored = options.map((option) => {
    let best = Number.POSITIVE_INFINITY;
    for (const candidate of sourceNamesOf(option)) {
      const folded = foldSourceName(candidate);
      if (folded === '') continue;
      best = Math.min(best, nameDistance(wanted, folded));
    }
    return { name: option.name, score: best };
  });
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((entry) => entry.name);
}

/** The reason an unknown settlement name gives: the name as written and the closest real ones. */
export function unknownSourceReason(name: string, options: readonly NamedSource[]): string {
  const closest = closestSourceNames(name, options);
  const joined = quotedList(closest);
  return `unknown settlement or funding source "${name.trim()}"` + (joined ? `; the closest are ${joined}` : '');
}
