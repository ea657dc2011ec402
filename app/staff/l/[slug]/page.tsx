import type { Metadata } from 'next';
import Link from 'next/link';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { getDb } from '@/db/runtime';
import { can } from '@/lib/auth/authorize';
import { countOverduePayments } from '@/lib/data/reconciliation';
import { overdueNotice } from './settlements/_lib/settlement-view';

export const metadata: Metadata = { title: 'Locality workspace' };

export default async function StaffLocalityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, locality } = await requireLocalityAccess(slug, 'locality.read', `/staff/l/${slug}`);
  const base = `/staff/l/${locality.slug}`;
  const mayWrite = can(actor, 'money.write', locality.id);
  const overdue = overdueNotice(await countOverduePayments(await getDb(), { localityId: locality.id }));
  return (
    <>
      <h1>{locality.name}</h1>
      <p className="lede">
        {mayWrite
          ? 'Record money received, allocations and spending, or import the spreadsheet you already keep.'
          : 'Read the allocations, receipts and spending of this locality and their history.'}
      </p>
      {overdue ? (
        <p className="notice" role="status" data-testid="overdue-payments">
          <Link href={`${base}/settlements#reconciliation`}>{overdue}</Link>: a settlement payment still missing 60 days
          after its expected date.
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
