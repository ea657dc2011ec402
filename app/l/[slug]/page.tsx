import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { param, searchString } from '@/app/_components/search-params';
import { languageMetadata, viewWords } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { frameworkName } from '@/lib/categories/localized';
import { loadPublicEquityGoals } from '@/lib/data/public-equity';
import { publicReads } from '@/lib/data/public-reads';
import { chooseLocalityFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { equitySummaryView } from '@/lib/views/equity-summary-view';
import { feedPath, feedTitle } from '@/lib/views/locality-feed-view';
import { foldSmallSources, localityFlowView } from '@/lib/views/locality-flow-view';
import { localityLinesView } from '@/lib/views/locality-lines-view';
import { localityQuarterView } from '@/lib/views/locality-quarter-view';
import { localitySpendingView } from '@/lib/views/locality-spending-view';
import { loadLocality, type LocalityPageProps } from './_lib/load-locality';
import { residentsPhrase } from './_lib/residents-view';
import { DownloadsSection } from './_sections/downloads-section';
import { EquitySummary } from './_sections/equity-summary';
import { LinesSection } from './_sections/lines-section';
import { LocalityHeader } from './_sections/locality-header';
import { chooseShownYear } from './_sections/locality-subpage';
import { OutcomesSummary } from './_sections/outcomes-summary';
import { LocalityFlowSection, LocalityQuarterSection } from './_sections/over-time-sections';
import { SpendingSections } from './_sections/spending-sections';
import { TotalsSection } from './_sections/totals-section';

export async function generateMetadata({ params, searchParams }: LocalityPageProps): Promise<Metadata> {
  await connection();
  const db = await getDb();
  const [locality, t, tPages] = await Promise.all([
    publicReads.locality(db, (await params).slug),
    getTranslations('Locality'),
    getTranslations('LocalityPages'),
  ]);
  if (!locality) return { title: tPages('notFound') };
  const query = await searchParams;
  const choice = chooseLocalityFiscalYear(query.fy, await publicReads.fiscalYears(db, locality.id), locality.fyStartMonth);
  const { alternates: languages } = languageMetadata(`/l/${locality.slug}`, searchString(query));
  const alternates = { ...languages, types: { 'application/atom+xml': [{ url: feedPath(locality.slug), title: feedTitle(locality.name) }] } };
  if (choice.kind === 'shown') return { title: locality.name, alternates };
  // A year without figures is not worth a search engine's index.
  return {
    title: t('notReportedTitle', { locality: locality.name, year: String(choice.fiscalYear) }),
    robots: { index: false },
    alternates,
  };
}

/**
 * The public report of one locality's year: fetched here, shaped in lib/views, drawn by the sections in _sections.
 * In English at /l/{slug} and in Spanish at /es/l/{slug} (ADR 0016): words from the Locality, LocalityView,
 * LinesTable and Charts messages, names of categories and groups from lib/categories/localized.ts.
 */
export default async function LocalityPage({ params, searchParams }: LocalityPageProps) {
  const { db, locality } = await loadLocality(params);
  const query = await searchParams;
  const words = await viewWords();
  const { locale } = words;
  const path = `/l/${locality.slug}`;

  const [years, frameworks] = await Promise.all([publicReads.fiscalYears(db, locality.id), publicReads.frameworks(db)]);
  const shown = chooseShownYear({ locality, locale, path, query, years });
  if (shown.kind === 'not-reported') return shown.element;
  const { fiscalYear, basePath } = shown;
  const offered = frameworks.filter((f) => f.localityId === null || f.localityId === locality.id);
  const requestedFramework = param(query, 'framework');
  const frameworkKey = offered.some((f) => f.key === requestedFramework) ? requestedFramework : DEFAULT_FRAMEWORK_KEY;

  // Every read at once: the page waits for the slowest, not for their sum.
  const [totals, byCategory, allLines, flows, quarterCells, frameworkCategories, equity, overduePayments, context] = await Promise.all([
    publicReads.localityTotals(db, locality.id, fiscalYear),
    publicReads.spendingByCategory(db, locality.id, fiscalYear, frameworkKey),
    publicReads.lines(db, locality.id, fiscalYear, frameworkKey),
    publicReads.sourceToGroup(db, locality.id, fiscalYear, frameworkKey),
    publicReads.quarterGroup(db, locality.id, fiscalYear, frameworkKey, locality.fyStartMonth),
    publicReads.categories(db, frameworkKey),
    loadPublicEquityGoals(db, locality.id, fiscalYear),
    publicReads.overduePayments(db, locality.id),
    publicReads.localityContext(db, fiscalYear),
  ]);

  const equitySummary = equitySummaryView(equity.equity, equity.labels, words);
  const spending = localitySpendingView(byCategory, frameworkCategories, fiscalYear, frameworkKey, words);
  const flow = localityFlowView(flows, spending.groupOrder, spending.colors, fiscalYear, frameworkKey, words);
  const lines = localityLinesView(
    allLines,
    frameworkCategories,
    fiscalYear,
    {
      category: param(query, 'category'),
      recipientType: param(query, 'recipient_type'),
      q: param(query, 'q'),
      sort: param(query, 'sort', 30),
      page: param(query, 'page', 7),
    },
    frameworkKey,
    words,
  );

  return (
    <div className="locality-report">
      <LanguageSwitch locale={locale} path={path} search={searchString(query)} />
      <LocalityHeader
        locality={{ name: locality.name, slug: locality.slug, isDemo: locality.isDemo, fyStartMonth: locality.fyStartMonth }}
        locale={locale}
        fiscalYear={fiscalYear}
        residents={residentsPhrase(
          context.find((figures) => figures.localityId === locality.id),
          fiscalYear,
          words,
        )}
        overduePayments={overduePayments}
        years={years}
        frameworks={offered.map((f) => ({ key: f.key, name: frameworkName(locale, f) }))}
        frameworkKey={frameworkKey}
        hasEquity={equitySummary !== null}
      />

      <TotalsSection totals={totals} localityName={locality.name} fiscalYear={fiscalYear} hasLines={allLines.length > 0} locale={locale} />

      {/* No <Suspense> around these sections: React streams a large boundary separately and needs a script to
          reveal it, so without JavaScript the tables and lines would stay hidden. The page must read without it. */}
      <SpendingSections view={spending} fiscalYear={fiscalYear} locale={locale} />
      <LocalityQuarterSection
        view={localityQuarterView(quarterCells, spending.groupOrder, spending.colors, fiscalYear, locality.fyStartMonth, frameworkKey, words)}
        fiscalYear={fiscalYear}
      />
      <LocalityFlowSection view={flow} diagram={foldSmallSources(flow, words)} fiscalYear={fiscalYear} />
      {equitySummary ? <EquitySummary {...equitySummary} slug={locality.slug} locale={locale} /> : null}
      <OutcomesSummary slug={locality.slug} localityId={locality.id} fiscalYear={fiscalYear} fyStartMonth={locality.fyStartMonth} />
      <LinesSection
        view={lines}
        totalCount={allLines.length}
        fiscalYear={fiscalYear}
        frameworkKey={frameworkKey}
        years={years}
        basePath={basePath}
        words={words}
      />

      <DownloadsSection locality={locality} fiscalYear={fiscalYear} locale={locale} />
    </div>
  );
}
