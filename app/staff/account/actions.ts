'use server';

import { runAction } from '@/app/_lib/run-action';
import { getClientIp, getSessionToken } from '@/app/_lib/request-actor';
import { changeOwnPassword } from '@/lib/auth/manage-users';
import { Unauthenticated, type ActionResult } from '@/lib/errors';

export type PasswordFormState = ActionResult<string> | null;

export async function changePasswordAction(_previous: PasswordFormState, formData: FormData): Promise<PasswordFormState> {
  return runAction(async ({ db, actor }) => {
    const token = await getSessionToken();
    if (!token) throw new Unauthenticated();
    await changeOwnPassword(
      { db, actor },
      { currentPassword: formData.get('currentPassword'), newPassword: formData.get('newPassword') },
      token,
      await getClientIp(),
    );
    return 'Password changed. You stay signed in here; every other session has ended.';
  });
}
