import type { Metadata } from 'next';
import { connection } from 'next/server';
import Link from 'next/link';
import { FiscalYearNav } from './_components/fiscal-year-nav';
import { Flag } from './_components/flag';
import { HomeLocalitiesTable } from './_components/home-localities-table';
import { HomePager } from './_components/home-pager';
import { homeHref, readHomeParams } from './_components/home-query';
import { HomeSearchForm } from './_components/home-search-form';
import { LocalityMap } from './_components/locality-map';
import type { SearchParams } from './_components/search-params';
import { getDb } from '@/db/runtime';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { publicReads } from '@/lib/data/public-reads';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { projectedState } from '@/lib/map/state-shapes';
import { localityMapView } from '@/lib/views/locality-map-view';

export const metadata: Metadata = { title: 'Localities' };

const integerFormat = new Intl.NumberFormat('en-US');

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const db = await getDb();
  const params = await searchParams;
  const years = await publicReads.fiscalYears(db);
  const fiscalYear = chooseFiscalYear(params.fy, years);
  const requested = readHomeParams(params);
  const data = await publicReads.homeLocalities(db, { ...requested, fiscalYear });
  const query = { ...requested, page: data.page };
  const { all } = data;
  const map = localityMapView({
    fiscalYear,
    localities: (await publicReads.compare(db, fiscalYear, DEFAULT_FRAMEWORK_KEY)).localities,
    query: params,
    shapesOf: projectedState,
    hrefFor: (change) => `${homeHref(fiscalYear, query)}&${new URLSearchParams(change).toString()}#map-heading`,
  });

  const filtered = query.q !== '' || query.reported !== 'all';
  const first = (data.page - 1) * query.pageSize + 1;
  const shown =
    data.matching === 0
      ? 'none'
      : data.pageCount > 1
        ? `${integerFormat.format(first)}–${integerFormat.format(first + data.rows.length - 1)} of ${integerFormat.format(data.matching)}`
        : `${integerFormat.format(data.matching)}`;
  const which = [
    query.q !== '' ? `names containing “${query.q}”` : null,
    query.reported === 'no' ? 'not reported' : query.reported === 'yes' ? 'reported' : null,
  ]
    .filter(Boolean)
    .join(', ');
  const caption = `Money received, allocated and spent by locality, FY${fiscalYear}${which ? ` (${which})` : ''}: ${shown}`;

  return (
    <>
      <h1>Where the opioid-settlement money goes</h1>
      <p className="lede">
        Counties and cities are receiving over $50 billion from opioid makers, distributors and pharmacies over 18
        years. Here is what each locality received, what it approved to spend, and what it has spent in FY
        {fiscalYear}. Only lines the oversight board approved, and receipts and payments staff posted, are counted.
      </p>
      <FiscalYearNav years={years} current={fiscalYear} basePath="/" />
      {all.notReported > 0 ? (
        <p className="notice" role="note" data-testid="not-reported-notice">
          <Flag>Not reported:</Flag>{' '}
          {all.notReported <= all.notReportedNames.length
            ? `${all.notReportedNames.join(', ')} ${all.notReported === 1 ? 'has' : 'have'}`
            : `${integerFormat.format(all.notReported)} of ${integerFormat.format(all.localities)} localities have`}{' '}
          not reported any approved spending for FY{fiscalYear}.{' '}
          {query.reported !== 'no' ? (
            <Link href={homeHref(fiscalYear, query, { reported: 'no', q: '', page: 1 })}>
              Show {all.notReported === 1 ? 'it' : 'them'} only
            </Link>
          ) : null}
        </p>
      ) : null}
      <HomeSearchForm fiscalYear={fiscalYear} query={query} />
      {filtered ? (
        <p>
          <Link href={homeHref(fiscalYear, query, { q: '', reported: 'all', page: 1 })}>Show every locality</Link>
        </p>
      ) : null}
      {all.localities === 0 ? (
        <p>No localities yet.</p>
      ) : (
        <HomeLocalitiesTable data={data} fiscalYear={fiscalYear} sort={query.sort} caption={caption} />
      )}
      <HomePager fiscalYear={fiscalYear} query={query} pageCount={data.pageCount} />
      {/* Only where a locality has a Census FIPS code: the demo's fictional ones have none. */}
      {map.map ? <LocalityMap view={map} /> : null}
      <p>
        See them <Link href={`/compare?fy=${fiscalYear}`}>side by side, per resident and per overdose death</Link>, or
        read <Link href="/categories">what each category of spending is and why it matters</Link>.
      </p>
    </>
  );
}
