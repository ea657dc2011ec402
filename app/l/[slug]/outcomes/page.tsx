import type { Metadata } from 'next';
import { localitySubpageMetadata } from '../_sections/locality-metadata';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { DemoBadge } from '@/app/_components/demo-badge';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { LocaleLink } from '@/app/_components/locale-link';
import { searchString, type SearchParams } from '@/app/_components/search-params';
import { pageLocale } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import { chooseLocalityFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { localizedHref } from '@/lib/i18n/routes';
import { NotReported } from '../_sections/not-reported';
import { OutcomesSection } from '../_sections/outcomes-section';

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export function generateMetadata(props: PageProps): Promise<Metadata> {
  return localitySubpageMetadata(props, 'Outcomes', 'outcomes');
}

/**
 * What the money did, in full: each program's approved outcomes beside what it spent in their period and the cost
 * per unit, the programs that report nothing, and the counts by quarter. The locality page says it in one sentence
 * and links here. In English at /l/{slug}/outcomes and in Spanish at /es/l/{slug}/outcomes (ADR 0016).
 */
export default async function OutcomesPage({ params, searchParams }: PageProps) {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) notFound();
  const query = await searchParams;
  const [t, locale] = await Promise.all([getTranslations('Outcomes'), pageLocale()]);
  const path = `/l/${locality.slug}/outcomes`;
  const basePath = localizedHref(locale, path);
  const languages = <LanguageSwitch locale={locale} path={path} search={searchString(query)} />;
  const years = await publicReads.fiscalYears(db, locality.id);
  const choice = chooseLocalityFiscalYear(query.fy, years, locality.fyStartMonth);
  if (choice.kind === 'not-reported') {
    return (
      <>
        {languages}
        <NotReported locality={locality} fiscalYear={choice.fiscalYear} years={years} basePath={basePath} />
      </>
    );
  }
  const fiscalYear = choice.fiscalYear;
  return (
    <div className="locality-page">
      {languages}
      <p className="breadcrumbs">
        <LocaleLink locale={locale} href={`/l/${locality.slug}?fy=${fiscalYear}`}>
          {locality.name}
        </LocaleLink>{' '}
        / <span>{t('title')}</span> {locality.isDemo ? <DemoBadge /> : null}
      </p>
      <h1>{t('heading', { locality: locality.name })}</h1>
      <FiscalYearNav years={years} current={fiscalYear} basePath={basePath} />
      <OutcomesSection localityId={locality.id} fiscalYear={fiscalYear} fyStartMonth={locality.fyStartMonth} />
    </div>
  );
}
