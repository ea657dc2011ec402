import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { CategoryBarChart } from '@/app/_components/category-bar-chart';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { DemoBadge } from '@/app/_components/demo-badge';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { TotalsCards } from '@/app/_components/totals-cards';
import { getDb } from '@/db/runtime';
import { summarizeByGroup, totalsByGroup } from '@/lib/categories/summarize-spending';
import { publicReads } from '@/lib/data/public-reads';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ fy?: string | string[] }>;
}

const HEALTH_FIRST = 'health-first';

const CATEGORY_COLUMNS: ColumnSpec[] = [
  { id: 'label', header: 'Category', kind: 'text' },
  { id: 'group', header: 'Group', kind: 'text' },
  { id: 'allocated', header: 'Allocated', kind: 'money', total: true },
  { id: 'spent', header: 'Spent', kind: 'money', total: true },
];

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await connection();
  const locality = await publicReads.locality(await getDb(), (await params).slug);
  return { title: locality?.name ?? 'Locality not found' };
}

export default async function LocalityPage({ params, searchParams }: PageProps) {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) notFound();

  const years = await publicReads.fiscalYears(db, locality.id);
  const fiscalYear = chooseFiscalYear((await searchParams).fy, years, locality.fyStartMonth);
  const [totals, byCategory] = await Promise.all([
    publicReads.localityTotals(db, locality.id, fiscalYear),
    publicReads.spendingByCategory(db, locality.id, fiscalYear, HEALTH_FIRST),
  ]);

  const allocatedSummary = summarizeByGroup(
    totalsByGroup(byCategory, (row) => row.allocatedCents),
    fiscalYear,
    'allocated',
  );
  const spentSummary = summarizeByGroup(totalsByGroup(byCategory, (row) => row.spentCents), fiscalYear, 'spent');
  const categoryRows = byCategory.map((row) => ({
    key: row.key,
    label: row.label,
    group: row.group,
    allocated: row.allocatedCents.toString(),
    spent: row.spentCents.toString(),
  }));

  return (
    <>
      <div className="page-header">
        <h1>{locality.name}</h1>
        {locality.isDemo ? <DemoBadge /> : null}
      </div>
      <p className="lede">
        Opioid-settlement money received, allocated and spent in fiscal year {fiscalYear}
        {locality.population ? ` · population ${locality.population.toLocaleString('en-US')}` : ''}. Fiscal years
        end in the year named and start in {monthName(locality.fyStartMonth)}.
      </p>
      <FiscalYearNav years={years} current={fiscalYear} basePath={`/l/${locality.slug}`} />

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">Totals for FY{fiscalYear}</h2>
        <TotalsCards
          items={[
            { label: 'Received', cents: totals.receivedCents.toString(), testId: 'total-received' },
            { label: 'Allocated (approved)', cents: totals.allocatedCents.toString(), testId: 'total-allocated' },
            { label: 'Spent', cents: totals.spentCents.toString(), testId: 'total-spent' },
            {
              label: 'Unspent',
              cents: totals.unspentCents.toString(),
              note: 'Received minus spent',
              testId: 'total-unspent',
            },
          ]}
        />
      </section>

      <section aria-labelledby="by-category-heading">
        <h2 id="by-category-heading">Spending by category</h2>
        <p>{allocatedSummary}</p>
        <div className="chart-and-table">
          <CategoryBarChart
            title={`Allocated and spent by category, FY${fiscalYear}`}
            summary={`${allocatedSummary} ${spentSummary}`}
            data={categoryRows.map((row) => ({
              key: row.key,
              label: row.label,
              allocatedCents: row.allocated,
              spentCents: row.spent,
            }))}
            testId="category-chart"
          />
          <DataTable
            caption={`Allocated and spent by category, FY${fiscalYear} (data table)`}
            columns={CATEGORY_COLUMNS}
            rows={categoryRows}
            totalsLabel="Total"
            testId="category-table"
            emptyMessage="No approved spending for this year."
          />
        </div>
      </section>
    </>
  );
}

function monthName(month: number): string {
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
}
