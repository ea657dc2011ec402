import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { FrameworkSwitch } from '@/app/_components/framework-switch';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { param, searchString } from '@/app/_components/search-params';
import { publicPageMetadata, type PublicPageProps } from '@/app/_components/public-page';
import { StanceBadge } from '@/app/_components/stance-badge';
import { pageLocale } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { DEFAULT_FRAMEWORK_KEY, type Stance } from '@/lib/categories/labels';
import { categoryGroup, categoryName, frameworkDescription, frameworkName, stanceText } from '@/lib/categories/localized';
import { publicReads } from '@/lib/data/public-reads';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { localizedHref } from '@/lib/i18n/routes';

const PATH = '/categories';

export function generateMetadata(props: PublicPageProps): Promise<Metadata> {
  return publicPageMetadata(props, PATH, 'Categories', 'title');
}

function columns(t: (key: string) => string): ColumnSpec[] {
  return [
    { id: 'label', header: t('columnCategory'), kind: 'link', hrefKey: 'href' },
    { id: 'group', header: t('columnGroup'), kind: 'text' },
    { id: 'stance', header: t('columnStance'), kind: 'status', toneKey: 'tone' },
    { id: 'allocated', header: t('columnAllocated'), kind: 'money', total: true },
    { id: 'spent', header: t('columnSpent'), kind: 'money', total: true },
  ];
}

const TONE: Record<Stance, string> = { recommended: 'ok', neutral: 'info', discouraged: 'warn' };

export default async function CategoriesPage({ searchParams }: PublicPageProps) {
  await connection();
  const db = await getDb();
  const query = await searchParams;
  const [t, locale] = await Promise.all([getTranslations('Categories'), pageLocale()]);
  const languages = <LanguageSwitch locale={locale} path={PATH} search={searchString(query)} />;
  const [frameworks, years] = await Promise.all([publicReads.frameworks(db), publicReads.fiscalYears(db)]);
  const shipped = frameworks.filter((f) => f.localityId === null);
  const requested = param(query, 'framework');
  const framework = shipped.find((f) => f.key === requested) ?? shipped.find((f) => f.key === DEFAULT_FRAMEWORK_KEY) ?? shipped[0];
  const fiscalYear = chooseFiscalYear(query.fy, years);
  if (!framework) {
    return (
      <>
        {languages}
        <h1>{t('heading')}</h1>
        <p>{t('noFrameworks')}</p>
      </>
    );
  }

  const [categories, localities] = await Promise.all([
    publicReads.categories(db, framework.key),
    publicReads.localitiesWithTotals(db, fiscalYear),
  ]);
  const leaves = localities.filter((l) => l.childCount === 0);
  const spending = await Promise.all(leaves.map((l) => publicReads.spendingByCategory(db, l.id, fiscalYear, framework.key)));
  const sums = new Map<string, { allocated: bigint; spent: bigint }>();
  for (const rows of spending) {
    for (const row of rows) {
      const found = sums.get(row.key) ?? { allocated: 0n, spent: 0n };
      found.allocated += row.allocatedCents;
      found.spent += row.spentCents;
      sums.set(row.key, found);
    }
  }
  const rows = categories.map((c) => ({
    label: categoryName(locale, framework.key, c),
    href: localizedHref(locale, `/categories/${framework.key}/${c.key}?fy=${fiscalYear}`),
    group: categoryGroup(locale, framework.key, c.group),
    stance: stanceText(locale, c.stance).short,
    tone: TONE[c.stance],
    allocated: (sums.get(c.key)?.allocated ?? 0n).toString(),
    spent: (sums.get(c.key)?.spent ?? 0n).toString(),
  }));
  const uncovered = [...sums.entries()].filter(([key]) => !categories.some((c) => c.key === key));
  for (const [key, value] of uncovered) {
    rows.push({
      label: key === 'uncategorized' ? t('notYetCategorized') : t('notCovered'),
      href: '',
      group: t('otherGroup'),
      stance: t('noStance'),
      tone: 'info',
      allocated: value.allocated.toString(),
      spent: value.spent.toString(),
    });
  }

  const name = frameworkName(locale, framework);
  const description = frameworkDescription(locale, framework);
  return (
    <>
      {languages}
      <div className="page-header">
        <h1>{t('heading')}</h1>
        <p className="lede">{t('lede')}</p>
      </div>
      <FrameworkSwitch
        frameworks={shipped.map((f) => ({ key: f.key, name: frameworkName(locale, f) }))}
        current={framework.key}
        basePath={localizedHref(locale, PATH)}
        keepQuery={{ fy: String(fiscalYear) }}
        defaultKey={DEFAULT_FRAMEWORK_KEY}
      />
      <FiscalYearNav
        years={years}
        current={fiscalYear}
        basePath={localizedHref(locale, PATH)}
        extraQuery={framework.key === DEFAULT_FRAMEWORK_KEY ? undefined : { framework: framework.key }}
      />
      <section aria-labelledby="framework-heading">
        <h2 id="framework-heading">{name}</h2>
        {description ? <p className="prose">{description}</p> : null}
        <ul className="stance-legend" aria-label={t('stanceLegend')}>
          {(['recommended', 'neutral', 'discouraged'] as const).map((stance) => (
            <li key={stance}>
              <StanceBadge stance={stance} locale={locale} />: {stanceText(locale, stance).explanation}
            </li>
          ))}
        </ul>
        <DataTable
          caption={t('caption', { framework: name, year: String(fiscalYear) })}
          columns={columns(t)}
          rows={rows.map((r) => ({ ...r, href: r.href || null }))}
          totalsLabel={t('totals')}
          testId="categories-table"
          emptyMessage={t('empty')}
        />
      </section>
    </>
  );
}
