'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/runtime';
import { getClientIp, getSessionToken, clearSessionCookie, setSessionCookie } from '@/app/_lib/request-actor';
import { endSession } from '@/lib/auth/sessions';
import { signIn } from '@/lib/auth/sign-in';
import { toActionFailure, type ActionFailure } from '@/lib/errors';

export type SignInState = ActionFailure | null;

function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === 'string' ? value : '';
  // Only paths on this site: never an open redirect to another host. Browsers drop tabs and newlines from a URL and
  // read `\` as `/`, so "/\t/evil.test" would become "//evil.test": no control characters, spaces or backslashes.
  return next.startsWith('/') && !next.startsWith('//') && !/[\u0000-\u0020\u007f\\]/.test(next) ? next : '/staff';
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const next = safeNext(formData.get('next'));
  try {
    const db = await getDb();
    const previousToken = await getSessionToken();
    if (previousToken) await endSession(db, previousToken);
    const session = await signIn(db, { email: formData.get('email'), password: formData.get('password') }, await getClientIp());
    await setSessionCookie(session.token, session.expiresAt);
  } catch (error) {
    return toActionFailure(error);
  }
  redirect(next);
}

export async function signOutAction(): Promise<void> {
  const token = await getSessionToken();
  if (token) await endSession(await getDb(), token);
  await clearSessionCookie();
  redirect('/sign-in?signedOut=1');
}
