import type { NameSourceId } from './sources';

/**
 * One name a real report uses for a category of a framework Abate ships.
 * - `name`: as the report writes it; matching ignores case, punctuation and spacing (see `looseName`).
 * - `kind`: 'name' for a name or abbreviation ("Connections to Care", "PORT"); 'list-number' for a reference by the
 *   list's own letter or number ("B-C", "Strategy 8"), which the import reports as matched by list number.
 */
export interface CategoryName {
  name: string;
  key: string;
  kind: 'name' | 'list-number';
  source: NameSourceId;
}

/**
 * Names compare after this: NFKC, lower case, "&" as "and", every run of punctuation or space as one space.
 * "Schedule B, C", "Schedule B-C" and "schedule b.c" are one name; so are "Criminal Justice-Involved" and
 * "Criminal-Justice-Involved".
 */
export function looseName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Shorthand for the data files: several names of one category from one source. */
export function names(source: NameSourceId, key: string, written: readonly string[]): CategoryName[] {
  return written.map((name) => ({ name, key, kind: 'name', source }));
}
