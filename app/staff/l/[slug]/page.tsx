import type { Metadata } from 'next';
import Link from 'next/link';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { getDb } from '@/db/runtime';
import { can } from '@/lib/auth/authorize';
import { countOverduePayments } from '@/lib/data/reconciliation';
import { listStaffLocalities } from '@/lib/data/staff-localities';
import { getReportDeadlines } from '@/lib/reports/deadlines';
import { TodoLinks } from '@/app/staff/_components/todo-links';
import { localityWork, workspaceLede } from '@/app/staff/_lib/workspace-view';
import { overdueNotice } from './settlements/_lib/settlement-view';
import { mayPost } from '@/lib/services/post-money';

export const metadata: Metadata = { title: 'Locality workspace' };

export default async function StaffLocalityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, locality } = await requireLocalityAccess(slug, 'locality.read', `/staff/l/${slug}`);
  const base = `/staff/l/${locality.slug}`;
  const mayWrite = can(actor, 'money.write', locality.id);
  const db = await getDb();
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
        <p className="notice" role="status" data-testid="overdue-payments">
          <Link href={`${base}/settlements#reconciliation`}>{overdue}</Link>: a settlement payment still missing 60 days
          after its expected date.
        </p>
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
        <li className="card">
          <h2><Link href={`${base}/allocations`}>Allocations</Link></h2>
          <p className="muted">Programs the money is budgeted for, split across categories, with their status and history.</p>
        </li>
        <li className="card">
          <h2><Link href={`${base}/receipts`}>Receipts</Link></h2>
          <p className="muted">Payments received from settlements and grants.</p>
        </li>
        <li className="card">
          <h2><Link href={`${base}/settlements`}>Settlements</Link></h2>
          <p className="muted">What each settlement should pay, year by year, reconciled to the receipts.</p>
        </li>
        <li className="card">
          <h2><Link href={`${base}/expenditures`}>Expenditures</Link></h2>
          <p className="muted">Money paid out against allocations.</p>
        </li>
        <li className="card">
          <h2><Link href={`${base}/reports`}>State reports</Link></h2>
          <p className="muted">The annual reports states ask for, from the same ledger: on screen, as XLSX, printed; and when each is due.</p>
        </li>
        {can(actor, 'import.commit', locality.id) ? (
          <li className="card">
            <h2><Link href={`${base}/import`}>Import a spreadsheet</Link></h2>
            <p className="muted">CSV or Excel: match the columns, preview every row, then commit all rows or none.</p>
          </li>
        ) : null}
      </ul>
    </>
  );
}
