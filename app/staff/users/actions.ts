'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/app/_lib/run-action';
import { createUser } from '@/lib/auth/create-user';
import { disableUser, setMembership } from '@/lib/auth/manage-users';
import { requireScope } from '@/lib/auth/authorize';
import { findLocalityBySlug } from '@/lib/data/localities';
import { Forbidden, Invalid, type ActionResult } from '@/lib/errors';

export type UsersFormState = ActionResult<string> | null;

export async function setMembershipAction(_previous: UsersFormState, formData: FormData): Promise<UsersFormState> {
  const result = await runAction(async ({ db, actor }) => {
    const role = formData.get('role');
    await setMembership(db, actor, {
      email: formData.get('email'),
      localityId: formData.get('localityId'),
      role: role === 'remove' ? null : role,
    });
    return role === 'remove' ? 'Removed from the locality.' : 'Role saved.';
  });
  revalidatePath('/staff/users');
  return result;
}

export async function createUserAction(_previous: UsersFormState, formData: FormData): Promise<UsersFormState> {
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
    await createUser(
      db,
      {
        email: String(formData.get('email') ?? ''),
        name: String(formData.get('name') ?? ''),
        password: String(formData.get('password') ?? ''),
        role: role as 'admin' | 'editor' | 'reviewer',
        locality: slug === '' ? undefined : slug,
      },
      actor.userId,
    );
    return 'Account created. Give the person their password through a safe channel; they can change it after signing in.';
  });
  revalidatePath('/staff/users');
  return result;
}

export async function disableUserAction(_previous: UsersFormState, formData: FormData): Promise<UsersFormState> {
  const result = await runAction(async ({ db, actor }) => {
    await disableUser(db, actor, { userId: formData.get('userId') });
    return 'Account disabled; all its sessions have ended.';
  });
  revalidatePath('/staff/users');
  return result;
}
