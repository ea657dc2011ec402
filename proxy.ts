import { NextResponse, type NextRequest } from 'next/server';
import { keptPageAnswer } from './lib/cache/page-answer';
import { newNonce, pageCache, type PageCache } from './lib/cache/page-cache';
import {
  isCacheablePageRequest,
  isInternalRender,
  loopbackOrigin,
  pageKey,
  RENDER_HEADER,
  renderThroughLoopback,
} from './lib/cache/page-request';
import { hasProvenLocale, keepOnlyProvenLocale, setProvenLocale } from './lib/i18n/locale-header';
import { routeForPath } from './lib/i18n/routes';
import { baseSecurityHeaders, buildContentSecurityPolicy } from './lib/security/csp';
import { refuseFormPost } from './lib/security/form-post-guard';

const production = process.env.NODE_ENV === 'production';
const development = process.env.NODE_ENV === 'development';
const BASE_HEADERS = baseSecurityHeaders({ production });
/** Set afresh on every answer, so never taken from a kept page. */
const FRESH_HEADERS = new Set(Object.keys(BASE_HEADERS).map((name) => name.toLowerCase()));

/**
 * Every request gets a fresh nonce and the security headers. Next.js reads the policy from the request headers and
 * puts the nonce on the scripts it renders (all pages render per request).
 *
 * An anonymous browser's request for a public page is answered from the rendered-page cache (production only; see
 * docs/adr/0005-rendered-page-cache.md): a miss renders the page once by asking this server for it with the
 * process's render secret, and that inner request gets the process's sentinel instead of a nonce; every answer
 * then carries the page with a fresh nonce in place of the sentinel.
 *
 * A form post from another site, or over the body limit, is answered here with 403 or 413 (form-post-guard.ts).
 *
 * `/es/…` is the Spanish version of the page at `…` (docs/adr/0016-spanish-pages-with-next-intl.md): a translated
 * page is rewritten to the English path with the locale in a request header, after the cache (whose key is the
 * address asked, so `/es/x` and `/x` are two entries); a page not yet translated redirects to the English one.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const refusal = refuseFormPost({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers });
  if (refusal) {
    const answer = new NextResponse(refusal.message, {
      status: refusal.status,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' },
    });
    return withSecurityHeaders(answer, buildContentSecurityPolicy(newNonce(), { development }));
  }
  if (hasProvenLocale(request.headers)) {
    // Next.js runs the proxy again on the path a rewrite to an English path led to, with the headers the first run
    // set: that run already chose the language, answered from the cache or not, and set the nonce (the sentinel, for
    // the cache's own render) and its policy. Change nothing, or the render would get another nonce.
    const policy = request.headers.get('content-security-policy') ?? buildContentSecurityPolicy(newNonce(), { development });
    return withSecurityHeaders(NextResponse.next(), policy);
  }
  const route = routeForPath(request.nextUrl.pathname);
  if (route.kind === 'untranslated') {
    const english = new URL(`${route.path}${request.nextUrl.search}`, request.url);
    return withSecurityHeaders(NextResponse.redirect(english, 307), buildContentSecurityPolicy(newNonce(), { development }));
  }
  const cache = production ? pageCache() : null;
  const internal = cache !== null && isInternalRender(request.headers, cache.secret);
  if (cache && !internal && isCacheablePageRequest({ method: request.method, url: new URL(request.url), headers: request.headers })) {
    const answer = await answerFromCache(cache, request);
    if (answer) return answer;
  }

  const nonce = internal && cache ? cache.sentinel : newNonce();
  const policy = buildContentSecurityPolicy(nonce, { development });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(RENDER_HEADER);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  keepOnlyProvenLocale(requestHeaders);
  if (route.kind === 'translated') {
    setProvenLocale(requestHeaders, route.locale);
    const english = new URL(`${route.path}${request.nextUrl.search}`, request.url);
    return withSecurityHeaders(NextResponse.rewrite(english, { request: { headers: requestHeaders } }), policy);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  return withSecurityHeaders(response, policy);
}

/** The cached page (or one shared render of it) with a fresh nonce; null to render the ordinary way. */
async function answerFromCache(cache: PageCache, request: NextRequest): Promise<NextResponse | null> {
  const origin = loopbackOrigin();
  if (!origin) return null;
  const key = pageKey(new URL(request.url));
  const { result, hit, stale } = await cache.getOrRender(key, () => renderThroughLoopback(cache, origin, key, FRESH_HEADERS));
  if (!result) return null;
  const answer = keptPageAnswer(result.page, newNonce(), stale ? 'stale' : hit ? 'hit' : 'miss', { production, development, encoding: 'identity' });
  return new NextResponse(answer.body as Uint8Array<ArrayBuffer>, { status: answer.status, headers: answer.headers });
}

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set('Content-Security-Policy', policy);
  for (const [name, value] of Object.entries(BASE_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build files carry the base headers from next.config.js; they need no nonce. The spreadsheet upload
  // routes are left out too: a proxy buffers request bodies only up to 10 MB and would hand a larger upload on cut
  // short; they answer JSON, and next.config.js gives them the base headers.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|staff/l/[^/]+/import/(?:preview|commit)$).*)' }],
};
