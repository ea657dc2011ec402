import { describe, expect, it } from 'vitest';
import { CROSS_SITE_MESSAGE } from './same-origin';
import { FORM_BODY_LIMIT_BYTES, FORM_TOO_LARGE_MESSAGE, refuseFormPost } from './form-post-guard';

const SITE = { host: 'abate.example.org' };

function post(pathname: string, headers: Record<string, string>) {
  return refuseFormPost({ method: 'POST', pathname, headers: new Headers(headers) });
}

describe('refuseFormPost (the proxy, before a server action runs)', () => {
  it('lets a form post from a page of this site through', () => {
    expect(post('/staff/l/cedarholm-county/receipts/new', { ...SITE, origin: 'https://abate.example.org', 'content-length': '2048' })).toBeNull();
  });

  it('answers 403 to a post from another site, or with no Origin, instead of a 500', () => {
    for (const origin of ['https://evil.example', 'null', 'https://abate.example.org.evil.example']) {
      expect(post('/staff/account', { ...SITE, origin })).toEqual({ status: 403, message: CROSS_SITE_MESSAGE });
    }
    expect(post('/sign-in', { ...SITE })).toEqual({ status: 403, message: CROSS_SITE_MESSAGE });
  });

  it('answers 413 to a form over the limit, naming the limit', () => {
    const big = { ...SITE, origin: 'https://abate.example.org', 'content-length': String(FORM_BODY_LIMIT_BYTES + 1) };
    expect(post('/staff/l/cedarholm-county/allocations/new', big)).toEqual({ status: 413, message: FORM_TOO_LARGE_MESSAGE });
    expect(FORM_TOO_LARGE_MESSAGE).toContain('1 MB');
    expect(post('/staff/l/cedarholm-county/allocations/new', { ...big, 'content-length': String(FORM_BODY_LIMIT_BYTES) })).toBeNull();
  });

  it('leaves reads and the API (whose handlers check their own Origin) alone', () => {
    expect(refuseFormPost({ method: 'GET', pathname: '/l/cedarholm-county', headers: new Headers({ origin: 'https://evil.example' }) })).toBeNull();
    expect(post('/api/v1/localities', { ...SITE, origin: 'https://evil.example' })).toBeNull();
  });
});
