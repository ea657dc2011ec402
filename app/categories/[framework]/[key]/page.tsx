import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { Breadcrumbs } from '@/app/_components/breadcrumbs';
import { FrameworkSwitch } from '@/app/_components/framework-switch';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { searchString, type SearchParams } from '@/app/_components/search-params';
import { StanceBadge } from '@/app/_components/stance-badge';
import { languageMetadata, pageLocale, viewWords } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { categoryGroup, categoryName, frameworkName } from '@/lib/categories/localized';
import { publicReads } from '@/lib/data/public-reads';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { localizedHref } from '@/lib/i18n/routes';
import { CategoryAbout } from './category-about';
import { CategoryCrosswalk } from './category-crosswalk';
import { CategoryLocalitiesSection } from './category-localities-section';
import { categoryCounterparts, categoryLocalityRows, categorySummary } from './category-view';

interface PageProps {
  params: Promise<{ framework: string; key: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params, searchParams }: PageProps): Promise<Metadata> {
  await connection();
  const { framework, key } = await params;
  const [category, t, locale] = await Promise.all([
    publicReads.category(await getDb(), framework, key),
    getTranslations('Category'),
    pageLocale(),
  ]);
  if (!category) return { title: t('notFound') };
  return {
    title: categoryName(locale, category.framework.key, category),
    ...languageMetadata(`/categories/${category.framework.key}/${category.key}`, searchString(await searchParams)),
  };
}

/**
 * One category: what it is, why it matters, its counterparts in the other frameworks (the crosswalk), and every
 * locality's money for it in a year. In English at /categories/{framework}/{key} and in Spanish at
 * /es/categories/{framework}/{key} (ADR 0016); a locality's own framework keeps its own words.
 */
export default async function CategoryPage({ params, searchParams }: PageProps) {
  await connection();
  const db = await getDb();
  const { framework: frameworkKey, key } = await params;
  const category = await publicReads.category(db, frameworkKey, key);
  if (!category) notFound();
  const query = await searchParams;
  const [t, words] = await Promise.all([getTranslations('Category'), viewWords()]);
  const { locale } = words;
  const path = `/categories/${category.framework.key}/${category.key}`;
  const years = await publicReads.fiscalYears(db);
  const fiscalYear = chooseFiscalYear(query.fy, years);
  const localities = (await publicReads.localitiesWithTotals(db, fiscalYear)).filter((l) => l.childCount === 0);
  const spending = await Promise.all(
    localities.map((l) => publicReads.spendingByCategory(db, l.id, fiscalYear, frameworkKey)),
  );
  const rows = categoryLocalityRows(localities, spending, { frameworkKey, key, fiscalYear, locale });
  const label = categoryName(locale, category.framework.key, category);
  const counterparts = categoryCounterparts(category, locale);

  return (
    <article>
      <LanguageSwitch locale={locale} path={path} search={searchString(query)} />
      <Breadcrumbs
        label={t('breadcrumb')}
        locale={locale}
        trail={[
          { href: '/categories', text: t('categories') },
          {
            href: category.framework.key === DEFAULT_FRAMEWORK_KEY ? '/categories' : `/categories?framework=${category.framework.key}`,
            text: frameworkName(locale, category.framework),
          },
        ]}
        current={label}
      />
      <div className="page-header">
        <h1>{label}</h1>
        <p className="category-stance" data-testid="stance">
          <StanceBadge stance={category.stance} locale={locale} />{' '}
          <span className="muted">{t('group', { group: categoryGroup(locale, category.framework.key, category.group) })}</span>
        </p>
      </div>
      <FrameworkSwitch
        frameworks={counterparts.map((c) => ({ key: c.key, name: c.name }))}
        current={category.framework.key}
        basePath=""
        label={t('counterpartLabel')}
        hrefFor={Object.fromEntries(counterparts.map((c) => [c.key, localizedHref(locale, `${c.href}?fy=${fiscalYear}`)]))}
      />

      <CategoryAbout category={category} locale={locale} />
      <CategoryCrosswalk category={category} fiscalYear={fiscalYear} locale={locale} />

      <CategoryLocalitiesSection
        label={label}
        path={path}
        years={years}
        fiscalYear={fiscalYear}
        summary={categorySummary(rows, spending, fiscalYear, words)}
        rows={rows}
        locale={locale}
      />
    </article>
  );
}
