import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../frameworks';
import { CATEGORY_NAMES, NAME_SOURCES, UNCLASSIFIED_NAMES, looseName } from './index';

describe('names real reports use for the shipped categories', () => {
  it('has a list for every shipped framework and none for another', () => {
    expect(Object.keys(CATEGORY_NAMES).sort()).toEqual(FRAMEWORKS.map((f) => f.key).sort());
  });

  it.each(FRAMEWORKS.map((f) => [f.key, f] as const))('%s: every name is of a real category, and means one category', (_k, f) => {
    const keys = new Set(f.categories.map((c) => c.key));
    const meaning = new Map<string, string>();
    for (const entry of CATEGORY_NAMES[f.key]!) {
      expect(keys.has(entry.key), `${entry.name} → ${entry.key}`).toBe(true);
      expect(entry.key, `${entry.name}: "Other" is matched by UNCLASSIFIED_NAMES, not named`).not.toBe('unclassified');
      expect(entry.source in NAME_SOURCES, entry.name).toBe(true);
      const loose = looseName(entry.name);
      expect(loose, entry.name).not.toBe('');
      expect(UNCLASSIFIED_NAMES.map(looseName), entry.name).not.toContain(loose);
      const before = meaning.get(loose);
      expect(before ?? entry.key, `"${entry.name}" means both ${before} and ${entry.key}`).toBe(entry.key);
      meaning.set(loose, entry.key);
    }
  });

  it('cites every source it lists, each with where the names were seen', () => {
    const used = new Set(Object.values(CATEGORY_NAMES).flatMap((list) => list.map((e) => e.source)));
    expect([...used].sort()).toEqual(Object.keys(NAME_SOURCES).sort());
    for (const source of Object.values(NAME_SOURCES)) expect(source.seenAt.length).toBeGreaterThan(0);
  });

  it('compares names ignoring case, punctuation and spacing, as reports vary them', () => {
    expect(looseName('Schedule B, C')).toBe(looseName('schedule b-c'));
    expect(looseName('B.C')).toBe(looseName('B-C'));
    expect(looseName('Address the Needs of Criminal-Justice-Involved Persons')).toBe(
      looseName('Address the needs of criminal justice‑involved persons'),
    );
    expect(looseName('Pregnant & postpartum women')).toBe('pregnant and postpartum women');
    expect(looseName('N/A')).not.toBe(looseName('NAS'));
  });
});
