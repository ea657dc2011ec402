/** Ranking names by how close they are to one a person wrote, for "did you mean" hints. */

/** Edit distance between two strings (Levenshtein). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * 0 when one folded name contains the other (at least 3 characters), otherwise the edit distance relative to the
 * longer name's length: 0 is the same, 1 is nothing alike.
 */
export function nameDistance(wanted: string, candidate: string): number {
  if (wanted.length >= 3 && candidate.length >= 3 && (candidate.includes(wanted) || wanted.includes(candidate))) return 0;
  return editDistance(wanted, candidate) / Math.max(wanted.length, candidate.length, 1);
}

/** "A", "A or B", "A, B or C", each quoted. */
export function quotedList(names: readonly string[]): string {
  const list = names.map((name) => `"${name}"`);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : (list[0] ?? '');
}
