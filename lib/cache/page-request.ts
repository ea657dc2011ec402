/**
 * Which requests the rendered-page cache may answer, and how the proxy renders a miss (see
 * docs/adr/0005-rendered-page-cache.md). Kept apart from proxy.ts so it can be tested without a server.
 */
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { splitLocalePath } from '../i18n/routes';
import type { PageCache, RenderResult } from './page-cache';

/** Response header saying whether the cache answered: `hit` or `miss` (tests and the benchmark read it). */
export const PAGE_CACHE_HEADER = 'x-abate-page-cache';
/** Request header that marks the proxy's own render of a miss; its value is the process's secret. */
export const RENDER_HEADER = 'x-abate-page-render';

const PUBLIC_PAGE = /^\/(?:$|l\/[^/]|categories(?:\/|$)|compare(?:\/|$))/;
/**
 * Headers of React Server Component (client navigation and prefetch) requests. Next.js hides most of them from the
 * proxy and strips `_rsc` from its URL, which is why a request must also positively ask for HTML (below); these are
 * checked as well in case a later version stops hiding them.
 */
const RSC_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-url', 'next-action'];

/** What the cache's rules read of a request's headers: a fetch Headers, or Node's request headers (page-early-answer.ts). */
export type HeaderReader = Pick<Headers, 'get' | 'has'>;

export interface PageRequest {
  method: string;
  url: URL;
  headers: HeaderReader;
}

/**
 * True for an anonymous browser's GET of a public page's HTML: no session cookie, not a Server Component request.
 * A browser's document request asks for text/html; the Next.js client's navigation and prefetch fetches send
 * `Accept: *\/*`, so requiring text/html also keeps them out when the proxy cannot see their headers.
 */
export function isCacheablePageRequest(request: PageRequest): boolean {
  if (request.method !== 'GET') return false;
  // `/es/x` is cached when `/x` is, under its own key (pageKey): the proxy renders it in Spanish.
  if (!PUBLIC_PAGE.test(splitLocalePath(request.url.pathname).path)) return false;
  if (request.url.searchParams.has('_rsc')) return false;
  if (RSC_HEADERS.some((name) => request.headers.has(name))) return false;
  if (!(request.headers.get('accept') ?? '').toLowerCase().includes('text/html')) return false;
  return !hasCookie(request.headers.get('cookie'), SESSION_COOKIE);
}

function hasCookie(header: string | null, name: string): boolean {
  if (!header) return false;
  return header.split(';').some((pair) => pair.split('=', 1)[0]!.trim() === name);
}

/** The cache key: path and query exactly as asked (two spellings of one page are two entries). */
export function pageKey(url: URL): string {
  return `${url.pathname}${url.search}`;
}

/** True when the request carries this process's render secret (compared in constant time). */
export function isInternalRender(headers: HeaderReader, secret: string): boolean {
  const value = headers.get(RENDER_HEADER);
  if (value === null || value.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(value), Buffer.from(secret));
}

/**
 * Where this process listens, for its own render of a miss. `next start` writes the address it bound to into
 * `__NEXT_PRIVATE_ORIGIN` and the port into `PORT`; an unspecified or any-address bind answers on 127.0.0.1.
 */
export function loopbackOrigin(env: Record<string, string | undefined> = process.env): URL | null {
  const candidates = [env.__NEXT_PRIVATE_ORIGIN, env.PORT ? `http://127.0.0.1:${env.PORT}` : undefined];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol !== 'http:') continue;
      if (['localhost', '0.0.0.0', '[::]'].includes(url.hostname)) url.hostname = '127.0.0.1';
      return url;
    } catch {
      // not a URL: try the next
    }
  }
  return null;
}

/** Response headers that are per-response, per-connection or recomputed, so never kept. */
const NOT_KEPT = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'date',
  'etag',
  'set-cookie',
  'content-security-policy',
  PAGE_CACHE_HEADER,
]);

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const RENDER_TIMEOUT_MS = 30_000;

/**
 * Renders `key` anonymously by asking this very server for it, with the render secret, no cookies and no
 * compression. Only HTML that sets no cookie is used, and only a 200 is kept (a 404 page answers the request that
 * asked, nothing more). Security headers the proxy
 * sets on every answer are not kept either: the answer gets them afresh (see proxy.ts).
 */
export function renderThroughLoopback(
  cache: PageCache,
  origin: URL,
  key: string,
  droppedHeaders: ReadonlySet<string>,
): Promise<RenderResult | null> {
  return new Promise((resolve) => {
    const request = http.get(
      new URL(key, origin),
      {
        agent,
        headers: { accept: 'text/html', 'accept-encoding': 'identity', [RENDER_HEADER]: cache.secret },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', () => resolve(null));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const contentType = String(response.headers['content-type'] ?? '');
          // Anything but an HTML page that sets no cookie is left to the ordinary render.
          const setsCookie = response.headers['set-cookie'] !== undefined;
          if (!contentType.startsWith('text/html') || setsCookie || status < 200 || (status >= 300 && status < 400)) {
            resolve(null);
            return;
          }
          const headers: [string, string][] = [];
          for (const [name, value] of Object.entries(response.headers)) {
            // x-middleware-*: the render's own rewrite (a Spanish page); answered again, Next would act on it.
            if (value === undefined || NOT_KEPT.has(name) || name.startsWith('x-middleware-') || droppedHeaders.has(name)) continue;
            headers.push([name, Array.isArray(value) ? value.join(', ') : value]);
          }
          resolve({ page: cache.toPage(status, headers, Buffer.concat(chunks)), storable: status === 200 });
        });
      },
    );
    request.setTimeout(RENDER_TIMEOUT_MS, () => request.destroy());
    request.on('error', () => resolve(null));
  });
}
