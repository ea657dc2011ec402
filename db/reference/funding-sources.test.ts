import { describe, expect, it } from 'vitest';
import { FUNDING_SOURCES } from './funding-sources';

describe('funding sources', () => {
  it('has the thirteen sources with unique kebab-case keys', () => {
    expect(FUNDING_SOURCES.map((s) => s.key)).toEqual([
      'distributors',
      'janssen',
      'teva',
      'allergan',
      'cvs',
      'walgreens',
      'walmart',
      'kroger',
      'purdue-sackler',
      'sor-grant',
      'state-grant',
      'interest-earned',
      'other-revenue',
    ]);
  });

  it('keeps settlement facts exact and the 85% remediation rule on settlements only', () => {
    for (const s of FUNDING_SOURCES) {
      if (s.kind === 'settlement' || s.kind === 'grant') {
        expect(s.firstPaymentYear).not.toBeNull();
        expect(s.firstPaymentYear!).toBeLessThanOrEqual(s.lastPaymentYear!);
      } else {
        expect([s.firstPaymentYear, s.lastPaymentYear]).toEqual([null, null]);
      }
      expect(s.description.trim()).not.toBe('');
      if (s.kind === 'settlement') {
        expect(s.remediationMinBasisPoints).toBe(8500);
        expect(typeof s.totalCents).toBe('bigint');
        expect(s.defendant).toBeTruthy();
      } else {
        expect(s.remediationMinBasisPoints).toBeNull();
        expect(s.totalCents).toBeNull();
      }
    }
    const byKey = new Map(FUNDING_SOURCES.map((s) => [s.key, s]));
    expect(byKey.get('distributors')?.totalCents).toBe(2_100_000_000_000n);
    expect(byKey.get('teva')?.totalCents).toBe(425_000_000_000n);
    const span = (key: string) => {
      const s = byKey.get(key)!;
      return s.lastPaymentYear! - s.firstPaymentYear! + 1;
    };
    expect(span('distributors')).toBe(18);
    expect(span('janssen')).toBe(9);
    expect(span('teva')).toBe(13);
    expect(span('cvs')).toBe(10);
    expect(span('walgreens')).toBe(15);
    expect(span('kroger')).toBe(11);
    expect(span('purdue-sackler')).toBe(15);
  });

  it('gives no alias to two sources, so a name in a ledger names one payer', () => {
    const fold = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    const owner = new Map<string, string>();
    for (const s of FUNDING_SOURCES) {
      for (const name of [s.key, s.name, ...(s.aliases ?? [])]) {
        const other = owner.get(fold(name));
        expect(other === undefined || other === s.key, `"${name}" names both ${other} and ${s.key}`).toBe(true);
        owner.set(fold(name), s.key);
      }
    }
  });
});
