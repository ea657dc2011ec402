import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/authorize';
import { countOverduePayments } from '@/lib/data/reconciliation';
import { listStaffLocalities } from '@/lib/data/staff-localities';
import { getReportDeadlines } from '@/lib/reports/deadlines';
import { TodoLinks } from '@/app/staff/_components/todo-links';
import { localityWork, workspaceLede } from '@/app/staff/_lib/workspace-view';
import { overdueNotice } from './settlements/_lib/settlement-view';
import { mayPost } from '@/lib/services/money/posting-rules';
import { StatusNotice } from '@/app/staff/_components/list-page';
import { openLocalityPage, type LocalityRoute } from './_lib/locality-page';

export const metadata: Metadata = { title: 'Locality workspace' };

/** The locality's staff pages, each with what it holds; the import only for those who may import. */
const PAGE_CARDS = [
  { path: 'allocations', title: 'Allocations', text: 'Programs the money is budgeted for, split across categories, with their status and history.' },
  { path: 'receipts', title: 'Receipts', text: 'Payments received from settlements and grants.' },
  { path: 'settlements', title: 'Settlements', text: 'What each settlement should pay, year by year, reconciled to the receipts.' },
  { path: 'expenditures', title: 'Expenditures', text: 'Money paid out against allocations.' },
  { path: 'reports', title: 'State reports', text: 'The annual reports states ask for, from the same ledger: on screen, as XLSX, printed; and when each is due.' },
  { path: 'import', title: 'Import a spreadsheet', text: 'CSV or Excel: match the columns, preview every row, then commit all rows or none.', needsImport: true },
];

export default async function StaffLocalityPage(route: LocalityRoute) {
  const { actor, locality, db } = await openLocalityPage(route, '');
  const base = `/staff/l/${locality.slug}`;
  const mayWrite = can(actor, 'money.write', locality.id);
  const mayDecide = can(actor, 'allocation.decide', locality.id);
  const [overdueCount, deadlines, [counts]] = await Promise.all([
    countOverduePayments(db, { localityId: locality.id }),
    getReportDeadlines(db, { localityId: locality.id }),
    listStaffLocalities(db, [locality.id]),
  ]);
  const work = counts
    ? localityWork({ ...counts, maySubmit: can(actor, 'allocation.submit', locality.id), mayDecide, mayPost: mayPost(actor, locality) })
    : null;
  const overdue = overdueNotice(overdueCount);
  const reportHref = (d: { report: string; fiscalYear: number }) => `${base}/reports?report=${d.report}&fy=${d.fiscalYear}`;
  return (
    <>
      <h1>{locality.name}</h1>
      <p className="lede">{workspaceLede({ mayWrite, mayDecide })}</p>
      {work ? <TodoLinks work={work} /> : null}
      {overdue ? (
        <StatusNotice testId="overdue-payments">
          <Link href={`${base}/settlements#reconciliation`}>{overdue}</Link>: a settlement payment still missing 60 days
          after its expected date.
        </StatusNotice>
      ) : null}
      {deadlines.late.length > 0 ? (
        <div className="notice" role="status" data-testid="late-reports">
          <p>
            {deadlines.late.length === 1 ? 'A state report is late' : `${deadlines.late.length} state reports are late`} (due date passed, not marked as filed):
          </p>
          <ul>
            {deadlines.late.map((d) => (
              <li key={`${d.report}-${d.fiscalYear}`}>
                <Link href={reportHref(d)}>
                  {d.title}, FY{d.fiscalYear}
                </Link>{' '}
                — due {d.dueOn}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {deadlines.next ? (
        <p data-testid="next-report">
          Next report due: <Link href={reportHref(deadlines.next)}>{deadlines.next.title}, FY{deadlines.next.fiscalYear}</Link> on{' '}
          {deadlines.next.dueOn}.
        </p>
      ) : null}
      <ul className="card-list">
        {PAGE_CARDS.filter((card) => !card.needsImport || can(actor, 'import.commit', locality.id)).map((card) => (
          <li key={card.path} className="card">
            <h2>
              <Link href={`${base}/${card.path}`}>{card.title}</Link>
            </h2>
            <p className="muted">{card.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
