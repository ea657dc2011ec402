import type { Metadata } from 'next';
import { localitySubpageMetadata } from '../_sections/locality-metadata';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { DemoBadge } from '@/app/_components/demo-badge';
import { EquityPanel } from '@/app/_components/equity/equity-panel';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { LocaleLink } from '@/app/_components/locale-link';
import { searchString, type SearchParams } from '@/app/_components/search-params';
import { pageLocale } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { loadPublicEquityPanel } from '@/lib/data/public-equity';
import { publicReads } from '@/lib/data/public-reads';
import { chooseLocalityFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { localizedHref } from '@/lib/i18n/routes';
import { NotReported } from '../_sections/not-reported';

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export function generateMetadata(props: PageProps): Promise<Metadata> {
  return localitySubpageMetadata(props, 'EquityPage', 'equity');
}

/**
 * A locality's equity goals for a year in full: each goal against its target and why it matters, the flags, who the
 * programs reach and where overdose deaths are. The locality page shows the goals' bullets and links here, which
 * keeps that page short and light. In English at /l/{slug}/equity and in Spanish at /es/l/{slug}/equity (ADR 0016).
 */
export default async function EquityPage({ params, searchParams }: PageProps) {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) notFound();
  const query = await searchParams;
  const [t, locale] = await Promise.all([getTranslations('EquityPage'), pageLocale()]);
  const path = `/l/${locality.slug}/equity`;
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
  const year = String(fiscalYear);
  const panel = await loadPublicEquityPanel(db, locality.id, fiscalYear);
  const empty = panel.equity.goals.length === 0 && panel.equity.flags.length === 0;
  const reportHref = `/l/${locality.slug}?fy=${fiscalYear}`;

  return (
    <div className="locality-page">
      {languages}
      <p className="breadcrumbs">
        <LocaleLink locale={locale} href={reportHref}>
          {locality.name}
        </LocaleLink>{' '}
        / <span>{t('title')}</span> {locality.isDemo ? <DemoBadge /> : null}
      </p>
      <h1>{t('heading', { locality: locality.name })}</h1>
      <FiscalYearNav years={years} current={fiscalYear} basePath={basePath} />
      {empty ? (
        <p data-testid="equity-empty">{t('empty', { locality: locality.name, year })}</p>
      ) : (
        <EquityPanel
          equity={panel.equity}
          localityName={locality.name}
          labels={panel.labels}
          reach={panel.reach}
          areas={panel.areas}
          lineHrefBase={`/l/${locality.slug}/lines/`}
        />
      )}
      <p className="no-print">
        {t.rich('back', {
          locality: locality.name,
          year,
          report: (chunks: ReactNode) => (
            <LocaleLink locale={locale} href={reportHref}>
              {chunks}
            </LocaleLink>
          ),
          data: (chunks: ReactNode) => <a href={`/api/v1/localities/${locality.slug}/equity?fy=${fiscalYear}`}>{chunks}</a>,
        })}
      </p>
    </div>
  );
}
