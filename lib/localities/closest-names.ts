/** Lowercase, without accents and punctuation, spaces collapsed: "Doña  Ana" and "dona ana" compare equal. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Levenshtein distance: how many letters to add, remove or change to turn one into the other. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The `limit` candidates nearest to `wanted` (compared folded), nearest first; a candidate that starts with what was
 * typed counts as nearest, so "Meck" finds "Mecklenburg". Ties keep the candidates' order. `fold` may drop more than
 * case and accents (a county's "County", which every candidate shares).
 */
export function closestNames(wanted: string, candidates: readonly string[], limit = 3, fold: (text: string) => string = foldName): string[] {
  const target = fold(wanted);
  return candidates
    .map((name, index) => {
      const folded = fold(name);
      const distance = target !== '' && folded.startsWith(target) ? 0 : editDistance(target, folded);
      return { name, index, distance };
    })
    .sort((x, y) => x.distance - y.distance || x.index - y.index)
    .slice(0, limit)
    .map((entry) => entry.name);
}
