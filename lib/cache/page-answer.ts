/**
 * How a kept page is answered to a reader: one rule for the proxy (which answers misses and stale pages, see
 * proxy.ts) and for the early answer of a fresh hit (page-early-answer.ts), so both send the same headers.
 */
import { baseSecurityHeaders, buildContentSecurityPolicy } from '../security/csp';
import { gzipJoined } from './gzip-splice';
import { pageBody, type RenderedPage } from './page-cache';
import { PAGE_CACHE_HEADER } from './page-request';

export type PageCacheState = 'hit' | 'miss' | 'stale';

export interface PageAnswer {
  status: number;
  /** In the order they are set; a later name replaces an earlier one (names compared without case). */
  headers: [string, string][];
  body: Buffer;
}

export interface PageAnswerOptions {
  production: boolean;
  development: boolean;
  /**
   * gzip: the body compressed here from the page's compressed parts (the early answer, which Next.js never sees);
   * identity: as it is (the proxy's answer, which Next.js compresses on its way out as it does every page).
   */
  encoding: 'gzip' | 'identity';
}

/** Below this, an answer is sent as it is (Next.js's compression has the same threshold). */
const COMPRESS_FROM_BYTES = 1024;

/**
 * The kept page with `nonce` in place of the render's sentinel: its kept headers, then the cache's own, then the
 * security headers every answer gets afresh (the policy names this answer's nonce).
 */
export function keptPageAnswer(page: RenderedPage, nonce: string, state: PageCacheState, options: PageAnswerOptions): PageAnswer {
  const headers = new Map<string, [string, string]>();
  const set = (name: string, value: string) => headers.set(name.toLowerCase(), [name, value]);
  for (const [name, value] of page.headers) set(name, value);
  // Each answer has its own nonce, so no shared cache may keep it (Next.js sends the same for every dynamic page).
  if (!/no-store/.test(headers.get('cache-control')?.[1] ?? '')) set('Cache-Control', 'private, no-store');
  set(PAGE_CACHE_HEADER, state);
  set('Content-Security-Policy', buildContentSecurityPolicy(nonce, { development: options.development }));
  for (const [name, value] of Object.entries(baseSecurityHeaders({ production: options.production }))) set(name, value);
  if (options.encoding === 'identity' || page.bytes < COMPRESS_FROM_BYTES || page.deflated.length !== page.parts.length) {
    return { status: page.status, headers: [...headers.values()], body: pageBody(page, nonce) };
  }
  // Next.js's compression names Accept-Encoding in the kept page's Vary already; name it once.
  const vary = headers.get('vary')?.[1];
  const named = (vary ?? '').split(',').some((name) => name.trim().toLowerCase() === 'accept-encoding');
  if (!named) set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  set('Content-Encoding', 'gzip');
  return { status: page.status, headers: [...headers.values()], body: gzipJoined(page.parts, page.deflated, Buffer.from(nonce)) };
}
