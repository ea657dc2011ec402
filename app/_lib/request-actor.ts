import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/runtime';
import type { Actor } from '@/lib/auth/authorize';
import { clientAddress, trustedProxiesFromEnv } from '@/lib/auth/client-address';
import { findActorBySession } from '@/lib/auth/sessions';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie';
import { SIGNED_IN_MARKER_COOKIE } from '@/lib/auth/signed-in-marker';

/**
 * The signed-in person for this request, or null. Cached per request: a page and the actions it calls look the
 * session up once.
 */
export const getRequestActor = cache(async (): Promise<Actor | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return findActorBySession(await getDb(), token);
});

export async function getSessionToken(): Promise<string | null> {
  return (await cookies()).get(SESSION_COOKIE)?.value ?? null;
}

function isLocalHost(host: string | null): boolean {
  const name = (host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127\./.test(name);
}

/**
 * Secure cookies in production. On a developer's own machine (`npm start` on http://localhost) a Secure cookie
 * could not be set over plain HTTP, so there it is left off; any other host gets it.
 */
export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const requestHeaders = await headers();
  const secure =
    process.env.NODE_ENV === 'production' &&
    (requestHeaders.get('x-forwarded-proto') === 'https' || !isLocalHost(requestHeaders.get('host')));
  const jar = await cookies();
  jar.set(SESSION_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: 'lax',
    path: '/',
    expires: expiresAt,
  });
  // Not HttpOnly, on purpose: it only tells the site header to offer "Workspace"; it grants nothing. Public pages
  // stay one HTML for everyone (the header swaps its link after it loads), so the page cache is untouched.
  jar.set(SIGNED_IN_MARKER_COOKIE, '1', { httpOnly: false, secure, sameSite: 'lax', path: '/', expires: expiresAt });
}

export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  jar.delete(SESSION_COOKIE);
  jar.delete(SIGNED_IN_MARKER_COOKIE);
}

/**
 * The client's address, for sign-in limits and logs: the connection's own address, or what a trusted proxy
 * (ABATE_TRUSTED_PROXIES) says it was; see client-address.ts.
 */
export async function getClientIp(): Promise<string> {
  return clientAddress(await headers(), trustedProxiesFromEnv());
}
