import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { CategoryBarChart } from '@/app/_components/category-bar-chart';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { FrameworkSwitch } from '@/app/_components/framework-switch';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { LocaleLink } from '@/app/_components/locale-link';
import { searchString, type SearchParams } from '@/app/_components/search-params';
import { StanceBadge } from '@/app/_components/stance-badge';
import { languageMetadata, pageLocale } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { categoryGroup, categoryName, frameworkName, stanceText } from '@/lib/categories/localized';
import { categoryDescription, categoryWhy } from '@/lib/categories/spanish-descriptions';
import { shareBasisPoints } from '@/lib/categories/summarize-spending';
import { publicReads } from '@/lib/data/public-reads';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { localizedHref } from '@/lib/i18n/routes';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';

interface PageProps {
  params: Promise<{ framework: string; key: string }>;
  searchParams: Promise<SearchParams>;
}

function columns(t: (key: string) => string): ColumnSpec[] {
  return [
    { id: 'name', header: t('columnLocality'), kind: 'link', hrefKey: 'href' },
    { id: 'allocated', header: t('columnAllocated'), kind: 'money', total: true },
    { id: 'spent', header: t('columnSpent'), kind: 'money', total: true },
    { id: 'share', header: t('columnShare'), kind: 'percent' },
  ];
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
  const [t, locale] = await Promise.all([getTranslations('Category'), pageLocale()]);
  const path = `/categories/${category.framework.key}/${category.key}`;
  const years = await publicReads.fiscalYears(db);
  const fiscalYear = chooseFiscalYear(query.fy, years);
  const localities = (await publicReads.localitiesWithTotals(db, fiscalYear)).filter((l) => l.childCount === 0);
  const spending = await Promise.all(
    localities.map((l) => publicReads.spendingByCategory(db, l.id, fiscalYear, frameworkKey)),
  );

  const frameworkParam = frameworkKey === DEFAULT_FRAMEWORK_KEY ? '' : `&framework=${encodeURIComponent(frameworkKey)}`;
  const rows = localities.map((l, i) => {
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
  const totalAllocated = rows.reduce((sum, r) => sum + BigInt(r.allocated), 0n);
  const totalSpent = rows.reduce((sum, r) => sum + BigInt(r.spent), 0n);
  const allAllocated = spending.flat().reduce((sum, r) => sum + r.allocatedCents, 0n);
  const most = [...rows].sort((a, b) => (BigInt(b.allocated) > BigInt(a.allocated) ? 1 : BigInt(b.allocated) < BigInt(a.allocated) ? -1 : 0))[0];
  const funded = rows.filter((r) => r.allocated !== '0').length;
  const year = String(fiscalYear);
  const money = (cents: bigint) => formatCents(cents, { showCents: false, locale });
  const summary =
    totalAllocated === 0n
      ? t('summaryNone', { year })
      : [
          t('summary', {
            year,
            funded: String(funded),
            count: String(rows.length),
            total: money(totalAllocated),
            share: formatPercentFromBasisPoints(shareBasisPoints(totalAllocated, allAllocated), locale),
            spent: money(totalSpent),
          }),
          ...(most ? [t('summaryMost', { locality: most.name, amount: money(BigInt(most.allocated)) })] : []),
        ].join(' ');

  const label = categoryName(locale, category.framework.key, category);
  const stance = stanceText(locale, category.stance);
  const why = categoryWhy(locale, category.framework.key, category);
  const counterparts = [
    { key: category.framework.key, name: frameworkName(locale, category.framework), href: path },
    ...category.reportedAs.map((c) => ({
      key: c.frameworkKey,
      name: frameworkName(locale, { key: c.frameworkKey, name: c.frameworkName }),
      href: `/categories/${c.frameworkKey}/${c.key}`,
    })),
  ];
  const categoryLink = (c: { frameworkKey: string; key: string }) =>
    function CategoryLink(chunks: ReactNode) {
      return (
        <LocaleLink locale={locale} href={`/categories/${c.frameworkKey}/${c.key}?fy=${fiscalYear}`}>
          {chunks}
        </LocaleLink>
      );
    };
  const otherName = (c: { frameworkKey: string; frameworkName: string; key: string; label: string }) => ({
    framework: frameworkName(locale, { key: c.frameworkKey, name: c.frameworkName }),
    label: categoryName(locale, c.frameworkKey, c),
  });

  return (
    <article>
      <LanguageSwitch locale={locale} path={path} search={searchString(query)} />
      <nav aria-label={t('breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <LocaleLink locale={locale} href="/categories">
              {t('categories')}
            </LocaleLink>
          </li>
          <li>
            <LocaleLink
              locale={locale}
              href={category.framework.key === DEFAULT_FRAMEWORK_KEY ? '/categories' : `/categories?framework=${category.framework.key}`}
            >
              {frameworkName(locale, category.framework)}
            </LocaleLink>
          </li>
          <li>
            <span aria-current="page">{label}</span>
          </li>
        </ol>
      </nav>
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

      <section aria-labelledby="what-heading">
        <h2 id="what-heading">{t('whatHeading')}</h2>
        <p className="prose">{categoryDescription(locale, category.framework.key, category)}</p>
      </section>
      <section aria-labelledby="why-heading">
        <h2 id="why-heading">{t('whyHeading')}</h2>
        <p className="prose">{why ?? stance.explanation}</p>
        {/* The stance's own words and punctuation, as the categories page writes them: "Neutral. …". */}
        <p className="prose muted">{`${stance.label}. ${why ? stance.explanation : ''}`}</p>
      </section>
      {category.reportedAs.length > 0 || category.reportedFrom.length > 0 ? (
        <section aria-labelledby="crosswalk-heading">
          <h2 id="crosswalk-heading">{t('crosswalkHeading')}</h2>
          <ul>
            {category.reportedAs.map((c) => (
              <li key={`as-${c.frameworkKey}-${c.key}`}>{t.rich('reportedAs', { ...otherName(c), link: categoryLink(c) })}</li>
            ))}
            {category.reportedFrom
              .filter((c) => !category.reportedAs.some((a) => a.frameworkKey === c.frameworkKey && a.key === c.key))
              .map((c) => (
                <li key={`from-${c.frameworkKey}-${c.key}`}>{t.rich('reportedFrom', { ...otherName(c), link: categoryLink(c) })}</li>
              ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="localities-heading">
        <h2 id="localities-heading">{t('localitiesHeading', { year })}</h2>
        <FiscalYearNav years={years} current={fiscalYear} basePath={localizedHref(locale, path)} />
        <p>{summary}</p>
        <div className="chart-and-table">
          <CategoryBarChart
            title={t('chartTitle', { category: label, year })}
            summary={summary}
            data={rows.map((r) => ({ key: r.key, label: r.name, allocatedCents: r.allocated, spentCents: r.spent }))}
            testId="category-localities-chart"
          />
          <DataTable
            caption={t('caption', { category: label, year })}
            columns={columns(t)}
            rows={rows}
            totalsLabel={t('totals')}
            testId="category-localities-table"
            emptyMessage={t('empty')}
          />
        </div>
      </section>
    </article>
  );
}
