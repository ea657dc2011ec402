import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CategoryBarChart } from '@/app/_components/category-bar-chart';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { Flag } from '@/app/_components/flag';
import type { SearchParams } from '@/app/_components/search-params';
import { ShareBars } from '@/app/_components/share-bars';
import { getDb } from '@/db/runtime';
import { groupColors } from '@/lib/categories/group-colors';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { centsPer } from '@/lib/categories/ratios';
import { shareBasisPoints, totalsByGroup } from '@/lib/categories/summarize-spending';
import { publicReads } from '@/lib/data/public-reads';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';

export const metadata: Metadata = { title: 'Compare localities' };

const NOT_ENOUGH = 'Not enough data';

const BURDEN_COLUMNS: ColumnSpec[] = [
  { id: 'name', header: 'Locality', kind: 'link', hrefKey: 'href' },
  { id: 'population', header: 'Residents', kind: 'number', emptyText: NOT_ENOUGH },
  { id: 'deaths', header: 'Overdose deaths', kind: 'number', emptyText: 'Not yet known' },
  { id: 'spent', header: 'Spent', kind: 'money' },
  { id: 'perResident', header: 'Spent per resident', kind: 'money', emptyText: NOT_ENOUGH },
  { id: 'perDeath', header: 'Spent per overdose death', kind: 'money', emptyText: NOT_ENOUGH },
  { id: 'allocatedPerResident', header: 'Allocated per resident', kind: 'money', emptyText: NOT_ENOUGH },
];

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const db = await getDb();
  const query = await searchParams;
  const years = await publicReads.fiscalYears(db);
  const fiscalYear = chooseFiscalYear(query.fy, years);
  const [localities, context, categories] = await Promise.all([
    publicReads.localitiesWithTotals(db, fiscalYear),
    publicReads.localityContext(db, fiscalYear),
    publicReads.categories(db, DEFAULT_FRAMEWORK_KEY),
  ]);
  const leaves = localities.filter((l) => l.childCount === 0);
  const spending = await Promise.all(
    leaves.map((l) => publicReads.spendingByCategory(db, l.id, fiscalYear, DEFAULT_FRAMEWORK_KEY)),
  );

  const rows = leaves.map((l) => {
    const figures = context.find((c) => c.localityId === l.id);
    const population = figures?.population ?? null;
    const deaths = figures?.overdoseDeaths ?? null;
    const perResident = centsPer(l.spentCents, population);
    const perDeath = centsPer(l.spentCents, deaths);
    const allocatedPerResident = centsPer(l.allocatedCents, population);
    return {
      locality: l,
      population,
      deaths,
      perResident,
      perDeath,
      allocatedPerResident,
    };
  });
  const burdenRows = rows.map((r) => ({
    key: r.locality.slug,
    name: r.locality.name,
    href: `/l/${r.locality.slug}?fy=${fiscalYear}`,
    population: r.population === null ? null : String(r.population),
    deaths: r.deaths === null ? null : String(r.deaths),
    spent: r.locality.spentCents.toString(),
    perResident: r.perResident?.toString() ?? null,
    perDeath: r.perDeath?.toString() ?? null,
    allocatedPerResident: r.allocatedPerResident?.toString() ?? null,
  }));
  const deathsUnknown = rows.filter((r) => r.deaths === null).map((r) => r.locality.name);
  const ranked = rows.filter((r) => r.perResident !== null).sort((a, b) => (a.perResident! > b.perResident! ? -1 : a.perResident! < b.perResident! ? 1 : 0));
  const perResidentSummary =
    ranked.length === 0
      ? `No locality has both spending and a population figure for FY${fiscalYear}.`
      : `In FY${fiscalYear}, ${ranked[0]!.locality.name} spent the most per resident (${formatCents(ranked[0]!.perResident!)})` +
        (ranked.length > 1 ? ` and ${ranked.at(-1)!.locality.name} the least (${formatCents(ranked.at(-1)!.perResident!)}).` : '.');

  // Share of spending to each health-first group.
  const groupOrder = [...new Set([...categories.map((c) => c.group), 'Other'])];
  const colors = groupColors(groupOrder);
  const groupsPresent = groupOrder.filter((g) => spending.some((rowsOf) => rowsOf.some((r) => r.group === g && r.spentCents !== 0n)));
  const shareRows = leaves.map((l, i) => {
    const byGroup = totalsByGroup(spending[i] ?? [], (r) => r.spentCents);
    const total = byGroup.reduce((sum, g) => sum + g.cents, 0n);
    const shares: Record<string, number> = {};
    for (const g of byGroup) shares[g.group] = Number(shareBasisPoints(g.cents, total));
    return { locality: l, total, shares: total === 0n ? null : shares };
  });
  const shareColumns: ColumnSpec[] = [
    { id: 'name', header: 'Locality', kind: 'link', hrefKey: 'href' },
    ...groupsPresent.map((g) => ({ id: `g:${g}`, header: g, kind: 'percent' as const, emptyText: NOT_ENOUGH })),
  ];
  const shareTableRows = shareRows.map((r) => {
    const row: Record<string, string | null> = {
      key: r.locality.slug,
      name: r.locality.name,
      href: `/l/${r.locality.slug}?fy=${fiscalYear}`,
    };
    for (const g of groupsPresent) row[`g:${g}`] = r.shares ? String(r.shares[g] ?? 0) : null;
    return row;
  });
  const criminalLegal = shareRows
    .filter((r) => r.shares && (r.shares['Criminal-legal'] ?? 0) > 0)
    .sort((a, b) => (b.shares?.['Criminal-legal'] ?? 0) - (a.shares?.['Criminal-legal'] ?? 0));
  const shareSummary =
    shareRows.every((r) => r.shares === null)
      ? `No spending was recorded in FY${fiscalYear}.`
      : `Each bar is one locality’s FY${fiscalYear} spending, split by the health-first groups.` +
        (criminalLegal[0]
          ? ` ${criminalLegal[0].locality.name} put the largest share into criminal-legal uses (${formatPercentFromBasisPoints(criminalLegal[0].shares?.['Criminal-legal'] ?? 0)}).`
          : ' No locality spent on criminal-legal uses.');

  return (
    <>
      <div className="page-header">
        <h1>Compare localities</h1>
        <p className="lede">
          The same measures side by side: money spent per resident and per overdose death, and what share of the
          spending went to each group of uses. Only approved lines and posted receipts and payments are counted; overdose deaths and population are the
          year’s figures from each locality’s health department, or, for a year without one, the population recorded
          for the locality, the same figure its own page shows.
        </p>
      </div>
      <FiscalYearNav years={years} current={fiscalYear} basePath="/compare" />

      <section aria-labelledby="burden-heading">
        <h2 id="burden-heading">Spending relative to need, FY{fiscalYear}</h2>
        <p>{perResidentSummary}</p>
        {deathsUnknown.length > 0 ? (
          <p>
            <Flag testId="deaths-unknown">
              Overdose deaths for FY{fiscalYear} are not yet known for {deathsUnknown.join(', ')}: spending per overdose
              death shows “{NOT_ENOUGH}”.
            </Flag>
          </p>
        ) : null}
        <div className="chart-and-table">
          <CategoryBarChart
            title={`Allocated and spent per resident, FY${fiscalYear}`}
            summary={perResidentSummary}
            data={rows
              .filter((r) => r.perResident !== null && r.allocatedPerResident !== null)
              .map((r) => ({
                key: r.locality.slug,
                label: r.locality.name,
                allocatedCents: r.allocatedPerResident!.toString(),
                spentCents: r.perResident!.toString(),
              }))}
            testId="per-resident-chart"
          />
          <DataTable
            caption={`Spending per resident and per overdose death, FY${fiscalYear} (data table)`}
            columns={BURDEN_COLUMNS}
            rows={burdenRows}
            testId="compare-table"
            emptyMessage="No localities yet."
          />
        </div>
        <p className="muted">
          Per-resident and per-death figures are exact divisions of the cents, rounded to the nearest cent. Where a
          count is missing or zero, Abate says “{NOT_ENOUGH}” instead of dividing.
        </p>
      </section>

      <section aria-labelledby="shares-heading">
        <h2 id="shares-heading">Share of spending to each group, FY{fiscalYear}</h2>
        <p>{shareSummary}</p>
        <div className="chart-and-table">
          <ShareBars
            title={`Share of FY${fiscalYear} spending by health-first group`}
            summary={shareSummary}
            groups={groupsPresent.map((name) => ({ name, color: colors[name] ?? '#6b7280' }))}
            bars={shareRows.map((r) => ({ label: r.locality.name, shares: r.shares }))}
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
