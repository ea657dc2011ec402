import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageCache, type PageCacheLimits } from './page-cache';
import { answerFromFreshPage } from './page-early-answer';
import { PAGE_CACHE_HEADER, RENDER_HEADER } from './page-request';

const LIMITS: PageCacheLimits = { maxEntries: 10, maxBytes: 10_000_000, maxPageBytes: 1_000_000, ttlMs: 60_000, staleMs: 60_000 };
let now = 0;
const cache = new PageCache(LIMITS, () => now);
const KEY = '/l/cedarholm-county?fy=2026';
const BODY = (nonce: string) => `<html><script nonce="${nonce}">x()</script><p>${'Cedarholm County spent $1,234. '.repeat(200)}</p></html>`;

let server: http.Server;
let base = '';

beforeAll(async () => {
  // What the production server does: the early answer first, Next.js (here: a plain 'next' answer) otherwise.
  server = http.createServer((request, response) => {
    if (!answerFromFreshPage(request, response, cache)) response.end('next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kept = cache.toPage(200, [['content-type', 'text/html; charset=utf-8'], ['vary', 'rsc, next-router-state-tree']], Buffer.from(BODY(cache.sentinel)));
  await cache.getOrRender(KEY, async () => ({ page: kept, storable: true }));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = response.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: body.toString() });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

const BROWSER = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, deflate, br' };
const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))?.[1] ?? '';

describe('answerFromFreshPage', () => {
  it("answers a browser's request for a fresh kept page itself: gzip, its own nonce, the security headers", async () => {
    const [first, second] = [await get(KEY, BROWSER), await get(KEY, BROWSER)];
    for (const answer of [first, second]) {
      expect(answer.status).toBe(200);
      expect(answer.headers[PAGE_CACHE_HEADER]).toBe('hit');
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.headers['vary']).toBe('rsc, next-router-state-tree, Accept-Encoding');
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('private, no-store');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['strict-transport-security']).toContain('max-age=');
      expect(answer.body).toBe(BODY(nonceOf(answer)));
      expect(answer.body).not.toContain(cache.sentinel);
    }
    expect(nonceOf(first)).not.toBe(nonceOf(second));
  });

  it('names Accept-Encoding in Vary once when the kept page names it already (as Next.js sends it)', async () => {
    const key = '/l/cedarholm-county?fy=2025&vary=1';
    const kept = cache.toPage(200, [['content-type', 'text/html'], ['vary', 'rsc, Accept-Encoding']], Buffer.from(BODY(cache.sentinel)));
    await cache.getOrRender(key, async () => ({ page: kept, storable: true }));
    expect((await get(key, BROWSER)).headers['vary']).toBe('rsc, Accept-Encoding');
  });

  it('sends the page as it is to a client that does not take gzip', async () => {
    const answer = await get(KEY, { accept: 'text/html' });
    expect(answer.headers[PAGE_CACHE_HEADER]).toBe('hit');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body).toBe(BODY(nonceOf(answer)));
  });

  it.each([
    ['a signed-in reader', KEY, { ...BROWSER, cookie: 'abate_session=abc' }, 'GET'],
    ['a page nobody kept', '/l/cedarholm-county?fy=2025', BROWSER, 'GET'],
    ['a script asking for JSON', KEY, { accept: 'application/json' }, 'GET'],
    ['a form post', KEY, BROWSER, 'POST'],
    ["the proxy's own render", KEY, { ...BROWSER, [RENDER_HEADER]: 'guess' }, 'GET'],
    ['a rewrite the proxy made', KEY, { ...BROWSER, 'x-abate-locale-proof': 'guess' }, 'GET'],
    ['a staff page', '/staff', BROWSER, 'GET'],
    ['a Spanish page not translated yet (the proxy redirects it)', '/es/sign-in', BROWSER, 'GET'],
  ])('leaves %s to Next.js', async (_who, path, headers, method) => {
    const answer = await get(path, headers, method);
    expect(answer.body).toBe('next');
    expect(answer.headers[PAGE_CACHE_HEADER]).toBeUndefined();
  });

  it('leaves a stale page to the proxy, which answers it and renders it again', async () => {
    now += LIMITS.ttlMs + 1;
    try {
      expect((await get(KEY, BROWSER)).body).toBe('next');
    } finally {
      now = 0;
    }
    expect((await get(KEY, BROWSER)).headers[PAGE_CACHE_HEADER]).toBe('hit');
  });
});
