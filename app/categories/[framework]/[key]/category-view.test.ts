import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import type { PublicCategoryDetail } from '@/lib/data/public-categories';
import type { CategorySpending } from '@/lib/data/spending-by-category';
import { wordsFor } from '@/lib/i18n/testing';
import { categoryCounterparts, categoryLocalityRows, categorySummary, crosswalkNames, reportedFromOnly } from './category-view';

const spent = (key: string, allocatedCents: bigint, spentCents = 0n): CategorySpending => ({
  key,
  label: key,
  group: key,
  stance: 'recommended',
  allocatedCents,
  spentCents,
});

const localities = [
  { slug: 'alder', name: 'Alder County' },
  { slug: 'birch', name: 'Birch County' },
  { slug: 'cedar', name: 'Cedar County' },
];
// Alder puts $3,000 of $4,000 in treatment; Birch $1,000 of $1,000; Cedar allocated nothing.
const spending = [[spent('treatment', 300_000n, 100_000n), spent('prevention', 100_000n)], [spent('treatment', 100_000n, 50_000n)], []];

const en = wordsFor('en');
const es = wordsFor('es');

describe("a category's page, in words", () => {
  it("gives each locality its money for the category and the category's share of what it allocated", () => {
    const rows = categoryLocalityRows(localities, spending, { frameworkKey: 'jhu', key: 'treatment', fiscalYear: 2026, locale: 'en' });
    expect(rows.map((r) => [r.key, r.allocated, r.spent, r.share])).toEqual([
      ['alder', '300000', '100000', '7500'],
      ['birch', '100000', '50000', '10000'],
      ['cedar', '0', '0', null],
    ]);
    expect(rows[0]!.href).toBe('/l/alder?fy=2026&framework=jhu&category=treatment#lines');
  });

  it('leaves the default framework out of the links and keeps them in the reader’s language', () => {
    const [row] = categoryLocalityRows(localities, spending, { frameworkKey: DEFAULT_FRAMEWORK_KEY, key: 'treatment', fiscalYear: 2026, locale: 'es' });
    expect(row!.href).toBe('/es/l/alder?fy=2026&category=treatment#lines');
  });

  it('sums the year up, naming the locality that allocated the most', () => {
    const rows = categoryLocalityRows(localities, spending, { frameworkKey: DEFAULT_FRAMEWORK_KEY, key: 'treatment', fiscalYear: 2026, locale: 'en' });
    expect(categorySummary(rows, spending, 2026, en)).toBe(
      'In FY2026, 2 of 3 localities allocated money to this category: $4,000 in all, 80% of all approved money, and $1,500 was spent. Alder County allocated the most ($3,000).',
    );
    expect(categorySummary(rows, spending, 2026, es)).toMatch(/^En el AF 2026, 2 de 3 localidades .* Alder County fue la que más asignó \(\$3,000\)\.$/);
    const none = categoryLocalityRows(localities, spending, { frameworkKey: DEFAULT_FRAMEWORK_KEY, key: 'recovery', fiscalYear: 2026, locale: 'en' });
    expect(categorySummary(none, spending, 2026, en)).toBe('No locality allocated approved money to this category in FY2026.');
  });

  it('lists the category in its own framework first, then its counterparts, and each crosswalk link once', () => {
    const link = { frameworkKey: 'ma', frameworkName: 'Massachusetts', key: 'tx', label: 'Treatment' };
    const other = { frameworkKey: 'nc', frameworkName: 'North Carolina', key: 'a1', label: 'Treatment (A1)' };
    const category = {
      key: 'treatment',
      label: 'Treatment',
      framework: { key: 'jhu', name: 'Johns Hopkins Principles', description: '', localityId: null },
      reportedAs: [link],
      reportedFrom: [link, other],
    } as PublicCategoryDetail;
    expect(categoryCounterparts(category, 'en')).toEqual([
      { key: 'jhu', name: 'Johns Hopkins Principles', href: '/categories/jhu/treatment' },
      { key: 'ma', name: 'Massachusetts', href: '/categories/ma/tx' },
    ]);
    expect(reportedFromOnly(category)).toEqual([other]);
    expect(crosswalkNames('en', other)).toEqual({ framework: 'North Carolina', label: 'Treatment (A1)' });
  });
});
