import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie';
import { PageCache, pageBody } from './page-cache';
import {
  isCacheablePageRequest,
  isInternalRender,
  loopbackOrigin,
  pageKey,
  RENDER_HEADER,
  renderThroughLoopback,
} from './page-request';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function request(path: string, headers: Record<string, string> = { accept: HTML }, method = 'GET') {
  return { method, url: new URL(path, 'http://abate.test'), headers: new Headers(headers) };
}

describe('isCacheablePageRequest', () => {
  it('takes an anonymous browser GET of a public page', () => {
    for (const path of ['/', '/?fy=2026', '/l/cedarholm-county?fy=2026&page=2', '/l/x/lines/12', '/categories', '/categories/health-first/moud', '/compare', '/compare?fy=2027']) {
      expect(isCacheablePageRequest(request(path)), path).toBe(true);
    }
    expect(isCacheablePageRequest(request('/', { accept: HTML, cookie: 'theme=dark; other=1' }))).toBe(true);
  });

  it('leaves out staff, sign-in, API, data files and look-alike paths', () => {
    for (const path of ['/staff', '/staff/l/x', '/sign-in', '/api/v1/localities', '/data/all/lines.csv', '/l', '/lx', '/compare-x', '/categoriesx']) {
      expect(isCacheablePageRequest(request(path)), path).toBe(false);
    }
  });

  it('leaves out anyone with a session cookie, wherever it sits among the cookies', () => {
    for (const cookie of [`${SESSION_COOKIE}=abc`, `a=1; ${SESSION_COOKIE}=abc; b=2`, ` ${SESSION_COOKIE}=`]) {
      expect(isCacheablePageRequest(request('/l/x', { accept: HTML, cookie })), cookie).toBe(false);
    }
  });

  it('leaves out Server Component requests, prefetches, non-GET and anything not asking for HTML', () => {
    for (const name of ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-url', 'next-action']) {
      expect(isCacheablePageRequest(request('/l/x', { accept: HTML, [name]: '1' })), name).toBe(false);
    }
    expect(isCacheablePageRequest(request('/l/x?_rsc=abc'))).toBe(false);
    // The Next.js client's navigation fetches send no Accept header of their own: */*.
    expect(isCacheablePageRequest(request('/l/x', { accept: '*/*' }))).toBe(false);
    expect(isCacheablePageRequest(request('/l/x', {}))).toBe(false);
    expect(isCacheablePageRequest(request('/l/x', { accept: HTML }, 'HEAD'))).toBe(false);
    expect(isCacheablePageRequest(request('/l/x', { accept: HTML }, 'POST'))).toBe(false);
  });

  it('keys a page by its path and query as asked', () => {
    expect(pageKey(new URL('http://h/l/x?fy=2026&page=2'))).toBe('/l/x?fy=2026&page=2');
    expect(pageKey(new URL('http://h/'))).toBe('/');
  });

  it('takes the Spanish address of a public page, under its own key (never the English page’s)', () => {
    for (const path of ['/es/categories', '/es/categories?fy=2026', '/es/l/x', '/es/compare']) {
      expect(isCacheablePageRequest(request(path)), path).toBe(true);
    }
    for (const path of ['/es/staff', '/es/sign-in', '/es/api/v1/localities', '/esx/categories', '/es/categoriesx']) {
      expect(isCacheablePageRequest(request(path)), path).toBe(false);
    }
    expect(pageKey(new URL('http://h/es/categories?fy=2026'))).toBe('/es/categories?fy=2026');
    expect(pageKey(new URL('http://h/es/categories?fy=2026'))).not.toBe(pageKey(new URL('http://h/categories?fy=2026')));
  });
});

describe('isInternalRender', () => {
  it('accepts only the exact secret', () => {
    const cache = new PageCache();
    expect(isInternalRender(new Headers({ [RENDER_HEADER]: cache.secret }), cache.secret)).toBe(true);
    expect(isInternalRender(new Headers({ [RENDER_HEADER]: new PageCache().secret }), cache.secret)).toBe(false);
    expect(isInternalRender(new Headers({ [RENDER_HEADER]: '1' }), cache.secret)).toBe(false);
    expect(isInternalRender(new Headers(), cache.secret)).toBe(false);
  });
});

describe('loopbackOrigin', () => {
  it('uses the address next start bound to, with any-address binds on 127.0.0.1', () => {
    expect(loopbackOrigin({ __NEXT_PRIVATE_ORIGIN: 'http://127.0.0.1:4310', PORT: '1' })?.href).toBe('http://127.0.0.1:4310/');
    expect(loopbackOrigin({ __NEXT_PRIVATE_ORIGIN: 'http://localhost:3000' })?.href).toBe('http://127.0.0.1:3000/');
    expect(loopbackOrigin({ __NEXT_PRIVATE_ORIGIN: 'http://[::1]:3000' })?.href).toBe('http://[::1]:3000/');
    expect(loopbackOrigin({ PORT: '3100' })?.href).toBe('http://127.0.0.1:3100/');
    expect(loopbackOrigin({ __NEXT_PRIVATE_ORIGIN: 'https://x:1', PORT: '3200' })?.href).toBe('http://127.0.0.1:3200/');
    expect(loopbackOrigin({})).toBeNull();
  });
});

describe('renderThroughLoopback', () => {
  const cache = new PageCache();
  const seen: http.IncomingHttpHeaders[] = [];
  let server: http.Server;
  let origin: URL;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      const html = `<script nonce="${cache.sentinel}">x()</script>${req.url}`;
      if (req.url === '/json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else if (req.url === '/cookie') {
        res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'a=1' }).end(html);
      } else if (req.url === '/redirect') {
        res.writeHead(307, { location: '/', 'content-type': 'text/html' }).end();
      } else {
        res
          .writeHead(req.url === '/missing' ? 404 : 200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'private, no-store',
            vary: 'rsc, Accept-Encoding',
            etag: '"abc"',
            'x-frame-options': 'DENY',
            'content-security-policy': `script-src 'nonce-${cache.sentinel}'`,
          })
          .end(html);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks anonymously with the secret and keeps the page split at the sentinel, without per-answer headers', async () => {
    const result = await renderThroughLoopback(cache, origin, '/l/x?fy=2026', new Set(['x-frame-options']));
    const headers = seen.at(-1)!;
    expect(headers[RENDER_HEADER]).toBe(cache.secret);
    expect(headers.cookie).toBeUndefined();
    expect(headers['accept-encoding']).toBe('identity');
    expect(result?.storable).toBe(true);
    expect(result?.page.parts).toHaveLength(2);
    expect(pageBody(result!.page, 'FRESH').toString()).toBe('<script nonce="FRESH">x()</script>/l/x?fy=2026');
    expect(Object.fromEntries(result!.page.headers)).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'private, no-store',
      vary: 'rsc, Accept-Encoding',
    });
  });

  it('answers a 404 page without keeping it, and leaves anything else to the ordinary render', async () => {
    const missing = await renderThroughLoopback(cache, origin, '/missing', new Set());
    expect(missing?.page.status).toBe(404);
    expect(missing?.storable).toBe(false);
    expect(await renderThroughLoopback(cache, origin, '/json', new Set())).toBeNull();
    expect(await renderThroughLoopback(cache, origin, '/cookie', new Set())).toBeNull();
    expect(await renderThroughLoopback(cache, origin, '/redirect', new Set())).toBeNull();
    expect(await renderThroughLoopback(cache, new URL('http://127.0.0.1:1'), '/', new Set())).toBeNull();
  });
});
