import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { FlagsList } from '@/app/_components/equity/flags-list';
import { pickFiscalYear, yearsForNav } from '@/app/_components/equity/fiscal-year';
import { GoalStatusBadge } from '@/app/_components/equity/goal-status';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import type { ServerColumnSpec } from '@/app/_components/server-data-table';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { getDb } from '@/db/runtime';
import { computeReviewBaseline, computeReviewImpact, listReviewYears, listSubmittedLines, loadSubjectLabels, type GoalImpact, type ReviewImpact } from '@/lib/data/board-review';
import { describeTarget, DIRECTION_ARROW, formatGoalValue } from '@/lib/data/board-words';
import { flattenSearchParams, PAGE_SIZES, RECIPIENT_TYPE_LABELS } from '@/lib/data/staff-list-query';
import { getStaffAllocation } from '@/lib/data/staff-allocations';
import { listMoneyAwaitingPosting } from '@/lib/data/money-awaiting-posting';
import { toPublicFlag } from '@/lib/equity/public';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import { buildReviewQueue, FLAG_FILTER_ANY, FLAG_FILTER_NONE, FLAG_KIND_LABELS, parseReviewQueueQuery } from '@/lib/views/review-queue-view';
import { MAX_POST_LINES } from '@/lib/services/post-money';
import { separationOfDutiesConflict } from '@/lib/services/separation-of-duties';
import { buildMoneyPostingQueue } from '@/lib/views/money-posting-view';
import { decideFromReviewAction } from './actions';
import { DecisionForm } from './decision-form';
import { MoneyPostingTable } from './money-posting';
import { ReviewQueue } from './review-queue';

export const metadata: Metadata = { title: 'Review submitted lines' };

const DIRECTION_WORDS: Readonly<Record<GoalImpact['direction'], string>> = {
  up: 'rises',
  down: 'falls',
  same: 'no change',
  unknown: 'cannot compare',
};

const COLUMNS: ServerColumnSpec[] = [
  { id: 'program', header: 'Program', kind: 'link', hrefKey: 'href', hideable: false },
  { id: 'amount', header: 'Amount', kind: 'money' },
  { id: 'flags', header: 'Flags if approved', kind: 'text' },
  { id: 'equity', header: 'Equity effect', kind: 'text' },
  { id: 'status', header: 'Status', kind: 'status', sortable: false },
  { id: 'submittedAt', header: 'Submitted (UTC)', kind: 'text', hiddenByDefault: true },
];

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { actor, locality } = await requireLocalityAccess(slug, 'allocation.decide', `/staff/l/${slug}/review`);
  const query = flattenSearchParams(await searchParams);
  const queueQuery = parseReviewQueueQuery(query);
  const db = await getDb();
  const waiting = await listReviewYears(db, locality.id);
  const fiscalYear = pickFiscalYear(
    query.fy,
    waiting.map((w) => w.fiscalYear),
    locality.fyStartMonth,
  );
  const base = `/staff/l/${locality.slug}`;
  const lines = await listSubmittedLines(db, locality.id, fiscalYear);
  const labels = await loadSubjectLabels(db, locality.id);
  // Where the board approves the locality's receipts and payments, it posts them from here too.
  const money = locality.moneyNeedsApproval
    ? buildMoneyPostingQueue(await listMoneyAwaitingPosting(db, { localityId: locality.id, limit: MAX_POST_LINES }), { actorUserId: actor.userId, base })
    : null;
  const baseline = lines.length > 0 ? await computeReviewBaseline(db, locality.id, fiscalYear) : null;
  const impacts: (ReviewImpact | null)[] = [];
  for (const line of lines) impacts.push(baseline ? await computeReviewImpact(db, locality.id, fiscalYear, line.id, baseline, labels) : null);

  const decidedParam = typeof query.decided === 'string' && /^\d{1,10}$/.test(query.decided) ? Number(query.decided) : null;
  const decided = decidedParam === null ? null : await getStaffAllocation(db, locality.id, decidedParam);
  const elsewhere = waiting.filter((w) => w.fiscalYear !== fiscalYear);
  const queue = buildReviewQueue(
    lines.map((line, index) => ({
      line,
      impact: impacts[index] ?? null,
      mine: separationOfDutiesConflict({ createdBy: line.createdById, submittedBy: line.submittedBy?.id ?? null }, actor.userId) !== null,
    })),
    queueQuery,
    base,
  );
  const onPage = new Set(queue.rows.map((row) => row.id));
  const details: Record<string, ReactNode> = {};
  for (const [index, line] of lines.entries()) {
    if (!onPage.has(String(line.id))) continue;
        const impact = impacts[index];
        const headingId = `review-line-${line.id}`;
        details[String(line.id)] = (
          <article key={line.id} className="review-line" aria-labelledby={headingId} data-testid="review-line" data-allocation-id={line.id}>
            <h2 id={headingId}>
              <Link href={`${base}/allocations/${line.id}`}>{line.program}</Link>
            </h2>
            <dl className="facts">
              <div>
                <dt>Amount</dt>
                <dd className="money" data-cents={line.amountCents.toString()}>
                  {formatCents(line.amountCents)}
                </dd>
              </div>
              <div>
                <dt>Recipient</dt>
                <dd>
                  {line.recipient ? (
                    <>
                      {line.recipient.name}{' '}
                      <span className="muted">
                        ({RECIPIENT_TYPE_LABELS[line.recipient.type] ?? line.recipient.type}
                        {line.recipient.livedExperienceLed ? '; led by people with lived experience' : ''})
                      </span>
                    </>
                  ) : (
                    <span className="muted">Not recorded</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>Submitted</dt>
                <dd>
                  {line.submittedAt ?? 'time not recorded'}
                  {line.submittedBy ? ` by ${line.submittedBy.name}` : ''}
                </dd>
              </div>
              <div className="facts__wide">
                <dt>Categories</dt>
                <dd data-testid="review-line-categories">
                  {line.categories.length === 0
                    ? 'None'
                    : line.categories
                        .map((c) => `${c.label} (${c.group}, ${c.frameworkName}) ${formatPercentFromBasisPoints(c.shareBasisPoints)}`)
                        .join('; ')}
                </dd>
              </div>
              <div className="facts__wide">
                <dt>Description</dt>
                <dd>{line.description || <span className="muted">No description</span>}</dd>
              </div>
            </dl>

            <h3>Flags if approved</h3>
            <FlagsList
              flags={(impact?.flags ?? []).map(toPublicFlag)}
              fiscalYear={fiscalYear}
              emptyText="Approving this line raises no flag."
              testId="review-line-flags"
            />

            <h3>Equity impact of approving it</h3>
            {impact && impact.goals.length > 0 ? (
              <>
                <ul className="impact-sentences" data-testid="impact-sentences">
                  {impact.goals.map((goal) => (
                    <li key={goal.goalId} data-goal-id={goal.goalId} data-direction={goal.direction}>
                      <span aria-hidden="true" className="impact-arrow">
                        {DIRECTION_ARROW[goal.direction]}
                      </span>{' '}
                      {goal.sentence}
                    </li>
                  ))}
                </ul>
                <div className="table-scroll" role="region" aria-label={`Goals now and if “${line.program}” is approved`} tabIndex={0}>
                  <table className="data-table impact-table" data-testid="impact-table">
                    <caption>Each goal now and if “{line.program}” is approved</caption>
                    <thead>
                      <tr>
                        <th scope="col">Goal</th>
                        <th scope="col">Target</th>
                        <th scope="col" className="th--end">
                          Now
                        </th>
                        <th scope="col" className="th--end">
                          If approved
                        </th>
                        <th scope="col">Change</th>
                        <th scope="col">Status now</th>
                        <th scope="col">Status if approved</th>
                      </tr>
                    </thead>
                    <tbody>
                      {impact.goals.map((goal) => (
                        <tr key={goal.goalId} data-goal-id={goal.goalId}>
                          <th scope="row">{goal.title}</th>
                          <td className="impact-target">{describeTarget(goal.comparator, goal.target, goal.unit)}</td>
                          <td className="cell--number" data-column="before" data-value={goal.before.actual ?? undefined}>
                            {formatGoalValue(goal.before.actual, goal.unit)}
                          </td>
                          <td className="cell--number" data-column="after" data-value={goal.after.actual ?? undefined}>
                            {formatGoalValue(goal.after.actual, goal.unit)}
                          </td>
                          <td data-column="direction">
                            <span aria-hidden="true">{DIRECTION_ARROW[goal.direction]}</span> {DIRECTION_WORDS[goal.direction]}
                          </td>
                          <td>
                            <GoalStatusBadge status={goal.before.status} />
                          </td>
                          <td>
                            <GoalStatusBadge status={goal.after.status} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : (
              <p className="muted">
                No equity goals are set for FY{fiscalYear}. <Link href={`${base}/goals?fy=${fiscalYear}`}>Set goals</Link>
              </p>
            )}

            <h3>Decision</h3>
            <DecisionForm
              key={line.version}
              action={decideFromReviewAction}
              slug={locality.slug}
              id={line.id}
              version={line.version}
              fiscalYear={fiscalYear}
              program={line.program}
              submittedByMe={line.submittedBy?.id === actor.userId}
            />
          </article>
        );
  }

  return (
    <>
      <div className="page-header">
        <h1>Review submitted lines</h1>
        <p className="lede">
          Lines the budget staff of {locality.name} submitted for FY{fiscalYear}. For each, see its flags and how every
          equity goal would move if you approve it, then approve or return it with a written reason. Every decision and
          its reason go into the audit log and are shown in public on the locality’s{' '}
          <Link href={`/l/${locality.slug}/decisions`}>board decisions page</Link>, with your role, not your name.
        </p>
      </div>
      <FiscalYearNav years={yearsForNav(waiting.map((w) => w.fiscalYear), fiscalYear, locality.fyStartMonth)} current={fiscalYear} basePath={`${base}/review`} />

      {decided && (decided.status === 'approved' || decided.status === 'returned') ? (
        <p className="notice" role="status" data-testid="decision-done">
          {decided.status === 'approved' ? 'Approved' : 'Returned'}: “{decided.program}”
          {decided.decisionReason ? `, with the reason “${decided.decisionReason}”` : ''}.{' '}
          <Link href={`${base}/allocations/${decided.id}`}>Open the line</Link>
        </p>
      ) : null}

      <p data-testid="review-count">
        {lines.length === 0
          ? `No lines are waiting for the board in FY${fiscalYear}.`
          : `${lines.length === 1 ? '1 line is' : `${lines.length} lines are`} waiting for the board in FY${fiscalYear}.`}
        {elsewhere.length > 0
          ? ` Also waiting: ${elsewhere.map((w) => `FY${w.fiscalYear} (${w.submitted})`).join(', ')}.`
          : ''}{' '}
        <Link href={`${base}/board?fy=${fiscalYear}`}>Board summary for FY{fiscalYear}</Link>
      </p>

      <ReviewQueue
        caption={`Lines waiting for the board in FY${fiscalYear}`}
        columns={COLUMNS}
        rows={queue.rows}
        rowCount={queue.rowCount}
        params={query}
        page={queue.page}
        pageSize={queueQuery.pageSize}
        pageSizes={PAGE_SIZES}
        sort={{ id: queueQuery.sort, desc: queueQuery.desc }}
        searchLabel="Search program, description, recipient or category"
        filters={[
          {
            param: 'flag',
            label: 'Flags',
            allLabel: 'All lines',
            options: [
              { value: FLAG_FILTER_ANY, label: 'Any flag' },
              { value: FLAG_FILTER_NONE, label: 'No flag' },
              ...queue.flagKinds.map((kind) => ({ value: kind, label: FLAG_KIND_LABELS[kind], group: 'Only this flag' })),
            ],
          },
        ]}
        totals={{ amount: queue.totalCents }}
        totalsLabel="Total of this view"
        testId="review-queue"
        emptyMessage={lines.length === 0 ? `No lines are waiting for the board in FY${fiscalYear}.` : 'No waiting line matches this view.'}
        slug={locality.slug}
        localityId={locality.id}
        details={details}
      />

      {money ? (
        <section aria-labelledby="money-awaiting-posting" className="money-awaiting" data-testid="money-awaiting-posting">
          <h2 id="money-awaiting-posting">Receipts and payments awaiting posting</h2>
          <p data-testid="money-awaiting-count">
            {money.summary} The board of {locality.name} approves each receipt and payment: staff save them as drafts,
            and a board member other than the person who recorded one posts it. Once posted it counts on the public
            pages.
          </p>
          {money.sections.map((section) => (
            <MoneyPostingTable key={section.kind} section={section} slug={locality.slug} localityId={locality.id} />
          ))}
        </section>
      ) : null}
    </>
  );
}

