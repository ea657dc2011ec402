import { describe, expect, it } from 'vitest';
import { baseSecurityHeaders, buildContentSecurityPolicy } from './csp';

describe('content security policy', () => {
  it('allows scripts only with the nonce, and never inline or eval in production', () => {
    const policy = buildContentSecurityPolicy('abc123', { development: false });
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).toContain("'nonce-abc123'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it('sends HSTS only in production', () => {
    expect(baseSecurityHeaders({ production: true })['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    expect(baseSecurityHeaders({ production: false })['Strict-Transport-Security']).toBeUndefined();
    expect(baseSecurityHeaders({ production: false })['X-Content-Type-Options']).toBe('nosniff');
  });
});
