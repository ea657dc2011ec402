import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/runtime';
import { requireSignedIn } from '@/app/_lib/require-staff';
import { can, localitiesWhere } from '@/lib/auth/authorize';
import { listStaffLocalities } from '@/lib/data/staff-localities';
import { TodoLinks } from '@/app/staff/_components/todo-links';
import { adminLinks, localityWork, workspaceLede } from '@/app/staff/_lib/workspace-view';
import { mayPost } from '@/lib/services/money/posting-rules';
import { StatusNotice } from './_components/list-page';

export const metadata: Metadata = { title: 'Staff workspace' };

const ROLE_LABEL = { admin: 'Administrator', editor: 'Editor', reviewer: 'Reviewer (oversight board)' } as const;

function anyIn(scope: number[] | 'all'): boolean {
  return scope === 'all' || scope.length > 0;
}

export default async function StaffHomePage({ searchParams }: { searchParams: Promise<{ passwordSet?: string }> }) {
  const actor = await requireSignedIn('/staff');
  // Set by app/set-password/actions.ts after a set-password link was used.
  const passwordSet = (await searchParams).passwordSet === '1';
  const scope = localitiesWhere(actor, 'locality.read');
  const localities = await listStaffLocalities(await getDb(), scope);
  const cards = localities.map((locality) => ({
    locality,
    mayWrite: can(actor, 'money.write', locality.id),
    work: localityWork({
      ...locality,
      maySubmit: can(actor, 'allocation.submit', locality.id),
      mayDecide: can(actor, 'allocation.decide', locality.id),
      mayPost: mayPost(actor, locality),
    }),
  }));
  const admin = adminLinks({ manageUsers: anyIn(localitiesWhere(actor, 'users.manage')), siteAdmin: actor.isSiteAdmin });
  return (
    <>
      <h1>Staff workspace</h1>
      {passwordSet ? <StatusNotice>Your password is set. Use it with your email address to sign in from now on.</StatusNotice> : null}
      <p className="lede">
        {workspaceLede({
          mayWrite: cards.some((card) => card.mayWrite),
          mayDecide: anyIn(localitiesWhere(actor, 'allocation.decide')),
          siteAdmin: actor.isSiteAdmin,
        })}
      </p>
      {admin.length > 0 ? (
        <ul className="link-list" aria-label="Administration" data-testid="admin-links">
          {admin.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.text}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {localities.length === 0 ? (
        <p className="notice">You do not belong to any locality yet. Ask an administrator to add you.</p>
      ) : (
        <ul className="card-list" aria-label="Your localities">
          {cards.map(({ locality, work }) => {
            const role = actor.memberships.get(locality.id);
            return (
              <li key={locality.id} className="card" data-testid="locality-card">
                <h2>
                  <Link href={`/staff/l/${locality.slug}`}>{locality.name}</Link>
                </h2>
                <TodoLinks work={work} />
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
        {anyIn(localitiesWhere(actor, 'audit.read')) ? (
          <li>
            <Link href="/staff/audit">Audit log of every change</Link>
          </li>
        ) : null}
        <li>
          <Link href="/staff/account">Your account and password</Link>
        </li>
      </ul>
    </>
  );
}
