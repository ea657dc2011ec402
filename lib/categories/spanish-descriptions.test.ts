import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '@/db/reference/frameworks';
import { CATEGORY_TEXT_SPANISH, categoryDescription, categoryWhy } from './spanish-descriptions';

describe('what the category page says about a shipped category, in Spanish', () => {
  it('has a Spanish description for every shipped category, and a Spanish "why" exactly where the data has one', () => {
    const missing: string[] = [];
    for (const framework of FRAMEWORKS) {
      for (const category of framework.categories) {
        const spanish = CATEGORY_TEXT_SPANISH[framework.key]?.[category.key];
        const name = `${framework.key}/${category.key}`;
        if (!spanish?.description.trim() || spanish.description === category.description) missing.push(`${name} description`);
        if (category.why && (!spanish?.why?.trim() || spanish.why === category.why)) missing.push(`${name} why`);
        if (!category.why && spanish?.why !== undefined) missing.push(`${name} has a why the data does not`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names no framework or category that does not exist', () => {
    const known = new Set(FRAMEWORKS.flatMap((f) => f.categories.map((c) => `${f.key}/${c.key}`)));
    const extra = Object.entries(CATEGORY_TEXT_SPANISH).flatMap(([framework, categories]) =>
      Object.keys(categories).map((key) => `${framework}/${key}`).filter((name) => !known.has(name)),
    );
    expect(extra).toEqual([]);
  });

  it('gives English its own words, and a category without Spanish (a locality’s own) its own words too', () => {
    const moud = { key: 'moud', description: 'Methadone…', why: 'These medications…' };
    expect(categoryDescription('en', 'health-first', moud)).toBe('Methadone…');
    expect(categoryWhy('en', 'health-first', moud)).toBe('These medications…');
    expect(categoryDescription('es', 'health-first', moud)).toMatch(/^Metadona, buprenorfina y naltrexona/);
    expect(categoryWhy('es', 'health-first', { ...moud, why: null })).toBeNull();
    const own = { key: 'street-outreach', description: 'Our outreach van.', why: 'Because.' };
    expect(categoryDescription('es', 'alder-county-own', own)).toBe('Our outreach van.');
    expect(categoryWhy('es', 'alder-county-own', own)).toBe('Because.');
  });
});
