import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SimpleTable } from '@/app/staff/_components/simple-table';
import { formatCents } from '@/lib/money';
import { findReport } from '@/lib/reports';
import { findFigure, readFigureItems, type FigureItem } from '@/lib/reports/figure-items';
import { openLocalityPage, type LocalityRoute } from '../../_lib/locality-page';

export const metadata: Metadata = { title: 'What a report figure sums' };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

const KIND_LABEL: Record<FigureItem['kind'], string> = { receipt: 'Receipt', payment: 'Payment', line: 'Allocation line' };

function itemHref(slug: string, item: FigureItem): string {
  if (item.kind === 'receipt') return `/staff/l/${slug}/receipts/${item.id}/edit`;
  if (item.kind === 'payment') return `/staff/l/${slug}/expenditures/${item.id}/edit`;
  return `/staff/l/${slug}/allocations/${item.id}`;
}

/** The receipts, payments and lines one report figure sums, each linked to its staff page. */
export default async function ReportFigurePage(route: LocalityRoute) {
  // Signed out, one signs in and comes back to the reports.
  const { locality, query: q, db } = await openLocalityPage(route, 'reports');
  const report = findReport(one(q.report));
  const fiscalYear = Number(one(q.fy));
  if (!report || !Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) notFound();
  const document = await report.build(db, { localityId: locality.id, fiscalYear });
  const figure = findFigure(document, one(q.section), one(q.row), one(q.column));
  if (!figure) notFound();
  const items = await readFigureItems(db, locality.id, figure.sources);
  const back = `/staff/l/${locality.slug}/reports?report=${report.key}&fy=${fiscalYear}`;

  return (
    <div>
      <p>
        <Link href={back}>Back to the report</Link>
      </p>
      <h1>{formatCents(figure.cents)}</h1>
      <p className="lede">
        {report.title}, FY{fiscalYear}: {figure.label}.
      </p>
      {figure.sources.fund ? (
        <p>
          This figure is a balance of the fund, worked out from every receipt and payment since the opening balance:{' '}
          <Link href={`/staff/l/${locality.slug}/fund`}>see the fund year by year</Link>.
        </p>
      ) : null}
      {items.length > 0 ? (
        <SimpleTable
          caption={<>What the figure sums{figure.sources.lines.length > 0 && figure.sources.payments.length > 0 ? ' (payments, and the lines they were made against)' : ''}</>}
          columns={['Kind', 'Date', 'What', 'Amount']}
        >
          {items.map((item) => (
            <tr key={`${item.kind}-${item.id}`}>
              <td>
                <Link href={itemHref(locality.slug, item)}>
                  {KIND_LABEL[item.kind]} #{item.id}
                </Link>
              </td>
              <td>{item.date ?? ''}</td>
              <td>{item.description}</td>
              <td>{formatCents(item.amountCents)}</td>
            </tr>
          ))}
        </SimpleTable>
      ) : !figure.sources.fund ? (
        <p>Nothing: the figure is zero.</p>
      ) : null}
    </div>
  );
}
