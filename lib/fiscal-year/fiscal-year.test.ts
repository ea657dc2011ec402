import { describe, expect, it } from 'vitest';
import { fiscalQuarterOf, fiscalYearBounds, fiscalYearOf, formatFiscalYearSpan, multiYearNote, parseIsoDate } from './index';

describe('fiscalYearOf', () => {
  it.each([
    ['2025-06-30', 7, 2025],
    ['2025-07-01', 7, 2026],
    ['2025-12-31', 7, 2026],
    ['2025-09-30', 10, 2025],
    ['2025-10-01', 10, 2026],
    ['2025-01-01', 1, 2025],
    ['2025-12-31', 1, 2025],
  ])('%s with a month-%i start is FY%i', (date, start, fy) => {
    expect(fiscalYearOf(date, start)).toBe(fy);
  });

  it('refuses impossible dates and start months', () => {
    expect(() => fiscalYearOf('2025-02-30', 7)).toThrow('not a date');
    expect(() => fiscalYearOf('2025-01-01', 13)).toThrow('start month');
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    expect(parseIsoDate('2025-02-29')).toBeNull();
  });
});

describe('fiscalYearBounds', () => {
  it('gives the first and last day of the fiscal year', () => {
    expect(fiscalYearBounds(2026, 7)).toEqual({ start: '2025-07-01', end: '2026-06-30' });
    expect(fiscalYearBounds(2026, 10)).toEqual({ start: '2025-10-01', end: '2026-09-30' });
    expect(fiscalYearBounds(2026, 1)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('agrees with fiscalYearOf at both ends', () => {
    for (let start = 1; start <= 12; start += 1) {
      const { start: first, end: last } = fiscalYearBounds(2030, start);
      expect(fiscalYearOf(first, start)).toBe(2030);
      expect(fiscalYearOf(last, start)).toBe(2030);
    }
  });
});

describe('fiscalQuarterOf', () => {
  it('counts quarters from the start month', () => {
    expect(fiscalQuarterOf('2025-07-01', 7)).toBe(1);
    expect(fiscalQuarterOf('2025-12-31', 7)).toBe(2);
    expect(fiscalQuarterOf('2026-01-01', 7)).toBe(3);
    expect(fiscalQuarterOf('2026-06-30', 7)).toBe(4);
    expect(fiscalQuarterOf('2026-03-15', 1)).toBe(1);
  });
});

describe('multi-year lines in a list of one year', () => {
  it('says the span and the year the amount counts in; nothing for a line of one year', () => {
    const line = { fiscalYear: 2025, lastFiscalYear: 2029 };
    expect(formatFiscalYearSpan(2025, 2029)).toBe('FY2025–FY2029');
    expect(formatFiscalYearSpan(2026, null)).toBe('FY2026');
    expect(multiYearNote(line, 2025)).toBe('FY2025–FY2029 authorization, counted in this year');
    expect(multiYearNote(line, 2027)).toBe('FY2025–FY2029 authorization, counted in FY2025');
    expect(multiYearNote({ fiscalYear: 2026, lastFiscalYear: null }, 2026)).toBeNull();
    expect(multiYearNote({ fiscalYear: 2026, lastFiscalYear: 2026 }, 2026)).toBeNull();
  });
});
