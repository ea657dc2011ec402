/**
 * A fresh kept page answered as the request arrives, before Next.js sees it.
 *
 * The rendered-page cache (docs/adr/0005-rendered-page-cache.md) used to answer every hit from the proxy, after
 * Next.js had routed the request and built its NextRequest and NextResponse: 2.6–3.5 ms of server CPU a hit on this
 * machine (issue 14), where writing the kept bytes takes a tenth of that. A fresh hit is now answered from the
 * server's `request` event with the same headers (page-answer.ts); everything else (misses, stale pages, Spanish
 * rewrites, signed-in readers, staff pages, form posts) goes on to Next.js and the proxy exactly as before.
 */
import http from 'node:http';
import { LOCALE_PROOF_HEADER } from '../i18n/locale-header';
import { routeForPath } from '../i18n/routes';
import { acceptsGzip } from './gzip-splice';
import { keptPageAnswer } from './page-answer';
import { newNonce, pageCache, type PageCache } from './page-cache';
import { isCacheablePageRequest, pageKey, RENDER_HEADER, type HeaderReader } from './page-request';

const INSTALLED = Symbol.for('abate.pageEarlyAnswer');
const globalForEarly = globalThis as unknown as { [INSTALLED]?: true };

/** Node's request headers read as the cache's rules read a fetch Headers (names are lower case in both). */
function headerReader(headers: http.IncomingHttpHeaders): HeaderReader {
  const get = (name: string): string | null => {
    const value = headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return { get, has: (name) => get(name) !== null };
}

/**
 * Answers `request` from a fresh kept page and returns true, or returns false having written nothing (the request
 * then goes to Next.js). Only an anonymous browser's GET of a cacheable public page can be answered here: the same
 * test as the proxy's (isCacheablePageRequest), and never the proxy's own render or its second pass of a rewrite.
 */
export function answerFromFreshPage(request: http.IncomingMessage, response: http.ServerResponse, cache: PageCache = pageCache()): boolean {
  if (request.method !== 'GET' || !request.url) return false;
  const headers = headerReader(request.headers);
  if (headers.has(RENDER_HEADER) || headers.has(LOCALE_PROOF_HEADER)) return false;
  let url: URL;
  try {
    url = new URL(request.url, 'http://localhost');
  } catch {
    return false;
  }
  if (routeForPath(url.pathname).kind === 'untranslated') return false;
  if (!isCacheablePageRequest({ method: 'GET', url, headers })) return false;
  const page = cache.get(pageKey(url));
  if (!page) return false;
  const encoding = acceptsGzip(headers.get('accept-encoding')) ? 'gzip' : 'identity';
  const answer = keptPageAnswer(page, newNonce(), 'hit', { production: true, development: false, encoding });
  response.writeHead(answer.status, answer.headers.flat());
  response.end(answer.body);
  return true;
}

/**
 * Lets every HTTP server of this process answer fresh kept pages first (the production server calls it once at
 * start-up, instrumentation.ts). Idempotent. A failure here leaves the request to Next.js.
 */
export function answerFreshPagesEarly(): void {
  if (globalForEarly[INSTALLED]) return;
  const prototype = http.Server.prototype as { emit: (...args: unknown[]) => boolean };
  const emit = prototype.emit;
  prototype.emit = function emitUnlessAnswered(this: unknown, event: unknown, ...args: unknown[]): boolean {
    if (event === 'request') {
      try {
        if (answerFromFreshPage(args[0] as http.IncomingMessage, args[1] as http.ServerResponse)) return true;
      } catch {
        // Nothing was written (writeHead is the last step that can throw): Next.js answers instead.
      }
    }
    return emit.call(this, event, ...args);
  };
  globalForEarly[INSTALLED] = true;
}
