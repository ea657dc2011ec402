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
