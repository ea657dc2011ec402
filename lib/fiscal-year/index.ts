/**
 * Fiscal years. "FY2026" is the fiscal year that ENDS in 2026: with a July start it runs 2025-07-01..2026-06-30,
 * with a January start it is calendar 2026. Dates are ISO strings (YYYY-MM-DD) so no time zone can move them.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

function assertStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`fiscal-year start month must be 1–12, got ${startMonth}`);
  }
}

export function fiscalYearOf(isoDate: string, startMonth: number): number {
  assertStartMonth(startMonth);
  const parsed = parseIsoDate(isoDate);
  if (!parsed) throw new RangeError(`not a date: ${isoDate}`);
  return startMonth === 1 || parsed.month < startMonth ? parsed.year : parsed.year + 1;
}

/** Quarter 1–4 within the fiscal year. */
export function fiscalQuarterOf(isoDate: string, startMonth: number): 1 | 2 | 3 | 4 {
  assertStartMonth(startMonth);
  const parsed = parseIsoDate(isoDate);
  if (!parsed) throw new RangeError(`not a date: ${isoDate}`);
  return (Math.floor(((parsed.month - startMonth + 12) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** First and last day (inclusive) of a fiscal year. */
export function fiscalYearBounds(fiscalYear: number, startMonth: number): { start: string; end: string } {
  assertStartMonth(startMonth);
  const startYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const lastDay = new Date(Date.UTC(startYear + 1, startMonth - 1, 0));
  return {
    start: `${startYear}-${pad(startMonth)}-01`,
    end: `${lastDay.getUTCFullYear()}-${pad(lastDay.getUTCMonth() + 1)}-${pad(lastDay.getUTCDate())}`,
  };
}

export function todayIso(now: Date = new Date()): string {
  return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
}

export function currentFiscalYear(startMonth: number, now: Date = new Date()): number {
  return fiscalYearOf(todayIso(now), startMonth);
}

/** Most US counties start their fiscal year in July; used where no single locality decides. */
export const DEFAULT_FY_START_MONTH = 7;

export function formatFiscalYear(fiscalYear: number): string {
  return `FY${fiscalYear}`;
}

/**
 * What a list of one fiscal year says beside a multi-year line: its span and the year its amount counts in, so a
 * reader never adds it twice ("FY2025–FY2029 authorization, counted in FY2025"); null for a line of one year.
 */
export function multiYearNote(line: { fiscalYear: number; lastFiscalYear: number | null }, shownYear: number): string | null {
  if (line.lastFiscalYear === null || line.lastFiscalYear === line.fiscalYear) return null;
  const span = formatFiscalYearSpan(line.fiscalYear, line.lastFiscalYear);
  return shownYear === line.fiscalYear
    ? `${span} authorization, counted in this year`
    : `${span} authorization, counted in ${formatFiscalYear(line.fiscalYear)}`;
}

/** "FY2026", or "FY2025–FY2029" for a multi-year authorization (`last` null or equal to `first` for one year). */
export function formatFiscalYearSpan(first: number, last: number | null | undefined): string {
  return last === null || last === undefined || last === first
    ? formatFiscalYear(first)
    : `${formatFiscalYear(first)}–${formatFiscalYear(last)}`;
}
