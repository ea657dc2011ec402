/**
 * Fiscal-year windows for the demo. "FY2027" is the fiscal year that ENDS in 2027: with a July start it runs
 * 2026-07-01..2027-06-30, with a January start it is calendar 2027. Dates are ISO strings handled as UTC day
 * numbers so no time zone can move them.
 */

/** Demo "today" is 2026-11-23; the last recorded activity is a few days earlier. */
export const DEMO_AS_OF = '2026-11-20';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date. */
export function toDayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y!, m! - 1, d!) / DAY_MS);
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** First and last day of fiscal year `fy` for a locality whose year starts in `startMonth`. */
export function fiscalYearWindow(fy: number, startMonth: number): { start: string; end: string } {
  const startYear = startMonth === 1 ? fy : fy - 1;
  const start = fromDayNumber(Math.round(Date.UTC(startYear, startMonth - 1, 1) / DAY_MS));
  const end = fromDayNumber(Math.round(Date.UTC(startYear + 1, startMonth - 1, 1) / DAY_MS) - 1);
  return { start, end };
}

/** The fiscal year a date falls in. */
export function fiscalYearOfDate(iso: string, startMonth: number): number {
  const [y, m] = iso.split('-').map(Number);
  if (startMonth === 1) return y!;
  return m! >= startMonth ? y! + 1 : y!;
}

/**
 * The part of a fiscal year that has happened by DEMO_AS_OF, or null when it has not begun (a January-start FY2027).
 * `elapsedPerMille` is how much of the year has passed, in thousandths, to scale partial-year activity.
 */
export function elapsedWindow(
  fy: number,
  startMonth: number,
): { start: string; end: string; elapsedPerMille: number } | null {
  const { start, end } = fiscalYearWindow(fy, startMonth);
  const first = toDayNumber(start);
  const last = Math.min(toDayNumber(end), toDayNumber(DEMO_AS_OF));
  if (last < first) return null;
  const length = toDayNumber(end) - first + 1;
  return { start, end: fromDayNumber(last), elapsedPerMille: Math.round(((last - first + 1) * 1000) / length) };
}

/** A date in a given calendar month (day 1–28, so every month has it). */
export function dateInMonth(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
