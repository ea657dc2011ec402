import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { STAFF_YEAR_RULES, chooseFiscalYear, yearsForNav } from '@/lib/fiscal-year/choose-fiscal-year';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import type { ServerColumnSpec } from '@/app/_components/server-data-table';
import { StatusNotice } from '@/app/staff/_components/list-page';
import { listReviewYears, loadReviewLines } from '@/lib/data/board-review';
import { flattenSearchParams, PAGE_SIZES } from '@/lib/data/staff-list-query';
import { getStaffAllocation } from '@/lib/data/staff-allocations';
import { listMoneyAwaitingPosting } from '@/lib/data/money-awaiting-posting';
import { buildReviewQueue, flagFilterOptions, parseReviewQueueQuery, toQueueLines } from '@/lib/views/review-queue-view';
import { decidedNotice, parseDecidedId, queueEmptyText, reviewCountText } from '@/lib/views/review-line-view';
import { MAX_POST_LINES } from '@/lib/services/money/post';
import { buildMoneyPostingQueue } from '@/lib/views/money-posting-view';
import { MoneyPostingTable } from './money-posting';
import { ReviewLineDetail } from './review-line-detail';
import { ReviewQueue } from './review-queue';
import { openLocalityPage, type LocalityRoute } from '../_lib/locality-page';

export const metadata: Metadata = { title: 'Review submitted lines' };

const COLUMNS: ServerColumnSpec[] = [
  { id: 'program', header: 'Program', kind: 'link', hrefKey: 'href', hideable: false },
  { id: 'amount', header: 'Amount', kind: 'money' },
  { id: 'flags', header: 'Flags if approved', kind: 'text' },
  { id: 'equity', header: 'Equity effect', kind: 'text' },
  { id: 'status', header: 'Status', kind: 'status', sortable: false },
  { id: 'submittedAt', header: 'Submitted (UTC)', kind: 'text', hiddenByDefault: true },
];

export default async function ReviewPage(route: LocalityRoute) {
  const { actor, locality, query: search, db } = await openLocalityPage(route, 'review', 'allocation.decide');
  const query = flattenSearchParams(search);
  const queueQuery = parseReviewQueueQuery(query);
  const waiting = await listReviewYears(db, locality.id);
  const fiscalYear = chooseFiscalYear(
    query.fy,
    waiting.map((w) => w.fiscalYear),
    locality.fyStartMonth,
    new Date(),
    STAFF_YEAR_RULES,
  );
  const base = `/staff/l/${locality.slug}`;
  const loaded = await loadReviewLines(db, locality.id, fiscalYear);
  // Where the board approves the locality's receipts and payments, it posts them from here too.
  const money = locality.moneyNeedsApproval
    ? buildMoneyPostingQueue(await listMoneyAwaitingPosting(db, { localityId: locality.id, limit: MAX_POST_LINES }), { actorUserId: actor.userId, base })
    : null;
  const decidedId = parseDecidedId(query.decided);
  const notice = decidedNotice(decidedId === null ? null : await getStaffAllocation(db, locality.id, decidedId), base);
  const queue = buildReviewQueue(toQueueLines(loaded, actor.userId), queueQuery, base);
  const onPage = new Set(queue.rows.map((row) => row.id));
  // Only the lines on this page of the queue are drawn: a detail is heavy (its impact table and decision form).
  const details: Record<string, ReactNode> = {};
  for (const { line, impact } of loaded) {
    if (!onPage.has(String(line.id))) continue;
    details[String(line.id)] = (
      <ReviewLineDetail key={line.id} line={line} impact={impact} fiscalYear={fiscalYear} base={base} slug={locality.slug} actorUserId={actor.userId} />
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

      {notice ? (
        <StatusNotice testId="decision-done">
          {notice.text} <Link href={notice.href}>Open the line</Link>
        </StatusNotice>
      ) : null}

      <p data-testid="review-count">
        {reviewCountText(
          loaded.length,
          fiscalYear,
          waiting.filter((w) => w.fiscalYear !== fiscalYear),
        )}{' '}
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
        filters={[{ param: 'flag', label: 'Flags', allLabel: 'All lines', options: flagFilterOptions(queue.flagKinds) }]}
        totals={{ amount: queue.totalCents }}
        totalsLabel="Total of this view"
        testId="review-queue"
        emptyMessage={queueEmptyText(loaded.length, fiscalYear)}
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
