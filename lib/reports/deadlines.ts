import type { Executor } from '@/db/client';
import { getFundYears, type FundYear } from '@/lib/data/fund';
import { todayIso } from '@/lib/fiscal-year';
import { listReportFilings } from '@/lib/services/localities/mark-report-filed';
import { REPORTS } from './index';
import { loadReportLocality } from './ledger';
import type { ReportDefinition } from './types';

/**
 * What the staff overview says about reports: the next one due and any that are late (due date passed, not marked
 * filed). Only the reports of the locality's own state, and only for fiscal years in which the fund held or moved
 * money (North Carolina asks for its financial report even when the money was only held, so a year with a balance
 * counts) — or, for a report required only when money was spent (NC's impact report), years with spending.
 */

export interface ReportDeadline {
  report: string;
  title: string;
  fiscalYear: number;
  dueOn: string;
}

export interface ReportDeadlines {
  next: ReportDeadline | null;
  late: ReportDeadline[];
}

export function yearHasMoney(year: FundYear): boolean {
  return year.beginningCents !== 0n || year.receivedCents !== 0n || year.spentCents !== 0n;
}

export function yearHasSpending(year: FundYear): boolean {
  return year.spentCents !== 0n;
}

/** The fiscal years in which a report is asked for. */
export function yearsRequiring(report: Pick<ReportDefinition, 'requiredWhen'>, years: readonly FundYear[]): number[] {
  const required = report.requiredWhen === 'money-spent' ? yearHasSpending : yearHasMoney;
  return years.filter(required).map((y) => y.fiscalYear);
}

type DeadlineReport = Pick<ReportDefinition, 'key' | 'title' | 'dueDate'>;

/**
 * Pure: the deadlines of the given reports over the years each is asked for (the same years for all, or per report),
 * less those filed, split into late and next.
 */
export function sortDeadlines(
  reports: readonly DeadlineReport[],
  years: readonly number[] | ((report: DeadlineReport) => readonly number[]),
  fyStartMonth: number,
  filed: ReadonlySet<string>,
  today: string,
): ReportDeadlines {
  const open: ReportDeadline[] = [];
  for (const report of reports) {
    for (const fiscalYear of typeof years === 'function' ? years(report) : years) {
      if (filed.has(`${report.key}:${fiscalYear}`)) continue;
      open.push({ report: report.key, title: report.title, fiscalYear, dueOn: report.dueDate(fiscalYear, fyStartMonth) });
    }
  }
  open.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.report.localeCompare(b.report));
  return { late: open.filter((d) => d.dueOn < today), next: open.find((d) => d.dueOn >= today) ?? null };
}

export async function getReportDeadlines(db: Executor, options: { localityId: number; today?: string }): Promise<ReportDeadlines> {
  const today = options.today ?? todayIso();
  const [locality, fund, filings] = await Promise.all([
    loadReportLocality(db, options.localityId),
    getFundYears(db, { localityId: options.localityId, asOf: today }),
    listReportFilings(db, options.localityId),
  ]);
  const reports = REPORTS.filter((r) => r.state === locality.stateCode);
  const yearsByReport = new Map(reports.map((r) => [r.key, yearsRequiring(r, fund.years)]));
  const filed = new Set(filings.map((f) => `${f.report}:${f.fiscalYear}`));
  return sortDeadlines(reports, (r) => yearsByReport.get(r.key) ?? [], locality.fyStartMonth, filed, today);
}
