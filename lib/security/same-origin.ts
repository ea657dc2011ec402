/**
 * The cross-site request check that Next.js applies to server actions, for route handlers that change data (which
 * Next.js does not protect): the Origin header's host must equal the host the request was sent to — the first
 * X-Forwarded-Host when a proxy in front sets one, else Host. Stricter than server actions in one way: a request
 * without Origin is refused too. Every browser sends Origin with a POST, so only hand-made requests lack it, and
 * a handler that changes data has no reason to trust those.
 *
 * There is no allow-list of other origins: Abate has no `serverActions.allowedOrigins` and no setting for one
 * (db/env.ts), so the only page that may post here is one of this site's.
 */

export const CROSS_SITE_MESSAGE = 'This request did not come from an Abate page of this site, so it was refused.';

/** The host the request was sent to, as a browser would write it in an Origin with that scheme. */
function targetHost(headers: Headers, protocol: string): string | null {
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const host = forwarded || headers.get('host')?.trim();
  // Only a host name or address and a port: nothing a URL parser could read as a user, path or other host.
  if (!host || !/^[a-z0-9.\-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host)) return null;
  try {
    // Lowercases and drops a default port ("Example.org:443" over https is "example.org"), as the Origin's host is.
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

/**
 * The origin a visitor used to reach this site, for absolute links in documents read elsewhere (the Atom feed).
 * Next.js's `request.url` names the server's own host name and port, not the host asked for, so the Host header is
 * used (the host rule above). X-Forwarded-Host and -Proto are read only when the request came from a proxy the
 * operator trusts (`forwardedTrusted`, lib/auth/client-address.ts): from anyone else they would let a client write
 * another site's address into a response that shared caches may keep. A Host that is not a plain host name falls
 * back to the server's own origin.
 */
export function siteOrigin(request: Request, forwardedTrusted: boolean): string {
  const own = new URL(request.url);
  const forwarded = forwardedTrusted ? request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() : undefined;
  const protocol = forwarded === 'https' || forwarded === 'http' ? `${forwarded}:` : own.protocol;
  const headers = forwardedTrusted ? request.headers : withoutForwardedHost(request.headers);
  const host = targetHost(headers, protocol);
  return host ? `${protocol}//${host}` : own.origin;
}

function withoutForwardedHost(headers: Headers): Headers {
  const copy = new Headers(headers);
  copy.delete('x-forwarded-host');
  return copy;
}

/** True when the request names an Origin and that origin is this site. */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  // "null" is what a sandboxed frame, a data: URL or a privacy-redirected request sends: never this site.
  if (!origin || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = targetHost(headers, parsed.protocol);
  return host !== null && parsed.host === host;
}

/**
 * The first line of every route handler that changes data: `const refused = refuseCrossSite(request); if (refused)
 * return refused;` — before the session, the database or the body is touched. A test (app/route-handlers-origin
 * .test.ts) fails for any POST, PUT, PATCH or DELETE handler that does not call it.
 */
export function refuseCrossSite(request: Request): Response | null {
  if (isSameOrigin(request.headers)) return null;
  return new Response(JSON.stringify({ ok: false, reason: CROSS_SITE_MESSAGE }), {
    status: 403,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-store' },
  });
}
