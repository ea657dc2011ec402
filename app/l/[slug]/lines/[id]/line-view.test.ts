import { describe, expect, it } from 'vitest';
import type { PublicLineDetail, PublicLineSplit } from '@/lib/data/public-line';
import { wordsFor } from '@/lib/i18n/testing';
import { fiscalYearSpan, formatDateTime, lineCategoriesSentence, lineSpendingRows, lineSplitRows, parseLineId } from './line-view';

const split = (over: Partial<PublicLineSplit>): PublicLineSplit => ({
  categoryId: 1,
  frameworkKey: 'jhu',
  frameworkName: 'Johns Hopkins Principles',
  key: 'treatment',
  label: 'Treatment',
  group: 'Treatment',
  stance: 'recommended',
  shareBasisPoints: 10_000,
  allocatedCents: 100_000n,
  spentCents: 40_000n,
  ...over,
});

const line = (over: Partial<PublicLineDetail>): PublicLineDetail => ({
  id: 7,
  localityId: 1,
  fiscalYear: 2026,
  lastFiscalYear: null,
  program: 'Naloxone kits',
  description: '',
  recipient: null,
  source: null,
  allocatedCents: 100_000n,
  spentToDateCents: 40_000n,
  splits: [],
  expenditures: [],
  criminalLegalRecipients: [],
  flags: [],
  ...over,
});

const en = wordsFor('en');
const es = wordsFor('es');

describe("a public line's page, in words", () => {
  it('takes only a positive 32-bit id as written', () => {
    expect(parseLineId('7')).toBe(7);
    expect(parseLineId('2147483647')).toBe(2_147_483_647);
    expect(['0', '07', '-1', '1.5', 'x', '2147483648', '12345678901', ''].map(parseLineId)).toEqual(Array(8).fill(null));
  });

  it('names one year or a multi-year span in the reader’s words', () => {
    expect(fiscalYearSpan(en, 2026, null)).toBe('FY2026');
    expect(fiscalYearSpan(en, 2026, 2026)).toBe('FY2026');
    expect(fiscalYearSpan(en, 2025, 2029)).toBe('FY2025–FY2029');
    expect(fiscalYearSpan(es, 2025, 2029)).toBe('AF 2025–AF 2029');
  });

  it('says how the line is split across its categories', () => {
    expect(lineCategoriesSentence(line({}), en)).toBe('This line has not been put in any category yet.');
    expect(lineCategoriesSentence(line({ splits: [split({})] }), en)).toBe('All of this line is in one category: Treatment.');
    const two = line({ splits: [split({ shareBasisPoints: 6_000 }), split({ categoryId: 2, key: 'prevention', label: 'Prevention', shareBasisPoints: 4_000 })] });
    expect(lineCategoriesSentence(two, en)).toBe('This line is split across 2 categories: 60% Treatment, 40% Prevention.');
  });

  it('links each category of the split for the line’s year, in the reader’s language', () => {
    const rows = lineSplitRows(line({ splits: [split({})] }), 'es');
    expect(rows).toEqual([
      expect.objectContaining({ href: '/es/categories/jhu/treatment?fy=2026', share: '10000', allocated: '100000', spent: '40000' }),
    ]);
    expect(lineSplitRows(line({ splits: [split({})] }), 'en')[0]!.href).toBe('/categories/jhu/treatment?fy=2026');
  });

  it('gives each payment its fiscal quarter and leaves an empty description empty', () => {
    const paid = line({
      expenditures: [{ id: 1, paidOn: '2025-08-15', fiscalYear: 2026, amountCents: 40_000n, description: '', overspendReason: null }],
    });
    const [row] = lineSpendingRows(paid, 7, en);
    expect(row).toEqual({ paidOn: '2025-08-15', period: expect.stringMatching(/^FY2026 /), description: null, overspendReason: null, amount: '40000' });
    expect(lineSpendingRows(paid, 7, es)[0]!.period).toMatch(/^AF 2026 /);
  });

  it('writes when a history entry happened in UTC, per language', () => {
    const at = new Date('2026-12-07T10:37:00Z');
    expect(formatDateTime(at, 'en')).toBe('December 7, 2026 at 10:37 AM');
    expect(formatDateTime(at, 'es')).toMatch(/^7 de diciembre de 2026/);
  });
});
