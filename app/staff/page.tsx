import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/runtime';
import { requireSignedIn } from '@/app/_lib/require-staff';
import { localitiesWhere } from '@/lib/auth/authorize';
import { listStaffLocalities } from '@/lib/data/staff-localities';

export const metadata: Metadata = { title: 'Staff workspace' };

const ROLE_LABEL = { admin: 'Administrator', editor: 'Editor', reviewer: 'Reviewer (oversight board)' } as const;

export default async function StaffHomePage() {
  const actor = await requireSignedIn('/staff');
  const scope = localitiesWhere(actor, 'locality.read');
  const localities = await listStaffLocalities(await getDb(), scope);
  return (
    <>
      <h1>Staff workspace</h1>
      <p className="lede">Record what your locality received, allocated and spent, import your spreadsheet, and see the history of every change.</p>
      {localities.length === 0 ? (
        <p className="notice">You do not belong to any locality yet. Ask an administrator to add you.</p>
      ) : (
        <ul className="card-list" aria-label="Your localities">
          {localities.map((locality) => {
            const role = actor.memberships.get(locality.id);
            return (
              <li key={locality.id} className="card">
                <h2>
                  <Link href={`/staff/l/${locality.slug}`}>{locality.name}</Link>
                </h2>
                <p className="muted">
                  {role ? ROLE_LABEL[role] : 'Site administrator'} · {locality.drafts} draft, {locality.submitted} submitted,{' '}
                  {locality.returned} returned
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <ul className="link-list">
        {localitiesWhere(actor, 'audit.read') === 'all' || (localitiesWhere(actor, 'audit.read') as number[]).length > 0 ? (
          <li>
            <Link href="/staff/audit">Audit log of every change</Link>
          </li>
        ) : null}
        {localitiesWhere(actor, 'users.manage') === 'all' || (localitiesWhere(actor, 'users.manage') as number[]).length > 0 ? (
          <li>
            <Link href="/staff/users">People and roles</Link>
          </li>
        ) : null}
        {actor.isSiteAdmin ? (
          <li>
            <Link href="/staff/localities">Localities: add or edit</Link>
          </li>
        ) : null}
        <li>
          <Link href="/staff/account">Your account and password</Link>
        </li>
      </ul>
    </>
  );
}
