import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DataTable, type ColumnSpec } from './_components/data-table';
import Link from 'next/link';
import { FiscalYearNav } from './_components/fiscal-year-nav';
import { Flag } from './_components/flag';
import { getDb } from '@/db/runtime';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { publicReads } from '@/lib/data/public-reads';

export const metadata: Metadata = { title: 'Localities' };

const COLUMNS: ColumnSpec[] = [
  { id: 'name', header: 'Locality', kind: 'link', hrefKey: 'href' },
  { id: 'kind', header: 'Kind', kind: 'text' },
  { id: 'received', header: 'Received', kind: 'money', total: true },
  { id: 'allocated', header: 'Allocated', kind: 'money', total: true },
  { id: 'spent', header: 'Spent', kind: 'money', total: true },
  { id: 'unspent', header: 'Unspent (received − spent)', kind: 'money', total: true },
  { id: 'lines', header: 'Approved lines', kind: 'number' },
  { id: 'reported', header: 'Reported', kind: 'status', toneKey: 'reportedTone' },
];

export default async function HomePage({ searchParams }: { searchParams: Promise<{ fy?: string | string[] }> }) {
  await connection();
  const db = await getDb();
  const years = await publicReads.fiscalYears(db);
  const fiscalYear = chooseFiscalYear((await searchParams).fy, years);
  const localities = (await publicReads.localitiesWithTotals(db, fiscalYear)).filter((l) => l.childCount === 0);

  const rows = localities.map((l) => ({
    name: l.name,
    href: `/l/${l.slug}?fy=${fiscalYear}`,
    kind: l.kind[0]!.toUpperCase() + l.kind.slice(1),
    received: l.receivedCents.toString(),
    allocated: l.allocatedCents.toString(),
    spent: l.spentCents.toString(),
    unspent: (l.receivedCents - l.spentCents).toString(),
    lines: String(l.approvedLines),
    reported: l.approvedLines > 0 ? 'Reported' : 'Not reported',
    reportedTone: l.approvedLines > 0 ? 'ok' : 'warn',
  }));
  const notReported = localities.filter((l) => l.approvedLines === 0).length;

  return (
    <>
      <h1>Where the opioid-settlement money goes</h1>
      <p className="lede">
        Counties and cities are receiving over $50 billion from opioid makers, distributors and pharmacies over 18
        years. Here is what each locality received, what it approved to spend, and what it has spent in FY
        {fiscalYear}. Only lines approved in public are counted.
      </p>
      <FiscalYearNav years={years} current={fiscalYear} basePath="/" />
      {notReported > 0 ? (
        <p className="notice" role="note" data-testid="not-reported-notice">
          <Flag>Not reported:</Flag>{' '}
          {localities
            .filter((l) => l.approvedLines === 0)
            .map((l) => l.name)
            .join(', ')}{' '}
          {notReported === 1 ? 'has' : 'have'} not reported any approved spending for FY{fiscalYear}.
        </p>
      ) : null}
      <DataTable
        caption={`Money received, allocated and spent by locality, FY${fiscalYear}`}
        columns={COLUMNS}
        rows={rows}
        totalsLabel="All localities"
        testId="localities-table"
        emptyMessage="No localities yet."
      />
      <p>
        See them <Link href={`/compare?fy=${fiscalYear}`}>side by side, per resident and per overdose death</Link>, or
        read <Link href="/categories">what each category of spending is and why it matters</Link>.
      </p>
    </>
  );
}
