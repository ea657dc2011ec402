import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module without type declarations, run by node directly in `npm test`
import { auditVerdict } from './audit-verdict.mjs';

type Verdict = { counts: { passed: number; failed: number; skipped: number }; lines: string[] };
const verdict = auditVerdict as (stdout: string, stderr: string) => Verdict;

const report = (vulnerabilities: Record<string, { severity: string; via: unknown[] }>) =>
  JSON.stringify({
    vulnerabilities,
    metadata: {
      vulnerabilities: {
        info: 0,
        low: 0,
        moderate: Object.values(vulnerabilities).filter((v) => v.severity === 'moderate').length,
        high: Object.values(vulnerabilities).filter((v) => v.severity === 'high').length,
        critical: Object.values(vulnerabilities).filter((v) => v.severity === 'critical').length,
      },
    },
  });

describe('auditVerdict', () => {
  it('passes when production dependencies have no high or critical advisory', () => {
    const result = verdict(report({ uuid: { severity: 'moderate', via: [{ title: 'Missing buffer bounds check' }] } }), '');
    expect(result.counts).toEqual({ passed: 1, failed: 0, skipped: 0 });
    expect(result.lines[0]).toContain('0 critical, 0 high, 1 moderate');
  });

  it('fails and names each high or critical advisory', () => {
    const result = verdict(report({ next: { severity: 'critical', via: [{ title: 'Authorization bypass' }] } }), '');
    expect(result.counts).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(result.lines).toContain('  critical: next (Authorization bypass)');
  });

  it('counts a refused audit endpoint as not checked, never as a pass', () => {
    const refused = JSON.stringify({ statusCode: 405, message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' });
    const result = verdict(refused, '');
    expect(result.counts).toEqual({ passed: 0, failed: 0, skipped: 1 });
    expect(result.lines[0]).toMatch(/^npm audit: NOT CHECKED — the registry's audit endpoint answered 405/);
    expect(verdict('', 'npm error network ENOTFOUND').counts.skipped).toBe(1);
  });
});
