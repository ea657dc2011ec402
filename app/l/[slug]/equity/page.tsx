import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DemoBadge } from '@/app/_components/demo-badge';
import { EquityPanel } from '@/app/_components/equity/equity-panel';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import type { SearchParams } from '@/app/_components/search-params';
import { getDb } from '@/db/runtime';
import { loadPublicEquityPanel } from '@/lib/data/public-equity';
import { publicReads } from '@/lib/data/public-reads';
import { chooseLocalityFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { NotReported } from '../_sections/not-reported';
import { localityPageMetadata } from '../_sections/locality-metadata';

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return localityPageMetadata(params, 'Equity goals');
}

/**
 * A locality's equity goals for a year in full: each goal against its target and why it matters, the flags, who the
 * programs reach and where overdose deaths are. The locality page shows the goals' bullets and links here, which
 * keeps that page short and light.
 */
export default async function EquityPage({ params, searchParams }: PageProps) {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) notFound();
  const basePath = `/l/${locality.slug}/equity`;
  const years = await publicReads.fiscalYears(db, locality.id);
  const choice = chooseLocalityFiscalYear((await searchParams).fy, years, locality.fyStartMonth);
  if (choice.kind === 'not-reported') {
    return <NotReported locality={locality} fiscalYear={choice.fiscalYear} years={years} basePath={basePath} />;
  }
  const fiscalYear = choice.fiscalYear;
  const panel = await loadPublicEquityPanel(db, locality.id, fiscalYear);
  const empty = panel.equity.goals.length === 0 && panel.equity.flags.length === 0;

  return (
    <div className="locality-page">
      <p className="breadcrumbs">
        <Link href={`/l/${locality.slug}?fy=${fiscalYear}`}>{locality.name}</Link> / <span>Equity goals</span>{' '}
        {locality.isDemo ? <DemoBadge /> : null}
      </p>
      <h1>Equity goals: {locality.name}</h1>
      <FiscalYearNav years={years} current={fiscalYear} basePath={basePath} />
      {empty ? (
        <p data-testid="equity-empty">
          {locality.name} has set no equity goals for FY{fiscalYear}, and no line of that year is flagged.
        </p>
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
        <Link href={`/l/${locality.slug}?fy=${fiscalYear}`}>Back to {locality.name}&apos;s FY{fiscalYear} report</Link>, or{' '}
        <Link href={`/api/v1/localities/${locality.slug}/equity?fy=${fiscalYear}`}>the same goals as open data (JSON)</Link>.
      </p>
    </div>
  );
}
