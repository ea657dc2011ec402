import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { CategoryBarChart } from '@/app/_components/category-bar-chart';
import { ChoiceLinks } from '@/app/_components/choice-links';
import { ChoiceSelect } from '@/app/_components/choice-select';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { Flag } from '@/app/_components/flag';
import { LocalityMap } from '@/app/_components/locality-map';
import type { SearchParams } from '@/app/_components/search-params';
import { ShareBars } from '@/app/_components/share-bars';
import { getDb } from '@/db/runtime';
import { groupColors } from '@/lib/categories/group-colors';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { publicReads } from '@/lib/data/public-reads';
import { SMALL_COUNT_TEXT } from '@/lib/equity/suppress';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { projectedState } from '@/lib/map/state-shapes';
import { formatCents } from '@/lib/money';
import { compareHref, compareView, NOT_ENOUGH } from '@/lib/views/compare-view';
import { localityMapView } from '@/lib/views/locality-map-view';

export const metadata: Metadata = { title: 'Compare localities' };

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const db = await getDb();
  const query = await searchParams;
  const years = await publicReads.fiscalYears(db);
  const fiscalYear = chooseFiscalYear(query.fy, years);
  const { groups, localities } = await publicReads.compare(db, fiscalYear, DEFAULT_FRAMEWORK_KEY);
  const view = compareView({ fiscalYear, groups, localities, query });
  const map = localityMapView({
    fiscalYear,
    localities,
    query,
    shapesOf: projectedState,
    hrefFor: (change) => compareHref(fiscalYear, { measure: view.measure.key, per: view.per, ...change }, '#map-heading'),
  });
  const colors = groupColors([...groups]);
  const shareColumns: ColumnSpec[] = [
    { id: 'name', header: 'Locality', kind: 'link', hrefKey: 'href' },
    ...view.groupsPresent.map((g) => ({ id: `g:${g}`, header: g, kind: 'percent' as const, emptyText: NOT_ENOUGH })),
  ];
  const shareTableRows = view.shareRows.map((r) => {
    const row: Record<string, string | null> = { key: r.key, name: r.name, href: r.href };
    for (const g of view.groupsPresent) row[`g:${g}`] = r.shares ? String(r.shares[g] ?? 0) : null;
    return row;
  });
  const denominatorHeader = view.per === 'resident' ? 'Residents' : 'Overdose deaths';

  return (
    <>
      <div className="page-header">
        <h1>Compare localities</h1>
        <p className="lede">
          The same measures side by side: money received, allocated and spent, and the spending on each group of
          uses, per resident and per overdose death. Only approved lines and posted receipts and payments are
          counted. Residents are the year’s figure from each locality’s context data, or, for a year without one, the
          population recorded for the locality (the same figure its own page shows); overdose deaths are the year’s
          figure. Each row says which, and from what source.
        </p>
      </div>
      <FiscalYearNav years={years} current={fiscalYear} basePath="/compare" />

      <section aria-labelledby="ranking-heading">
        <h2 id="ranking-heading">{view.heading}</h2>
        <ChoiceSelect label="Rank by" {...view.measureForm} testId="compare-measure" />
        <ChoiceLinks label="Divided by" choices={view.perLinks} testId="compare-per" />
        <p data-testid="ranking-summary">{view.summary}</p>
        {view.withoutDenominator.length > 0 ? (
          <p>
            <Flag testId="denominator-missing">
              {view.per === 'resident'
                ? `No population is recorded for ${view.withoutDenominator.join(', ')}: their figures per resident show “${NOT_ENOUGH}”.`
                : `Overdose deaths for FY${fiscalYear} are not yet known for ${view.withoutDenominator.join(', ')}: their figures per overdose death show “${NOT_ENOUGH}”.`}
            </Flag>
          </p>
        ) : null}
        {view.suppressed.length > 0 ? (
          <p data-testid="deaths-suppressed">
            {view.suppressed.join(', ')} had {SMALL_COUNT_TEXT} overdose deaths in FY{fiscalYear}. Small counts are
            not published, and neither is a figure per death for them: with the amount beside it, it would give the
            count away.
          </p>
        ) : null}
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Ranking">
          <table className="data-table" data-testid="compare-table">
            <caption>
              Localities ranked by {view.heading.charAt(0).toLowerCase() + view.heading.slice(1)}
            </caption>
            <thead>
              <tr>
                <th scope="col" data-column="rank">Rank</th>
                <th scope="col" data-column="name">Locality</th>
                <th scope="col" data-column="amount">{view.measure.label}</th>
                <th scope="col" data-column="denominator">{denominatorHeader}</th>
                <th scope="col" data-column="source">Year and source</th>
                <th scope="col" data-column="ratio" aria-sort="descending">
                  {view.per === 'resident' ? 'Per resident' : 'Per overdose death'}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.rows.length === 0 ? (
                <tr>
                  <td colSpan={6}>No localities yet.</td>
                </tr>
              ) : (
                view.rows.map((row) => (
                  <tr key={row.key} data-locality={row.key}>
                    <td data-column="rank" data-value={row.rank ?? undefined}>
                      {row.rank ?? '—'}
                    </td>
                    <th scope="row" data-column="name">
                      <Link href={row.href}>{row.name}</Link>
                    </th>
                    <td data-column="amount" data-cents={row.amountCents}>
                      {formatCents(BigInt(row.amountCents))}
                    </td>
                    <td data-column="denominator" className={row.denominatorText === null ? 'cell--empty' : 'cell--number'}>
                      {row.denominatorText ?? NOT_ENOUGH}
                    </td>
                    <td data-column="source">{row.denominatorSource}</td>
                    <td data-column="ratio" data-cents={row.ratioCents ?? undefined} className={row.ratioCents === null ? 'cell--empty' : undefined}>
                      {row.ratioText}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        <p className="muted">
          Figures per resident and per death are exact divisions of the cents, rounded to the nearest cent. Where a
          count is missing or zero, Abate says “{NOT_ENOUGH}” instead of dividing.
        </p>
      </section>

      <LocalityMap view={map} />

      <section aria-labelledby="per-resident-heading">
        <h2 id="per-resident-heading">Allocated and spent per resident, FY{fiscalYear}</h2>
        <CategoryBarChart
          title={`Allocated and spent per resident, FY${fiscalYear}`}
          summary={view.rows.length === 0 ? `No localities yet.` : `Each pair of bars is one locality: allocated and spent per resident in FY${fiscalYear}.`}
          data={view.perResidentChart}
          testId="per-resident-chart"
        />
      </section>

      <section aria-labelledby="shares-heading">
        <h2 id="shares-heading">Share of spending to each group, FY{fiscalYear}</h2>
        <p>{view.shareSummary}</p>
        <div className="chart-and-table">
          <ShareBars
            title={`Share of FY${fiscalYear} spending by health-first group`}
            summary={view.shareSummary}
            groups={view.groupsPresent.map((name) => ({ name, color: colors[name] ?? '#6b7280' }))}
            bars={view.shareRows.map((r) => ({ label: r.name, shares: r.shares }))}
            testId="share-chart"
          />
          <DataTable
            caption={`Share of FY${fiscalYear} spending by health-first group (data table)`}
            columns={shareColumns}
            rows={shareTableRows}
            testId="share-table"
            emptyMessage="No localities yet."
          />
        </div>
      </section>
    </>
  );
}
