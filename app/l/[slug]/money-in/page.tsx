import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DemoBadge } from '@/app/_components/demo-badge';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import { todayIso } from '@/lib/fiscal-year';
import { formatCents } from '@/lib/money';
import { publicFund } from '@/lib/open-data/fund-answer';
import { FundTable } from './fund-table';
import { MoneyInChart } from './money-in-chart';
import { buildMoneyInView } from './money-in-view';
import { localityPageMetadata } from '../_sections/locality-metadata';

interface PageProps {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return localityPageMetadata(params, 'Money coming in');
}

const money = (cents: bigint | null) => (cents === null ? '—' : formatCents(cents));

/**
 * "Money coming in": what each settlement should have paid the locality and what arrived, and the fund's balance
 * year by year. Public data only: receipts that are not deleted, spending against approved lines (lib/data/fund.ts).
 * Rendered on the server; the chart's SVG is the only part that needs JavaScript, and the tables carry every figure.
 */
export default async function MoneyInPage({ params }: PageProps) {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) notFound();
  const today = todayIso();
  const { fund, reconciliation } = await publicFund(db, locality, today);
  const view = buildMoneyInView(reconciliation, Number(today.slice(0, 4)));

  return (
    <div className="locality-page">
      <p className="breadcrumbs">
        <Link href={`/l/${locality.slug}`}>{locality.name}</Link> / <span>Money coming in</span> {locality.isDemo ? <DemoBadge /> : null}
      </p>
      <h1>Money coming in: {locality.name}</h1>
      <p className="lede">{view.summary}</p>

      <section aria-labelledby="expected-heading">
        <h2 id="expected-heading">Expected and received, by settlement payment year</h2>
        <p>
          Settlements pay in yearly installments. The expected amounts are the latest estimate the locality recorded,
          with its date and source; estimates change as often as twice a month. A payment still missing 60 days after
          its expected date is overdue.
        </p>
        <MoneyInChart title="Expected and received by payment year" summary={view.summary} {...view.chart} />
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Expected and received, by settlement and payment year">
          <table className="data-table" data-testid="reconciliation-table">
            <caption>Expected and received, by settlement and payment year</caption>
            <thead>
              <tr>
                <th scope="col">Settlement</th>
                <th scope="col">Payment year</th>
                <th scope="col" className="cell--money">Expected</th>
                <th scope="col" className="cell--money">Received</th>
                <th scope="col" className="cell--money">Difference</th>
                <th scope="col">Status</th>
                <th scope="col" className="cell--text">Estimate</th>
              </tr>
            </thead>
            <tbody>
              {reconciliation.length === 0 ? (
                <tr>
                  <td colSpan={7} className="table-empty">
                    No settlement payments expected or received yet.
                  </td>
                </tr>
              ) : (
                reconciliation.map((row) => (
                  <tr key={`${row.sourceKey}-${row.paymentYear}`} data-status={row.status}>
                    <th scope="row">{row.sourceName}</th>
                    <td>{row.paymentYear}</td>
                    <td className="cell--money" data-cents={row.expectedCents?.toString()}>{money(row.expectedCents)}</td>
                    <td className="cell--money" data-cents={row.receivedCents.toString()}>{money(row.receivedCents)}</td>
                    <td className="cell--money">{money(row.differenceCents)}</td>
                    <td>
                      {row.status === 'overdue' ? <strong>⚠ {view.statusLabel(row)}</strong> : view.statusLabel(row)}
                    </td>
                    <td className="cell--estimate">
                      {row.estimate ? (
                        <>
                          {row.estimate.source}
                          <small>estimated {row.estimate.estimatedOn}</small>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">Overdue</h2>
        {view.overdue.length === 0 ? (
          <p>No settlement payment is overdue.</p>
        ) : (
          <ul data-testid="overdue-list">
            {view.overdue.map((row) => (
              <li key={`${row.sourceKey}-${row.paymentYear}`}>
                {row.sourceName}, payment year {row.paymentYear}: {money(row.expectedCents)} expected
                {row.expectedOn ? ` on ${row.expectedOn}` : ''}, {money(row.receivedCents)} received.
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="fund-heading">
        <h2 id="fund-heading">The settlement fund, year by year</h2>
        <p>
          Each fiscal year begins with the previous year&apos;s ending balance; ending = beginning + received − spent,
          to the cent. Spent counts payments against approved spending lines; audit and administration are parts of
          it.
          {fund.opening
            ? ` The fund's balance on the first day of FY${fund.opening.fiscalYear} was ${formatCents(fund.opening.amountCents)}, as the locality recorded it.`
            : ''}
        </p>
        <FundTable years={fund.years} caption={`${locality.name}: settlement fund by fiscal year, newest first`} />
        <p>
          The same figures as data: <a href={`/api/v1/localities/${locality.slug}/fund`}>JSON</a>,{' '}
          <a href={`/data/${locality.slug}/fund-years.csv`}>fund years (CSV)</a>,{' '}
          <a href={`/data/${locality.slug}/reconciliation.csv`}>expected and received (CSV)</a>.
        </p>
      </section>
    </div>
  );
}
