import { describe, expect, it } from 'vitest';
import {
  formatBasisPoints,
  parseCategoryShares,
  parseFiscalPeriod,
  parseFiscalYear,
  parseRecipientType,
  parseStatus,
  percentToBasisPoints,
} from './cell-values';

describe('parseFiscalYear', () => {
  it.each([
    ['2026', 7, 2026],
    [' FY2026 ', 7, 2026],
    ['FY 2026', 7, 2026],
    ['fy26', 7, 2026],
    ['2025-26', 7, 2026],
    ['FY 2025/2026', 7, 2026],
    ['2025–26', 10, 2026],
    ['2025-03-15', 7, 2025], // an Excel date cell: March is in the fiscal year that ends in June 2025
    ['2024-10-01', 7, 2025],
    ['2024-10-01', 10, 2025],
    ['2024-10-01', 1, 2024],
    ['2024-10-01T00:00:00', 7, 2025],
  ])('%j with a fiscal year starting in month %d is FY%d', (text, startMonth, year) => {
    expect(parseFiscalYear(text, startMonth)).toEqual({ ok: true, value: year });
  });

  it.each([
    ['26', '"26" is not a fiscal year; write the 4-digit year the fiscal year ends in, like 2026'],
    ['20256', '"20256" is not a fiscal year; write the 4-digit year the fiscal year ends in, like 2026'],
    ['next year', '"next year" is not a fiscal year; write the 4-digit year the fiscal year ends in, like 2026'],
    ['2025-02-30', '"2025-02-30" is not a valid date'],
    ['2024-26', '"2024-26" does not span two consecutive years'],
    ['1999', 'fiscal year 1999 is outside the allowed range 2000–2100'],
  ])('refuses %j', (text, reason) => {
    expect(parseFiscalYear(text, 7)).toEqual({ ok: false, reason });
  });

  it('refuses a two-year span when the fiscal year is the calendar year', () => {
    expect(parseFiscalYear('2025-26', 1)).toEqual({
      ok: false,
      reason: '"2025-26" spans two years but this locality\'s fiscal year is the calendar year; write one year',
    });
  });

  it('applies the allowed range', () => {
    const allowed = { min: 2022, max: 2027 };
    expect(parseFiscalYear('2027', 7, allowed)).toEqual({ ok: true, value: 2027 });
    expect(parseFiscalYear('2031', 7, allowed)).toEqual({
      ok: false,
      reason: 'fiscal year 2031 is outside the allowed range 2022–2027',
    });
  });
});

describe('parseRecipientType', () => {
  it.each([
    ['community_based_organization', 'community_based_organization'],
    ['Community-based organization', 'community_based_organization'],
    ['CBO', 'community_based_organization'],
    ['Community-based organization (CBO)', 'community_based_organization'],
    ['Nonprofit', 'community_based_organization'],
    ['Law enforcement', 'law_enforcement'],
    ["Sheriff's Office", 'law_enforcement'],
    ['Courts / corrections', 'courts_corrections'],
    ['Health-care provider', 'health_care_provider'],
    ['Faith-based', 'faith_based_organization'],
    ['School district', 'school_or_university'],
    ['Private vendor', 'private_vendor'],
    ['County department', 'government_department'],
    ['other', 'other'],
  ])('%j is %s', (text, type) => {
    expect(parseRecipientType(text)).toEqual({ ok: true, value: type });
  });

  it('refuses an unknown type and lists the known ones', () => {
    expect(parseRecipientType('Martians')).toEqual({
      ok: false,
      reason:
        'unknown recipient type "Martians"; use one of: government department, law enforcement, courts/corrections, ' +
        'health-care provider, community-based organization, faith-based organization, school or university, ' +
        'private vendor, other',
    });
  });
});

describe('parseStatus', () => {
  it('accepts the four statuses in any case', () => {
    expect(parseStatus(' Approved ')).toEqual({ ok: true, value: 'approved' });
    expect(parseStatus('DRAFT')).toEqual({ ok: true, value: 'draft' });
  });

  it('refuses anything else', () => {
    expect(parseStatus('done')).toEqual({
      ok: false,
      reason: 'unknown status "done"; use draft, submitted, approved or returned',
    });
  });
});

describe('parseCategoryShares', () => {
  it('reads a single category as 100%', () => {
    expect(parseCategoryShares('moud')).toEqual({ ok: true, value: [{ name: 'moud', shareBasisPoints: 10_000 }] });
  });

  it('reads several with percentages, in the forms people write', () => {
    expect(parseCategoryShares('moud:60; housing: 40%')).toEqual({
      ok: true,
      value: [
        { name: 'moud', shareBasisPoints: 6000 },
        { name: 'housing', shareBasisPoints: 4000 },
      ],
    });
    expect(parseCategoryShares('moud 33.33%;housing (66.67%)')).toEqual({
      ok: true,
      value: [
        { name: 'moud', shareBasisPoints: 3333 },
        { name: 'housing', shareBasisPoints: 6667 },
      ],
    });
  });

  it('keeps a colon inside a name', () => {
    expect(parseCategoryShares('Schedule A: Naloxone')).toEqual({
      ok: true,
      value: [{ name: 'Schedule A: Naloxone', shareBasisPoints: 10_000 }],
    });
    expect(parseCategoryShares('Schedule A: Naloxone:50;moud:50')).toEqual({
      ok: true,
      value: [
        { name: 'Schedule A: Naloxone', shareBasisPoints: 5000 },
        { name: 'moud', shareBasisPoints: 5000 },
      ],
    });
  });

  it.each([
    ['moud:60;housing:30', 'category shares add up to 90%, not 100%'],
    ['moud:60.5;housing:40', 'category shares add up to 100.5%, not 100%'],
    ['moud:60', 'category shares add up to 60%, not 100%'],
    ['moud:60;housing', 'category "housing" has no percentage; with several categories write each as name:percent, like moud:60;housing:40'],
    ['moud:33.333;housing:66.667', 'category share "33.333" has more than two decimals'],
    ['moud:0;housing:100', 'category "moud" has a share of 0%'],
    [' ; ', 'category is missing'],
  ])('refuses %j', (text, reason) => {
    expect(parseCategoryShares(text)).toEqual({ ok: false, reason });
  });
});

describe('basis points', () => {
  it('converts percentages by string arithmetic', () => {
    expect(percentToBasisPoints('60')).toBe(6000);
    expect(percentToBasisPoints('12.5')).toBe(1250);
    expect(percentToBasisPoints('0.25')).toBe(25);
    expect(percentToBasisPoints('1.005')).toBeNull();
    expect(formatBasisPoints(9000)).toBe('90');
    expect(formatBasisPoints(9050)).toBe('90.5');
    expect(formatBasisPoints(9055)).toBe('90.55');
  });
});

describe('parseFiscalPeriod', () => {
  it.each([
    ['July 1, 2024 through June 30, 2029', 7, 2025, 2029],
    ['7/1/2024 - 6/30/2029', 7, 2025, 2029],
    ['FY2025–FY2029', 7, 2025, 2029],
    ['FY25-FY29', 7, 2025, 2029],
    ['FY 2025 to FY 2029', 7, 2025, 2029],
    ['2024-2029', 7, 2025, 2029],
    ['2024-2029', 1, 2024, 2029],
    ['October 1, 2024 - September 30, 2026', 10, 2025, 2026],
    ['2024-25', 7, 2025, 2025],
    ['2024-2025', 7, 2025, 2025],
    ['FY2026', 7, 2026, 2026],
    ['2026', 7, 2026, 2026],
  ] as const)('%j with a month-%i start covers FY%i–FY%i', (text, start, first, last) => {
    expect(parseFiscalPeriod(text, start)).toEqual({ ok: true, value: { first, last } });
  });

  it.each([
    ['July 1, 2024 through March 31, 2029', 'does not start and end on fiscal-year boundaries'],
    ['January 1, 2024 through June 30, 2029', 'does not start and end on fiscal-year boundaries'],
    ['FY2029-FY2025', 'ends before it begins'],
    ['July 1, 2024 through soon', 'is not a period of two dates'],
    ['February 30, 2024 through June 30, 2029', 'is not a valid date'],
  ])('refuses %j', (text, reason) => {
    const result = parseFiscalPeriod(text, 7);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
