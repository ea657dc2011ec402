import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { AreaBurdenChart, LocalityBurdenChart } from '@/app/_components/equity/burden-charts';
import { pickFiscalYear, yearsForNav } from '@/app/_components/equity/fiscal-year';
import { FlagsList } from '@/app/_components/equity/flags-list';
import { GoalBullets } from '@/app/_components/equity/goal-bullets';
import { GoalTrend } from '@/app/_components/equity/goal-trend';
import { PrintButton } from '@/app/_components/equity/print-button';
import { ReachParityChart } from '@/app/_components/equity/reach-parity-chart';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import type { SearchParams } from '@/app/_components/search-params';
import { TotalsCards } from '@/app/_components/totals-cards';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { getDb } from '@/db/runtime';
import { can } from '@/lib/auth/authorize';
import { loadBoardSummary } from '@/lib/data/board-summary';
import { goalsCountSentence, goalTitle } from '@/lib/data/board-words';
import { listFiscalYears } from '@/lib/data/localities';
import { listEquityYears } from '@/lib/equity/trend';
import { todayIso } from '@/lib/fiscal-year';

export const metadata: Metadata = { title: 'Board summary' };

const DECISION_COLUMNS: ColumnSpec[] = [
  { id: 'at', header: 'When', kind: 'text' },
  { id: 'program', header: 'Line', kind: 'link', hrefKey: 'href' },
  { id: 'amount', header: 'Amount', kind: 'money' },
  { id: 'decision', header: 'Decision', kind: 'status', toneKey: 'tone' },
  { id: 'reason', header: 'Reason', kind: 'text', sortable: false, emptyText: 'No reason given' },
  { id: 'by', header: 'Decided by', kind: 'text' },
];

export default async function BoardPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const { actor, locality } = await requireLocalityAccess(slug, 'locality.read', `/staff/l/${slug}/board`);
  // The board (reviewers) and the locality's administrators.
  if (!(can(actor, 'allocation.decide', locality.id) || can(actor, 'users.manage', locality.id))) notFound();
  const query = await searchParams;
  const db = await getDb();
  const years = [...new Set([...(await listFiscalYears(db, locality.id)), ...(await listEquityYears(db, locality.id))])];
  const fiscalYear = pickFiscalYear(query.fy, years, locality.fyStartMonth);
  const summary = await loadBoardSummary(db, locality, fiscalYear);
  const base = `/staff/l/${locality.slug}`;
  const labels = summary.subjectLabels;
  const statuses = summary.goals.map((goal) => goal.status);
  const met = summary.goals.filter((goal) => goal.status === 'met');
  const notMet = summary.goals.filter((goal) => goal.status === 'missed' || goal.status === 'close');
  const approvals = summary.decisions.filter((d) => d.decision === 'approve').length;
  const returns = summary.decisions.length - approvals;

  const decisionRows = summary.decisions.map((d) => ({
    at: d.at,
    program: d.program,
    href: d.currentStatus === 'deleted' ? null : `${base}/allocations/${d.allocationId}`,
    amount: d.amountCents.toString(),
    decision: d.decision === 'approve' ? 'Approved' : 'Returned',
    tone: d.decision === 'approve' ? 'ok' : 'warn',
    reason: d.reason,
    by: d.decidedBy ?? 'unknown',
  }));

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

      <section aria-labelledby="board-goals-heading" className="section board-section">
        <h2 id="board-goals-heading">Goals met and missed</h2>
        <p data-testid="board-goals-count">
          {summary.goals.length === 0 ? (
            <>
              No equity goals are set for FY{fiscalYear}. <Link href={`${base}/goals?fy=${fiscalYear}`}>Set goals</Link>
            </>
          ) : (
            goalsCountSentence(statuses)
          )}
        </p>
        {summary.goals.length > 0 ? (
          <div className="board-goal-lists">
            <div>
              <h3>Met</h3>
              {met.length === 0 ? (
                <p className="muted">None.</p>
              ) : (
                <ul data-testid="board-goals-met">
                  {met.map((goal) => (
                    <li key={goal.id}>{goalTitle(goal, labels)}</li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3>Missed or close</h3>
              {notMet.length === 0 ? (
                <p className="muted">None.</p>
              ) : (
                <ul data-testid="board-goals-missed">
                  {notMet.map((goal) => (
                    <li key={goal.id}>
                      {goalTitle(goal, labels)} ({goal.status === 'close' ? 'close, amber' : 'missed, red'})
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        ) : null}
        <GoalBullets goals={summary.goals} fiscalYear={fiscalYear} labels={labels} idPrefix="board-goals" testId="board-goal-bullets" />
      </section>

      <section aria-labelledby="board-flags-heading" className="section board-section">
        <h2 id="board-flags-heading">Flags</h2>
        <FlagsList flags={summary.flags} fiscalYear={fiscalYear} lineHrefBase={`${base}/allocations/`} testId="board-flags" />
      </section>

      <section aria-labelledby="board-decisions-heading" className="section board-section">
        <h2 id="board-decisions-heading">Decisions taken</h2>
        <p>
          {summary.decisions.length === 0
            ? `The board has not decided on any FY${fiscalYear} line yet.`
            : `${approvals} ${approvals === 1 ? 'approval' : 'approvals'} and ${returns} ${returns === 1 ? 'return' : 'returns'} on FY${fiscalYear} lines, from the audit log.`}
        </p>
        <p className="no-print">
          The public sees every decision and its reason, with who decided by role, on the locality&apos;s{' '}
          <Link href={`/l/${locality.slug}/decisions?fy=${fiscalYear}`}>public decisions page</Link>.
        </p>
        <DataTable
          caption={`Decisions on FY${fiscalYear} lines`}
          columns={DECISION_COLUMNS}
          rows={decisionRows}
          testId="board-decisions"
          emptyMessage="No decisions yet."
        />
      </section>

      <section aria-labelledby="board-trends-heading" className="section board-section">
        <h2 id="board-trends-heading">Each goal over time</h2>
        {summary.goals.length === 0 ? <p className="muted">No goals to follow.</p> : null}
        {summary.goals.map((goal) => {
          const trend = summary.trends.find((t) => t.goalId === goal.id);
          if (!trend) return null;
          const title = goalTitle(goal, labels);
          return (
            <div key={goal.id} className="board-trend">
              <h3>{title}</h3>
              <GoalTrend
                title={title}
                unit={trend.unit}
                comparator={goal.comparator}
                target={goal.target}
                years={trend.years}
                quarters={trend.quarters}
                quarterNote={trend.quarterNote}
                fiscalYear={fiscalYear}
                testId={`goal-trend-${goal.id}`}
              />
            </div>
          );
        })}
      </section>

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
