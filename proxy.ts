import { NextResponse, type NextRequest } from 'next/server';
import { baseSecurityHeaders, buildContentSecurityPolicy } from './lib/security/csp';

/**
 * Every request gets a fresh nonce and the security headers. Next.js reads the policy from the request headers and
 * puts the nonce on the scripts it renders (all pages render per request).
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = buildContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  for (const [name, value] of Object.entries(baseSecurityHeaders({ production: process.env.NODE_ENV === 'production' }))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // Static build files carry the base headers from next.config.js; they need no nonce. The spreadsheet upload
  // routes are left out too: a proxy buffers request bodies only up to 10 MB and would hand a larger upload on cut
  // short; they answer JSON, and next.config.js gives them the base headers.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|staff/l/[^/]+/import/(?:preview|commit)$).*)' }],
};
