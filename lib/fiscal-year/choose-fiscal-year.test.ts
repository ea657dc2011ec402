import { describe, expect, it } from 'vitest';
import { chooseFiscalYear, chooseLocalityFiscalYear, STAFF_YEAR_RULES, yearsForNav } from './choose-fiscal-year';

const now = new Date('2026-11-23T12:00:00Z');

describe('chooseFiscalYear', () => {
  it('uses the year in the URL when it has data', () => {
    expect(chooseFiscalYear('2025', [2027, 2026, 2025], 7, now)).toBe(2025);
  });
  it('ignores a year without data or a malformed one and falls back to the current fiscal year', () => {
    expect(chooseFiscalYear('1999', [2027, 2026], 7, now)).toBe(2027);
    expect(chooseFiscalYear("2026' or 1=1", [2027, 2026], 7, now)).toBe(2027);
  });
  it('falls back to the newest past year when the current one has no data', () => {
    expect(chooseFiscalYear(undefined, [2026, 2025], 7, now)).toBe(2026);
    expect(chooseFiscalYear(undefined, [2030], 7, now)).toBe(2030);
  });
});

describe('chooseLocalityFiscalYear', () => {
  it('shows the year in the URL when the locality has data for it', () => {
    expect(chooseLocalityFiscalYear('2025', [2026, 2025], 7, now)).toEqual({ kind: 'shown', fiscalYear: 2025 });
  });
  it('answers a well-formed year without data as not reported, never with another year', () => {
    expect(chooseLocalityFiscalYear('2027', [2026, 2025], 7, now)).toEqual({ kind: 'not-reported', fiscalYear: 2027 });
    expect(chooseLocalityFiscalYear(['2024', '2026'], [2026, 2025], 7, now)).toEqual({ kind: 'not-reported', fiscalYear: 2024 });
    expect(chooseLocalityFiscalYear('2026', [], 7, now)).toEqual({ kind: 'not-reported', fiscalYear: 2026 });
  });
  it('keeps the default year when no year or a malformed one is asked for', () => {
    expect(chooseLocalityFiscalYear(undefined, [2026, 2025], 7, now)).toEqual({ kind: 'shown', fiscalYear: 2026 });
    expect(chooseLocalityFiscalYear('20270', [2026, 2025], 7, now)).toEqual({ kind: 'shown', fiscalYear: 2026 });
    expect(chooseLocalityFiscalYear("2026' or 1=1", [2026, 2025], 7, now)).toEqual({ kind: 'shown', fiscalYear: 2026 });
  });
});

describe('chooseFiscalYear with the staff pages’ rules', () => {
  const december = new Date('2026-12-01T12:00:00Z'); // FY2027 with a July start

  it('opens a year with no data yet, to enter it, but not an implausible one', () => {
    expect(chooseFiscalYear('2031', [2026, 2025], 7, december, STAFF_YEAR_RULES)).toBe(2031);
    expect(chooseFiscalYear('2031', [2026, 2025], 7, december)).toBe(2026);
    expect(chooseFiscalYear('1999', [2026, 2025], 7, december, STAFF_YEAR_RULES)).toBe(2026);
    expect(chooseFiscalYear(' 2024 ', [2026], 7, december, STAFF_YEAR_RULES)).toBe(2024);
  });

  it('falls back to the newest year not in the future, in any order, and to the current year when all are future', () => {
    expect(chooseFiscalYear(undefined, [2025, 2026, 2024], 7, december, STAFF_YEAR_RULES)).toBe(2026);
    expect(chooseFiscalYear(undefined, [2029, 2030], 7, december, STAFF_YEAR_RULES)).toBe(2027);
    expect(chooseFiscalYear(undefined, [2029, 2030], 7, december)).toBe(2030);
    expect(chooseFiscalYear(undefined, [], 7, december, STAFF_YEAR_RULES)).toBe(2027);
  });
});

describe('yearsForNav', () => {
  it('lists the years, the shown one and the current one, newest first, once each', () => {
    expect(yearsForNav([2025, 2026, 2025], 2031, 7, new Date('2026-12-01T12:00:00Z'))).toEqual([2031, 2027, 2026, 2025]);
  });
});
