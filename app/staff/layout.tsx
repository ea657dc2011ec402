import type { ReactNode } from 'react';
import { signOutAction } from '@/app/sign-in/actions';
import { requireSignedIn } from '@/app/_lib/require-staff';

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await requireSignedIn('/staff');
  return (
    <div className="staff">
      <div className="staff-bar no-print">
        <p>
          Signed in as <strong data-testid="signed-in-as">{actor.name || actor.email}</strong>
          {actor.isSiteAdmin ? ' (site administrator)' : ''}
        </p>
        <form action={signOutAction}>
          <button type="submit" className="button button--secondary">
            Sign out
          </button>
        </form>
      </div>
      {children}
    </div>
  );
}
