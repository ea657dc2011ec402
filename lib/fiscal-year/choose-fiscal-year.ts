import { currentFiscalYear, DEFAULT_FY_START_MONTH } from './index';

/** How far the year in a URL is believed. */
export interface FiscalYearChoiceRules {
  /**
   * Staff pages may open a year that has no data yet, to enter it: any well-formed year from 2000 to 2100 is taken,
   * and with data only in future years the current year is shown. Public pages show only years with data.
   */
  anyPlausibleYear?: boolean;
}

/** The staff pages' rules: a year with no data yet may be opened, to enter it. */
export const STAFF_YEAR_RULES: FiscalYearChoiceRules = { anyPlausibleYear: true };

/**
 * The fiscal year a page shows: the one in the URL when it is a year with data (or, by the rules, any plausible
 * one), otherwise the current one when it has data, otherwise the newest year with data that is not in the future,
 * otherwise (public pages) the newest year with data. `years` may come in any order.
 */
export function chooseFiscalYear(
  requested: string | string[] | undefined,
  years: readonly number[],
  startMonth: number = DEFAULT_FY_START_MONTH,
  now: Date = new Date(),
  rules: FiscalYearChoiceRules = {},
): number {
  const value = (Array.isArray(requested) ? requested[0] : requested)?.trim();
  if (value !== undefined && /^\d{4}$/.test(value)) {
    const fy = Number(value);
    if (years.includes(fy) || (rules.anyPlausibleYear && fy >= 2000 && fy <= 2100)) return fy;
  }
  const current = currentFiscalYear(startMonth, now);
  if (years.length === 0 || years.includes(current)) return current;
  const past = years.filter((fy) => fy <= current);
  if (past.length > 0) return Math.max(...past);
  return rules.anyPlausibleYear ? current : Math.max(...years);
}

/** Years for a staff page's year links: the given ones, the current one and the one shown, newest first, once each. */
export function yearsForNav(years: readonly number[], shown: number, startMonth: number, now: Date = new Date()): number[] {
  return [...new Set([...years, shown, currentFiscalYear(startMonth, now)])].sort((a, b) => b - a);
}

/** What a locality's public page shows for the `fy` in its URL. */
export type LocalityYearChoice =
  /** A year with counted data (or, with no valid year asked for, the default one `chooseFiscalYear` picks). */
  | { kind: 'shown'; fiscalYear: number }
  /** The URL asked for a well-formed year the locality has no counted data for: say so, show no other year's figures. */
  | { kind: 'not-reported'; fiscalYear: number };

/**
 * The year a locality's page shows. Unlike `chooseFiscalYear` (the all-locality pages, which fall back quietly), a
 * well-formed year the locality has not reported for is answered as such, never with another year's figures. No
 * year, or a malformed one, gets the default year.
 */
export function chooseLocalityFiscalYear(
  requested: string | string[] | undefined,
  years: readonly number[],
  startMonth: number = DEFAULT_FY_START_MONTH,
  now: Date = new Date(),
): LocalityYearChoice {
  const value = Array.isArray(requested) ? requested[0] : requested;
  if (value !== undefined && /^\d{4}$/.test(value) && !years.includes(Number(value))) {
    return { kind: 'not-reported', fiscalYear: Number(value) };
  }
  return { kind: 'shown', fiscalYear: chooseFiscalYear(requested, years, startMonth, now) };
}
