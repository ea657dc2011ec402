import { describe, expect, it } from 'vitest';
import { FUNDING_SOURCES, FUNDING_SOURCES_VERSION } from './funding-sources';

const byKey = new Map(FUNDING_SOURCES.map((s) => [s.key, s]));
const source = (key: string) => {
  const found = byKey.get(key);
  if (!found) throw new Error(`no funding source ${key}`);
  return found;
};
const span = (key: string) => source(key).lastPaymentYear! - source(key).firstPaymentYear! + 1;

describe('funding sources', () => {
  it('has the national settlements, then grants, interest and other revenue, with unique kebab-case keys', () => {
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
      'mallinckrodt',
      'hikma',
      'amneal',
      'indivior',
      'endo',
      'sor-grant',
      'state-grant',
      'interest-earned',
      'other-revenue',
    ]);
    for (const s of FUNDING_SOURCES) expect(s.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every settlement a defendant, a total in cents, a date of its facts and at least one cited page', () => {
    for (const s of FUNDING_SOURCES) {
      expect(s.description.trim(), s.key).not.toBe('');
      if (s.kind === 'settlement') {
        expect(s.defendant, s.key).toBeTruthy();
        expect(typeof s.totalCents, s.key).toBe('bigint');
        expect(s.totalCents! > 0n, s.key).toBe(true);
        expect(s.asOf, s.key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(s.sources.length, s.key).toBeGreaterThan(0);
        for (const cited of s.sources) {
          expect(cited.url, s.key).toMatch(/^https?:\/\/\S+$/);
          expect(cited.title.trim(), s.key).not.toBe('');
          expect(cited.says.trim(), s.key).not.toBe('');
        }
      } else {
        expect([s.totalCents, s.remediationMinBasisPoints, s.installments, s.asOf], s.key).toEqual([null, null, null, null]);
        expect(s.sources, s.key).toEqual([]);
      }
    }
  });

  it('versions the facts by the newest date any settlement relies on', () => {
    const newest = FUNDING_SOURCES.map((s) => s.asOf)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1);
    expect(FUNDING_SOURCES_VERSION).toBe(newest);
  });

  it('keeps payment spans whole: both years or neither, in order; grants have one, interest and other revenue none', () => {
    for (const s of FUNDING_SOURCES) {
      expect(s.firstPaymentYear === null, s.key).toBe(s.lastPaymentYear === null);
      if (s.firstPaymentYear !== null) expect(s.firstPaymentYear, s.key).toBeLessThanOrEqual(s.lastPaymentYear!);
      if (s.kind === 'grant') expect(s.firstPaymentYear, s.key).not.toBeNull();
      if (s.kind === 'interest' || s.kind === 'other') expect(s.firstPaymentYear, s.key).toBeNull();
    }
  });

  it('holds the sourced totals of the national settlements, to the cent', () => {
    const totals = Object.fromEntries(FUNDING_SOURCES.filter((s) => s.kind === 'settlement').map((s) => [s.key, s.totalCents]));
    expect(totals).toEqual({
      distributors: 2_100_000_000_000n,
      janssen: 500_000_000_000n,
      teva: 334_000_000_000n,
      allergan: 202_000_000_000n,
      cvs: 490_000_000_000n,
      walgreens: 552_000_000_000n,
      walmart: 274_000_000_000n,
      kroger: 137_000_000_000n,
      'purdue-sackler': 740_000_000_000n,
      mallinckrodt: 70_000_000_000n,
      hikma: 15_000_000_000n,
      amneal: 27_250_000_000n,
      indivior: 8_600_000_000n,
      endo: 45_000_000_000n,
    });
  });

  it('holds the sourced payment years and installment counts', () => {
    expect(span('distributors')).toBe(18);
    expect(source('distributors').installments).toBe(18);
    expect(span('janssen')).toBe(9);
    expect(span('teva')).toBe(13);
    expect(span('allergan')).toBe(7);
    expect(span('cvs')).toBe(10);
    expect(span('walgreens')).toBe(15);
    expect(span('walmart')).toBe(6);
    expect([source('kroger').firstPaymentYear, source('kroger').lastPaymentYear, source('kroger').installments]).toEqual([2025, 2035, 11]);
    expect([source('purdue-sackler').firstPaymentYear, span('purdue-sackler')]).toEqual([2026, 15]);
    expect([source('mallinckrodt').firstPaymentYear, source('mallinckrodt').lastPaymentYear]).toEqual([2022, 2023]);
    // Agreed, but no stored page gives their payment years: none are made up.
    for (const key of ['hikma', 'amneal', 'indivior', 'endo']) expect(source(key).firstPaymentYear, key).toBeNull();
  });

  it('records a remediation floor only where an agreement sets one: 85%, or 86.5% for Janssen', () => {
    const floors = Object.fromEntries(FUNDING_SOURCES.map((s) => [s.key, s.remediationMinBasisPoints]));
    expect(floors).toMatchObject({
      distributors: 8500,
      janssen: 8650,
      teva: 8500,
      allergan: 8500,
      cvs: 8500,
      walgreens: 8500,
      walmart: 8500,
      kroger: null,
      'purdue-sackler': null,
      mallinckrodt: null,
    });
    for (const s of FUNDING_SOURCES) if (s.kind !== 'settlement') expect(s.remediationMinBasisPoints, s.key).toBeNull();
  });

  it('gives no alias to two sources, so a name in a ledger names one payer', () => {
    // The import folds "&" to "and" besides case, spacing and punctuation (lib/services/import/source-names.ts).
    const fold = (name: string) => name.normalize('NFKC').toLowerCase().replace(/&/g, 'and').replace(/[^\p{L}\p{N}]+/gu, '');
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
