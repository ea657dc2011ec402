import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DownloadLinks } from '@/app/_components/download-links';
import { Flag } from '@/app/_components/flag';
import { param, type SearchParams } from '@/app/_components/search-params';
import { TotalsCards } from '@/app/_components/totals-cards';
import { getDb } from '@/db/runtime';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { loadPublicEquityGoals } from '@/lib/data/public-equity';
import { publicReads } from '@/lib/data/public-reads';
import { chooseLocalityFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { equitySummaryView } from '@/lib/views/equity-summary-view';
import { feedPath, feedTitle } from '@/lib/views/locality-feed-view';
import { localityFlowView } from '@/lib/views/locality-flow-view';
import { localityLinesView } from '@/lib/views/locality-lines-view';
import { localityQuarterView } from '@/lib/views/locality-quarter-view';
import { localitySpendingView } from '@/lib/views/locality-spending-view';
import { residentsPhrase } from './_lib/residents-view';
import { EquitySummary } from './_sections/equity-summary';
import { FlowSection } from './_sections/flow-section';
import { LinesSection } from './_sections/lines-section';
import { LocalityHeader } from './_sections/locality-header';
import { NotReported } from './_sections/not-reported';
import { OutcomesSummary } from './_sections/outcomes-summary';
import { QuarterSection } from './_sections/quarter-section';
import { SpendingSections } from './_sections/spending-sections';

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params, searchParams }: PageProps): Promise<Metadata> {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) return { title: 'Locality not found' };
  const choice = chooseLocalityFiscalYear((await searchParams).fy, await publicReads.fiscalYears(db, locality.id), locality.fyStartMonth);
  const alternates = { types: { 'application/atom+xml': [{ url: feedPath(locality.slug), title: feedTitle(locality.name) }] } };
  if (choice.kind === 'shown') return { title: locality.name, alternates };
  // A year without figures is not worth a search engine's index.
  return { title: `${locality.name}: FY${choice.fiscalYear} not reported`, robots: { index: false }, alternates };
}

/** The public report of one locality's year: fetched here, shaped in lib/views, drawn by the sections in _sections. */
export default async function LocalityPage({ params, searchParams }: PageProps) {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) notFound();
  const query = await searchParams;
  const basePath = `/l/${locality.slug}`;

  const [years, frameworks] = await Promise.all([publicReads.fiscalYears(db, locality.id), publicReads.frameworks(db)]);
  const choice = chooseLocalityFiscalYear(query.fy, years, locality.fyStartMonth);
  if (choice.kind === 'not-reported') {
    return <NotReported locality={locality} fiscalYear={choice.fiscalYear} years={years} basePath={basePath} />;
  }
  const fiscalYear = choice.fiscalYear;
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

  const equitySummary = equitySummaryView(equity.equity, equity.labels);
  const spending = localitySpendingView(byCategory, frameworkCategories, fiscalYear);
  const lines = localityLinesView(allLines, frameworkCategories, fiscalYear, {
    category: param(query, 'category'),
    recipientType: param(query, 'recipient_type'),
    q: param(query, 'q'),
    sort: param(query, 'sort', 30),
    page: param(query, 'page', 7),
  });

  return (
    <div className="locality-report">
      <LocalityHeader
        locality={{ name: locality.name, slug: locality.slug, isDemo: locality.isDemo, fyStartMonth: locality.fyStartMonth }}
        fiscalYear={fiscalYear}
        residents={residentsPhrase(context.find((figures) => figures.localityId === locality.id), fiscalYear)}
        overduePayments={overduePayments}
        years={years}
        frameworks={offered.map(({ key, name }) => ({ key, name }))}
        frameworkKey={frameworkKey}
        hasEquity={equitySummary !== null}
      />

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">Totals for FY{fiscalYear}</h2>
        <TotalsCards
          items={[
            { label: 'Received', cents: totals.receivedCents.toString(), testId: 'total-received' },
            { label: 'Allocated (approved)', cents: totals.allocatedCents.toString(), testId: 'total-allocated' },
            { label: 'Spent', cents: totals.spentCents.toString(), testId: 'total-spent' },
            { label: 'Unspent', cents: totals.unspentCents.toString(), note: 'Received minus spent', testId: 'total-unspent' },
          ]}
        />
        {allLines.length === 0 ? (
          <p className="notice" role="note">
            <Flag testId="not-reported-flag">Not reported</Flag> {locality.name} has no approved lines for FY{fiscalYear} yet.
          </p>
        ) : null}
      </section>

      {/* No <Suspense> around these sections: React streams a large boundary separately and needs a script to
          reveal it, so without JavaScript the tables and lines would stay hidden. The page must read without it. */}
      <SpendingSections view={spending} fiscalYear={fiscalYear} />
      <QuarterSection
        view={localityQuarterView(quarterCells, spending.groupOrder, spending.colors, fiscalYear, locality.fyStartMonth)}
        fiscalYear={fiscalYear}
      />
      <FlowSection view={localityFlowView(flows, spending.groupOrder, spending.colors, fiscalYear)} fiscalYear={fiscalYear} />
      {equitySummary ? <EquitySummary {...equitySummary} slug={locality.slug} /> : null}
      <OutcomesSummary slug={locality.slug} localityId={locality.id} fiscalYear={fiscalYear} fyStartMonth={locality.fyStartMonth} />
      <LinesSection
        view={lines}
        totalCount={allLines.length}
        fiscalYear={fiscalYear}
        frameworkKey={frameworkKey}
        years={years}
        basePath={basePath}
      />

      <section aria-labelledby="downloads-heading" className="no-print">
        <h2 id="downloads-heading">Download the data</h2>
        <p>
          The same figures as open data, for spreadsheets and research. See also how {locality.name} compares with{' '}
          <Link href={`/compare?fy=${fiscalYear}`}>other localities</Link>.
        </p>
        <DownloadLinks slug={locality.slug} />
      </section>
    </div>
  );
}
