import { describe, expect, it } from 'vitest';
import { createCategoryResolver, createSourceResolver, type CategoryOption } from './import-resolvers';

const CATEGORIES: CategoryOption[] = [
  { id: 1, key: 'naloxone', label: 'Naloxone distribution and training', frameworkKey: 'health-first', frameworkName: 'Health first' },
  { id: 2, key: 'moud', label: 'Medications for opioid use disorder', frameworkKey: 'health-first', frameworkName: 'Health first' },
  { id: 3, key: 'naloxone', label: '7. Naloxone distribution', frameworkKey: 'nc-high-impact', frameworkName: 'NC' },
  { id: 4, key: 'core-a', label: 'A. Naloxone or other FDA-approved drug to reverse opioid overdoses', frameworkKey: 'exhibit-e', frameworkName: 'Exhibit E' },
  { id: 5, key: 'use-a', label: 'A. Treat opioid use disorder (OUD)', frameworkKey: 'exhibit-e', frameworkName: 'Exhibit E' },
];

describe('category names in an import', () => {
  const resolve = createCategoryResolver(CATEGORIES, [
    // health-first naloxone and NC naloxone are reported as each other, and both as Exhibit E core-a.
    { fromId: 1, toId: 3, toFrameworkKey: 'nc-high-impact' },
    { fromId: 3, toId: 1, toFrameworkKey: 'health-first' },
    { fromId: 1, toId: 4, toFrameworkKey: 'exhibit-e' },
    { fromId: 3, toId: 4, toFrameworkKey: 'exhibit-e' },
  ]);
  const id = (name: string) => {
    const result = resolve(name);
    return result.ok ? result.categoryId : result.reason;
  };

  it('finds a key or a label exactly, then ignoring case and spacing', () => {
    expect(id('moud')).toBe(2);
    expect(id('Medications for opioid use disorder')).toBe(2);
    expect(id('  medications  FOR opioid use disorder ')).toBe(2);
    expect(id('MOUD')).toBe(2);
    expect(id('A. Treat opioid use disorder (OUD)')).toBe(5);
  });

  it('finds an official label without its list marker', () => {
    expect(id('Naloxone distribution')).toBe(3);
    expect(id('Treat opioid use disorder (OUD)')).toBe(5);
  });

  it('takes the first framework\'s category when the crosswalk reports two of one name alike', () => {
    expect(id('naloxone')).toBe(1);
    expect(id('nc-high-impact/naloxone')).toBe(3);
    expect(id('Health-First/Naloxone')).toBe(1);
  });

  it('refuses a name two frameworks share when they are reported differently, listing both as framework/key', () => {
    const strict = createCategoryResolver(CATEGORIES, [
      { fromId: 1, toId: 3, toFrameworkKey: 'nc-high-impact' },
      { fromId: 3, toId: 1, toFrameworkKey: 'health-first' },
      { fromId: 1, toId: 4, toFrameworkKey: 'exhibit-e' },
      { fromId: 3, toId: 5, toFrameworkKey: 'exhibit-e' },
    ]);
    const result = strict('naloxone');
    expect(result.ok ? result.categoryId : result.reason).toMatch(
      /^category "naloxone" is ambiguous: it names health-first\/naloxone \("Naloxone distribution and training"\) and nc-high-impact\/naloxone .*write the one you mean as framework\/key, like health-first\/naloxone$/,
    );
    expect(createCategoryResolver(CATEGORIES)('naloxone').ok).toBe(false);
  });

  it('suggests close names for an unknown one', () => {
    expect(id('opioid overdoses')).toMatch(/^unknown category "opioid overdoses"; did you mean exhibit-e\/core-a/);
    expect(id('xyz')).toMatch(/^unknown category "xyz"; use a category key or name/);
  });
});

describe('funding sources in an import', () => {
  const resolve = createSourceResolver([
    { id: 10, key: 'teva', name: 'Teva settlement' },
    { id: 11, key: 'sor-grant', name: 'State Opioid Response grant' },
  ]);
  it('finds a key or a name, case-insensitively; null when unknown', () => {
    expect(resolve('teva')).toBe(10);
    expect(resolve('TEVA')).toBe(10);
    expect(resolve('state opioid response GRANT')).toBe(11);
    expect(resolve('Purdue')).toBeNull();
  });
});
