import { describe, expect, it } from 'vitest';
import { CROSS_SITE_MESSAGE, isSameOrigin, refuseCrossSite, siteOrigin } from './same-origin';

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

describe('isSameOrigin (the rule Next.js applies to server actions, without the missing-Origin pass)', () => {
  it('accepts an Origin whose host is the Host the request was sent to', () => {
    expect(isSameOrigin(headers({ origin: 'http://127.0.0.1:4350', host: '127.0.0.1:4350' }))).toBe(true);
    expect(isSameOrigin(headers({ origin: 'https://abate.county.gov', host: 'abate.county.gov' }))).toBe(true);
  });

  it('compares with the first X-Forwarded-Host when a proxy sets one, not with the Host behind the proxy', () => {
    const behindProxy = { host: 'app-server-3:3000' };
    expect(isSameOrigin(headers({ ...behindProxy, origin: 'https://abate.county.gov', 'x-forwarded-host': 'abate.county.gov' }))).toBe(true);
    expect(
      isSameOrigin(headers({ ...behindProxy, origin: 'https://abate.county.gov', 'x-forwarded-host': 'abate.county.gov, lb.internal' })),
    ).toBe(true);
    expect(isSameOrigin(headers({ ...behindProxy, origin: 'http://app-server-3:3000', 'x-forwarded-host': 'abate.county.gov' }))).toBe(false);
  });

  it('ignores case and default ports, as browsers write Origin', () => {
    expect(isSameOrigin(headers({ origin: 'https://abate.county.gov', host: 'Abate.County.GOV' }))).toBe(true);
    expect(isSameOrigin(headers({ origin: 'https://abate.county.gov', host: 'abate.county.gov:443' }))).toBe(true);
    expect(isSameOrigin(headers({ origin: 'http://abate.county.gov', host: 'abate.county.gov:80' }))).toBe(true);
    expect(isSameOrigin(headers({ origin: 'https://abate.county.gov', host: 'abate.county.gov:8443' }))).toBe(false);
    expect(isSameOrigin(headers({ origin: 'http://[::1]:3000', host: '[::1]:3000' }))).toBe(true);
  });

  it.each([
    ['another site', { origin: 'https://evil.example', host: 'abate.county.gov' }],
    ['a look-alike subdomain', { origin: 'https://abate.county.gov.evil.example', host: 'abate.county.gov' }],
    ['a sibling subdomain', { origin: 'https://www.abate.county.gov', host: 'abate.county.gov' }],
    ['another port of this host', { origin: 'http://127.0.0.1:9999', host: '127.0.0.1:4350' }],
    ['no Origin at all', { host: 'abate.county.gov' }],
    ['an empty Origin', { origin: '', host: 'abate.county.gov' }],
    ['the opaque origin "null" (sandboxed frame, data: URL)', { origin: 'null', host: 'abate.county.gov' }],
    ['an Origin that is not a URL', { origin: 'abate.county.gov', host: 'abate.county.gov' }],
    ['a non-web scheme', { origin: 'file://abate.county.gov', host: 'abate.county.gov' }],
    ['no Host to compare with', { origin: 'https://abate.county.gov' }],
    ['a Host with a user part', { origin: 'https://evil.example', host: 'abate.county.gov@evil.example' }],
    ['a Host with a path', { origin: 'https://evil.example', host: 'evil.example/abate.county.gov' }],
    ['a forged X-Forwarded-Host that does not match', { origin: 'https://evil.example', host: 'evil.example', 'x-forwarded-host': 'abate.county.gov' }],
  ])('refuses %s', (_label, values) => {
    expect(isSameOrigin(headers(values))).toBe(false);
  });
});

describe('refuseCrossSite', () => {
  it('lets a same-site request through', () => {
    const request = new Request('http://127.0.0.1:4350/x', { method: 'POST', headers: { origin: 'http://127.0.0.1:4350', host: '127.0.0.1:4350' } });
    expect(refuseCrossSite(request)).toBeNull();
  });

  it('answers a cross-site request with 403 JSON that says why, and nothing cacheable', async () => {
    const request = new Request('http://127.0.0.1:4350/x', { method: 'POST', headers: { origin: 'https://evil.example', host: '127.0.0.1:4350' } });
    const response = refuseCrossSite(request)!;
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.json()).toEqual({ ok: false, reason: CROSS_SITE_MESSAGE });
  });
});

describe('siteOrigin (absolute links in the Atom feed)', () => {
  const request = (headers: Record<string, string>) => new Request('http://localhost:3000/l/x/feed.xml', { headers });

  it('is the host the visitor asked for, not the address the server listens on', () => {
    expect(siteOrigin(request({ host: 'abate.example' }), false)).toBe('http://abate.example');
    expect(siteOrigin(request({ host: '127.0.0.1:3750' }), false)).toBe('http://127.0.0.1:3750');
  });

  it('follows a trusted proxy in front: its first forwarded host and scheme, without a default port', () => {
    expect(siteOrigin(request({ host: 'app:3000', 'x-forwarded-host': 'news.example, app', 'x-forwarded-proto': 'https' }), true)).toBe('https://news.example');
    expect(siteOrigin(request({ host: 'Abate.Example:443', 'x-forwarded-proto': 'https,http' }), true)).toBe('https://abate.example');
  });

  it('ignores forwarded headers from anyone else: a client cannot put another site into the feed', () => {
    const forged = request({ host: 'abate.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    expect(siteOrigin(forged, false)).toBe('http://abate.example');
  });

  it('falls back to the request URL for a Host that is not a plain host name, or an unknown scheme', () => {
    expect(siteOrigin(request({ host: 'evil.example/<script>' }), false)).toBe('http://localhost:3000');
    expect(siteOrigin(request({ host: 'user@evil.example' }), false)).toBe('http://localhost:3000');
    expect(siteOrigin(request({ host: 'abate.example', 'x-forwarded-proto': 'javascript' }), true)).toBe('http://abate.example');
  });
});
