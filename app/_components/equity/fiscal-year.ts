// Server-compatible: which fiscal year a board or staff equity page shows.
import { currentFiscalYear } from '@/lib/fiscal-year';

/**
 * The year in the URL when it is a plausible fiscal year (2000–2100; the staff pages may look at a year without data
 * yet, to enter it); otherwise the newest year in `preferred` that is not in the future; otherwise the current one.
 */
export function pickFiscalYear(requested: string | string[] | undefined, preferred: readonly number[], startMonth: number): number {
  const value = Array.isArray(requested) ? requested[0] : requested;
  if (value !== undefined && /^\d{4}$/.test(value.trim())) {
    const fy = Number(value.trim());
    if (fy >= 2000 && fy <= 2100) return fy;
  }
  const current = currentFiscalYear(startMonth);
  const past = [...preferred].filter((fy) => fy <= current).sort((a, b) => b - a);
  return past[0] ?? current;
}

/** Years for the year links: the given ones, the current one and the one shown, newest first, without repeats. */
export function yearsForNav(years: readonly number[], shown: number, startMonth: number): number[] {
  return [...new Set([...years, shown, currentFiscalYear(startMonth)])].sort((a, b) => b - a);
}
