/**
 * A category's page, shaped for display: every locality's money for the category in a year, the sentence that sums
 * it up, and the category's counterparts in the other frameworks. Pure: the page fetches (lib/data) and renders.
 */
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { categoryName, frameworkName } from '@/lib/categories/localized';
import { shareBasisPoints } from '@/lib/categories/summarize-spending';
import type { CrosswalkLink, PublicCategoryDetail } from '@/lib/data/public-categories';
import type { CategorySpending } from '@/lib/data/spending-by-category';
import type { Locale } from '@/lib/i18n/locales';
import type { ViewWords } from '@/lib/i18n/messages';
import { localizedHref } from '@/lib/i18n/routes';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';

// A type, not an interface: the data table takes rows as string records.
export type CategoryLocalityRow = {
  key: string;
  name: string;
  /** The locality's lines in this category, for the year and framework shown. */
  href: string;
  allocated: string;
  spent: string;
  /** The category's share of the locality's allocations, in basis points; null when the locality allocated nothing. */
  share: string | null;
};

/**
 * One row per locality: its money for the category (zero when it has none) and the category's share of all it
 * allocated. `spending[i]` is `localities[i]`'s spending by category in the framework.
 */
export function categoryLocalityRows(
  localities: { slug: string; name: string }[],
  spending: CategorySpending[][],
  { frameworkKey, key, fiscalYear, locale }: { frameworkKey: string; key: string; fiscalYear: number; locale: Locale },
): CategoryLocalityRow[] {
  const frameworkParam = frameworkKey === DEFAULT_FRAMEWORK_KEY ? '' : `&framework=${encodeURIComponent(frameworkKey)}`;
  return localities.map((l, i) => {
    const all = spending[i] ?? [];
    const row = all.find((r) => r.key === key);
    const allocated = row?.allocatedCents ?? 0n;
    const localityAllocated = all.reduce((sum, r) => sum + r.allocatedCents, 0n);
    return {
      key: l.slug,
      name: l.name,
      href: localizedHref(locale, `/l/${l.slug}?fy=${fiscalYear}${frameworkParam}&category=${encodeURIComponent(key)}#lines`),
      allocated: allocated.toString(),
      spent: (row?.spentCents ?? 0n).toString(),
      share: localityAllocated === 0n ? null : shareBasisPoints(allocated, localityAllocated).toString(),
    };
  });
}

/**
 * "In FY2026, 3 of 5 localities allocated money to this category: … Alder County allocated the most (…)." Its share
 * is of every locality's approved money (all of `spending`), in the reader's words (Category messages).
 */
export function categorySummary(rows: CategoryLocalityRow[], spending: CategorySpending[][], fiscalYear: number, { t, locale }: ViewWords): string {
  const totalAllocated = rows.reduce((sum, r) => sum + BigInt(r.allocated), 0n);
  const totalSpent = rows.reduce((sum, r) => sum + BigInt(r.spent), 0n);
  const allAllocated = spending.flat().reduce((sum, r) => sum + r.allocatedCents, 0n);
  const most = [...rows].sort((a, b) => (BigInt(b.allocated) > BigInt(a.allocated) ? 1 : BigInt(b.allocated) < BigInt(a.allocated) ? -1 : 0))[0];
  const funded = rows.filter((r) => r.allocated !== '0').length;
  const year = String(fiscalYear);
  const money = (cents: bigint) => formatCents(cents, { showCents: false, locale });
  if (totalAllocated === 0n) return t('Category.summaryNone', { year });
  return [
    t('Category.summary', {
      year,
      funded: String(funded),
      count: String(rows.length),
      total: money(totalAllocated),
      share: formatPercentFromBasisPoints(shareBasisPoints(totalAllocated, allAllocated), locale),
      spent: money(totalSpent),
    }),
    ...(most ? [t('Category.summaryMost', { locality: most.name, amount: money(BigInt(most.allocated)) })] : []),
  ].join(' ');
}

/** The category in its own framework first, then where its money is reported in each other one (English paths). */
export function categoryCounterparts(category: PublicCategoryDetail, locale: Locale): { key: string; name: string; href: string }[] {
  return [
    { key: category.framework.key, name: frameworkName(locale, category.framework), href: `/categories/${category.framework.key}/${category.key}` },
    ...category.reportedAs.map((c) => ({
      key: c.frameworkKey,
      name: frameworkName(locale, { key: c.frameworkKey, name: c.frameworkName }),
      href: `/categories/${c.frameworkKey}/${c.key}`,
    })),
  ];
}

/** The categories reported under this one that it is not also reported as (each is listed once, as "reported as"). */
export function reportedFromOnly(category: Pick<PublicCategoryDetail, 'reportedAs' | 'reportedFrom'>): CrosswalkLink[] {
  return category.reportedFrom.filter((c) => !category.reportedAs.some((a) => a.frameworkKey === c.frameworkKey && a.key === c.key));
}

/** Another framework's category, named in the reader's language. */
export function crosswalkNames(locale: Locale, c: CrosswalkLink): { framework: string; label: string } {
  return {
    framework: frameworkName(locale, { key: c.frameworkKey, name: c.frameworkName }),
    label: categoryName(locale, c.frameworkKey, c),
  };
}
