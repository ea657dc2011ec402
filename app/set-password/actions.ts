'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/runtime';
import { setPasswordWithLink } from '@/lib/auth/password-setup-links';
import { getClientIp, getSessionToken, setSessionCookie } from '@/app/_lib/request-actor';
import { endSession } from '@/lib/auth/sessions';
import { toActionFailure, type ActionFailure } from '@/lib/errors';

export type SetPasswordState = ActionFailure | null;

/** Anyone holding the link may use it: the link is the proof. Signs the person in on success. */
export async function setPasswordAction(_previous: SetPasswordState, formData: FormData): Promise<SetPasswordState> {
  try {
    const db = await getDb();
    const session = await setPasswordWithLink(
      db,
      { token: formData.get('token'), password: formData.get('password'), confirm: formData.get('confirm') },
      await getClientIp(),
    );
    // Whoever was signed in on this browser before is signed out: the browser now belongs to the link's person.
    const previousToken = await getSessionToken();
    if (previousToken) await endSession(db, previousToken);
    await setSessionCookie(session.token, session.expiresAt);
  } catch (error) {
    return toActionFailure(error);
  }
  redirect('/staff?passwordSet=1');
}
