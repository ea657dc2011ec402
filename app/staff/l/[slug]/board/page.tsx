import type { Metadata } from 'next';
import Link from 'next/link';
import { AreaBurdenChart, LocalityBurdenChart } from '@/app/_components/equity/burden-charts';
import { yearsForNav } from '@/lib/fiscal-year/choose-fiscal-year';
import { FlagsList } from '@/app/_components/equity/flags-list';
import { PrintButton } from '@/app/_components/equity/print-button';
import { ReachParityChart } from '@/app/_components/equity/reach-parity-chart';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import type { SearchParams } from '@/app/_components/search-params';
import { TotalsCards } from '@/app/_components/totals-cards';
import { loadBoardSummary } from '@/lib/data/board-summary';
import { todayIso } from '@/lib/fiscal-year';
import { openBoardPage } from '../_lib/board-page';
import { BoardDecisionsSection } from './board-decisions-section';
import { BoardGoalsSection } from './board-goals-section';
import { BoardTrendsSection } from './board-trends-section';

export const metadata: Metadata = { title: 'Board summary' };

export default async function BoardPage(route: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { locality, db, years, fiscalYear, base } = await openBoardPage(route, 'board');
  const summary = await loadBoardSummary(db, locality, fiscalYear);

  return (
    <div className="board-summary">
      <div className="page-header page-header--actions">
        <h1>
          Board summary: {locality.name}, FY{fiscalYear}
        </h1>
        <PrintButton />
      </div>
      <p className="lede">
        Money, equity goals, flags and the board’s decisions for fiscal year {fiscalYear}. Only approved lines, and
        receipts and payments staff posted, are counted. Counts of fewer than 11 people are hidden as on the public pages, so this summary can be handed out.
      </p>
      <p className="print-only">Printed from Abate on {todayIso()}. Figures are exact to the cent.</p>
      <FiscalYearNav years={yearsForNav(years, fiscalYear, locality.fyStartMonth)} current={fiscalYear} basePath={`${base}/board`} />
      <p className="no-print">
        <Link href={`${base}/review?fy=${fiscalYear}`}>Review submitted lines</Link> ·{' '}
        <Link href={`${base}/goals?fy=${fiscalYear}`}>Goals</Link>
      </p>

      <section aria-labelledby="board-totals-heading" className="section board-section">
        <h2 id="board-totals-heading">Totals</h2>
        <TotalsCards
          items={[
            { label: 'Received', cents: summary.totals.receivedCents, testId: 'board-received' },
            { label: 'Allocated (approved)', cents: summary.totals.allocatedCents, testId: 'board-allocated' },
            { label: 'Spent', cents: summary.totals.spentCents, testId: 'board-spent' },
            { label: 'Unspent', cents: summary.totals.unspentCents, note: 'Received minus spent', testId: 'board-unspent' },
          ]}
        />
        <p className="muted">The four figures are separate measures of the same money and are never added together.</p>
      </section>

      <BoardGoalsSection summary={summary} fiscalYear={fiscalYear} base={base} />

      <section aria-labelledby="board-flags-heading" className="section board-section">
        <h2 id="board-flags-heading">Flags</h2>
        <FlagsList flags={summary.flags} fiscalYear={fiscalYear} lineHrefBase={`${base}/allocations/`} testId="board-flags" />
      </section>

      <BoardDecisionsSection decisions={summary.decisions} fiscalYear={fiscalYear} base={base} slug={locality.slug} />

      <BoardTrendsSection summary={summary} fiscalYear={fiscalYear} />

      <section aria-labelledby="board-reach-heading" className="section board-section">
        <h2 id="board-reach-heading">Who the programs reach</h2>
        <ReachParityChart reach={summary.reach} testId="board-reach" />
      </section>

      <section aria-labelledby="board-burden-heading" className="section board-section">
        <h2 id="board-burden-heading">Spending against burden</h2>
        <AreaBurdenChart areas={summary.areas} fiscalYear={fiscalYear} localityName={locality.name} testId="board-areas" />
        <LocalityBurdenChart localities={summary.localities} fiscalYear={fiscalYear} currentSlug={locality.slug} testId="board-burden" />
      </section>
    </div>
  );
}
