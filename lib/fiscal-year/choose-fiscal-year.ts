import { currentFiscalYear, DEFAULT_FY_START_MONTH } from './index';

/**
 * The fiscal year a page shows: the one in the URL when it is a year with data, otherwise the current one when it
 * has data, otherwise the newest year with data. `years` is newest first.
 */
export function chooseFiscalYear(
  requested: string | string[] | undefined,
  years: readonly number[],
  startMonth: number = DEFAULT_FY_START_MONTH,
  now: Date = new Date(),
): number {
  const value = Array.isArray(requested) ? requested[0] : requested;
  if (value !== undefined && /^\d{4}$/.test(value)) {
    const fy = Number(value);
    if (years.includes(fy)) return fy;
  }
  const current = currentFiscalYear(startMonth, now);
  if (years.length === 0 || years.includes(current)) return current;
  return years.find((fy) => fy <= current) ?? years[0]!;
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
