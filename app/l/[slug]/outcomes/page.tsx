import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DemoBadge } from '@/app/_components/demo-badge';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import type { SearchParams } from '@/app/_components/search-params';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import { chooseLocalityFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { NotReported } from '../_sections/not-reported';
import { localityPageMetadata } from '../_sections/locality-metadata';
import { OutcomesSection } from '../_sections/outcomes-section';

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return localityPageMetadata(params, 'Outcomes');
}

/**
 * What the money did, in full: each program's approved outcomes beside what it spent in their period and the cost
 * per unit, the programs that report nothing, and the counts by quarter. The locality page says it in one sentence
 * and links here.
 */
export default async function OutcomesPage({ params, searchParams }: PageProps) {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) notFound();
  const basePath = `/l/${locality.slug}/outcomes`;
  const years = await publicReads.fiscalYears(db, locality.id);
  const choice = chooseLocalityFiscalYear((await searchParams).fy, years, locality.fyStartMonth);
  if (choice.kind === 'not-reported') {
    return <NotReported locality={locality} fiscalYear={choice.fiscalYear} years={years} basePath={basePath} />;
  }
  const fiscalYear = choice.fiscalYear;
  return (
    <div className="locality-page">
      <p className="breadcrumbs">
        <Link href={`/l/${locality.slug}?fy=${fiscalYear}`}>{locality.name}</Link> / <span>Outcomes</span>{' '}
        {locality.isDemo ? <DemoBadge /> : null}
      </p>
      <h1>Outcomes: {locality.name}</h1>
      <FiscalYearNav years={years} current={fiscalYear} basePath={basePath} />
      <OutcomesSection localityId={locality.id} fiscalYear={fiscalYear} fyStartMonth={locality.fyStartMonth} />
    </div>
  );
}
