'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/app/_lib/run-action';
import { createUser } from '@/lib/auth/create-user';
import { disableUser, setMembership } from '@/lib/auth/manage-users';
import { createPasswordSetupLink, setupLinkPath, type NewSetupLink } from '@/lib/auth/password-setup-links';
import { requireScope } from '@/lib/auth/authorize';
import { findLocalityBySlug } from '@/lib/data/localities';
import { Forbidden, Invalid, type ActionResult } from '@/lib/errors';

export type UsersFormState = ActionResult<string> | null;

/** A set-password link, shown once to the administrator who made it. */
export interface SetupLinkShown {
  message: string;
  email: string;
  path: string;
  expiresAt: string;
}
export type SetupLinkFormState = ActionResult<SetupLinkShown> | null;

function shown(message: string, email: string, link: NewSetupLink): SetupLinkShown {
  return { message, email, path: setupLinkPath(link.token), expiresAt: link.expiresAt.toISOString() };
}

export async function setMembershipAction(_previous: UsersFormState, formData: FormData): Promise<UsersFormState> {
  const result = await runAction(async ({ db, actor }) => {
    const role = formData.get('role');
    await setMembership({ db, actor }, {
      email: formData.get('email'),
      localityId: formData.get('localityId'),
      role: role === 'remove' ? null : role,
    });
    return role === 'remove' ? 'Removed from the locality.' : 'Role saved.';
  });
  revalidatePath('/staff/users');
  return result;
}

export async function createUserAction(_previous: SetupLinkFormState, formData: FormData): Promise<SetupLinkFormState> {
  const result = await runAction(async ({ db, actor }) => {
    const slug = String(formData.get('locality') ?? '');
    const role = formData.get('role');
    if (!actor) throw new Forbidden();
    if (slug === '') {
      // Only a site administrator may create another site administrator.
      if (!actor.isSiteAdmin || role !== 'admin') {
        throw new Invalid('Choose the locality this person works for.', { locality: ['Choose a locality.'] });
      }
    } else {
      const locality = await findLocalityBySlug(db, slug);
      if (!locality) throw new Invalid('Unknown locality.', { locality: ['Unknown locality.'] });
      requireScope(actor, 'users.manage', locality.id);
    }
    // No password: the person chooses one with the set-password link made with the account.
    const { setupLink } = await createUser(
      db,
      {
        email: String(formData.get('email') ?? ''),
        name: String(formData.get('name') ?? ''),
        role: role as 'admin' | 'editor' | 'reviewer',
        locality: slug === '' ? undefined : slug,
      },
      actor.userId,
    );
    if (!setupLink) throw new Error('an account without a password got no set-password link');
    return shown('Account created.', String(formData.get('email') ?? '').trim().toLowerCase(), setupLink);
  });
  revalidatePath('/staff/users');
  return result;
}

export async function disableUserAction(_previous: UsersFormState, formData: FormData): Promise<UsersFormState> {
  const result = await runAction(async ({ db, actor }) => {
    await disableUser({ db, actor }, { userId: formData.get('userId') });
    return 'Account disabled; all its sessions have ended.';
  });
  revalidatePath('/staff/users');
  return result;
}

export async function newSetupLinkAction(_previous: SetupLinkFormState, formData: FormData): Promise<SetupLinkFormState> {
  return runAction(async ({ db, actor }) => {
    const link = await createPasswordSetupLink({ db, actor }, { userId: formData.get('userId') });
    return shown('New set-password link made; older unused links for this person no longer work.', link.email, link);
  });
}
