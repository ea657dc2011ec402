import { describe, expect, it } from 'vitest';
import { FUNDING_SOURCES } from '@/db/reference/funding-sources';
import { createSourceResolver } from './resolvers';
import { closestSourceNames, foldSourceName, unknownSourceReason } from './source-names';

const options = FUNDING_SOURCES.map((source, index) => ({ id: index + 1, key: source.key, name: source.name }));
const idOf = (key: string) => options.find((option) => option.key === key)!.id;

describe('funding-source names as ledgers write them', () => {
  const resolve = createSourceResolver(options);

  it.each([
    ['Distributors', 'distributors'],
    ['McKesson, Cardinal, AmerisourceBergen', 'distributors'],
    ['mckesson cardinal amerisourcebergen', 'distributors'],
    ['Janssen (Johnson & Johnson)', 'janssen'],
    ['J&J', 'janssen'],
    ['J & J', 'janssen'],
    ['J and J', 'janssen'],
    ['Teva', 'teva'],
    ['Interest earned', 'interest-earned'],
    ['INTEREST  EARNED', 'interest-earned'],
    ['teva', 'teva'],
  ])('"%s" is the %s source', (written, key) => {
    expect(resolve(written)).toBe(idOf(key));
  });

  it('folds case, spaces and punctuation, and reads & as "and"', () => {
    expect(foldSourceName('J & J')).toBe(foldSourceName('J&J'));
    expect(foldSourceName('Johnson & Johnson')).toBe(foldSourceName('johnson and johnson'));
  });

  it('an unknown name is no source, and its reason lists the closest real names', () => {
    expect(resolve('Distributers')).toBeNull();
    expect(closestSourceNames('Distributers', options)[0]).toBe(FUNDING_SOURCES.find((s) => s.key === 'distributors')!.name);
    expect(closestSourceNames('Walgreen', options)[0]).toBe('Walgreens settlement');
    expect(unknownSourceReason('Tevva', options)).toMatch(/^unknown settlement or funding source "Tevva"; the closest are "Teva settlement"/);
  });
});
