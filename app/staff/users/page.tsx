import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/runtime';
import { requireSignedIn } from '@/app/_lib/require-staff';
import { localitiesWhere } from '@/lib/auth/authorize';
import { listStaffLocalities } from '@/lib/data/staff-localities';
import { listStaffUsers } from '@/lib/data/staff-users';
import { CreateUserForm, DisableUserButton, MembershipForm, NewSetupLinkButton } from './user-forms';

export const metadata: Metadata = { title: 'People' };

const ROLE = { admin: 'Administrator', editor: 'Editor', reviewer: 'Reviewer' } as Record<string, string>;

export default async function UsersPage() {
  const actor = await requireSignedIn('/staff/users');
  const scope = localitiesWhere(actor, 'users.manage');
  if (scope !== 'all' && scope.length === 0) notFound();
  const db = await getDb();
  const [people, localities] = await Promise.all([listStaffUsers(db, scope), listStaffLocalities(db, scope)]);
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/staff">Staff workspace</Link> / <span>People</span>
      </p>
      <h1>People and roles</h1>
      <p className="lede">Editors enter and import data; reviewers sit on the oversight board; administrators manage people.</p>
      <div className="table-scroll" role="region" aria-label="People" tabIndex={0}>
        <table className="data-table" data-testid="people">
          <caption className="visually-hidden">People with a role{scope === 'all' ? '' : ' in your localities'}</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <td>{person.email}</td>
                <td>{person.name}</td>
                <td>
                  {person.isSiteAdmin ? 'Site administrator' : null}
                  {person.memberships.map((m) => `${ROLE[m.role] ?? m.role}, ${m.localityName}`).join('; ')}
                </td>
                <td>{person.disabled ? 'Disabled' : person.noPassword ? 'Has not set a password yet' : 'Active'}</td>
                <td>
                  {person.disabled || person.id === actor.userId ? null : (
                    <div className="row-actions">
                      <NewSetupLinkButton userId={person.id} email={person.email} />
                      <DisableUserButton userId={person.id} email={person.email} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card-list">
        <CreateUserForm localities={localities} allowSiteAdmin={actor.isSiteAdmin} />
        <MembershipForm localities={localities} />
      </div>
    </>
  );
}
