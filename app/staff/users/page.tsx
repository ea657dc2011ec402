import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/runtime';
import { requireSignedIn } from '@/app/_lib/require-staff';
import { localitiesWhere } from '@/lib/auth/authorize';
import { listStaffLocalities } from '@/lib/data/staff-localities';
import { listStaffUsers } from '@/lib/data/staff-users';
import { WorkspaceIntro } from '../_components/breadcrumbs';
import { ACTIONS_COLUMN, SimpleTable, TableScroll } from '../_components/simple-table';
import { ROLE_LABEL } from './roles';
import { CreateUserForm, DisableUserButton, MembershipForm, NewSetupLinkButton } from './user-forms';

export const metadata: Metadata = { title: 'People' };

export default async function UsersPage() {
  const actor = await requireSignedIn('/staff/users');
  const scope = localitiesWhere(actor, 'users.manage');
  if (scope !== 'all' && scope.length === 0) notFound();
  const db = await getDb();
  const [people, localities] = await Promise.all([listStaffUsers(db, scope), listStaffLocalities(db, scope)]);
  return (
    <>
      <WorkspaceIntro
        here="People"
        title="People and roles"
        lede="Editors enter and import data; reviewers sit on the oversight board; administrators manage people."
      />
      <TableScroll label="People">
        <SimpleTable
          className="data-table"
          testId="people"
          caption={<>People with a role{scope === 'all' ? '' : ' in your localities'}</>}
          captionHidden
          columns={['Email', 'Name', 'Roles', 'Status', ACTIONS_COLUMN]}
        >
          {people.map((person) => (
            <tr key={person.id}>
              <td>{person.email}</td>
              <td>{person.name}</td>
              <td>
                {person.isSiteAdmin ? 'Site administrator' : null}
                {person.memberships.map((m) => `${ROLE_LABEL[m.role] ?? m.role}, ${m.localityName}`).join('; ')}
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
        </SimpleTable>
      </TableScroll>
      <div className="card-list">
        <CreateUserForm localities={localities} allowSiteAdmin={actor.isSiteAdmin} />
        <MembershipForm localities={localities} />
      </div>
    </>
  );
}
