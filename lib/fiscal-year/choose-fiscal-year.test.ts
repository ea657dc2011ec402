import { describe, expect, it } from 'vitest';
import { chooseFiscalYear, chooseLocalityFiscalYear } from './choose-fiscal-year';

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
