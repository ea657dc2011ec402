import { z } from 'zod';
import type { Executor } from '@/db/client';
import { resolveLocality } from '@/lib/open-data/answers';
import { invalid, notFound } from '@/lib/open-data/errors';
import { toApiMoney } from '@/lib/open-data/money';
import { fyParam, parseQuery } from '@/lib/open-data/params';
import { currentFiscalYear } from '@/lib/fiscal-year';
import type { ApiReportAnswer } from './api-schema';
import { findReport, REPORT_KEYS } from './index';
import { reportFilename, reportXlsx } from './to-xlsx';
import type { ReportCell, ReportDocument } from './types';

/**
 * GET /api/v1/localities/{slug}/reports/{report}?fy=YYYY[&format=xlsx]. Reports are built from what the fund counts
 * (lib/reports/ledger.ts): live receipts and payments against approved lines, so they are public as the fund is.
 * Without `fy`, the last fiscal year that has ended (a report is about a finished year).
 */

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const formatParam = z.enum(['json', 'xlsx'], { error: 'format must be json or xlsx.' });

function toApiCell(cell: ReportCell): ApiReportAnswer['sections'][number]['rows'][number]['cells'][string] {
  switch (cell.kind) {
    case 'text':
      return { text: cell.text };
    case 'money':
      return { money: toApiMoney(cell.cents), sums: cell.sources };
    case 'date':
      return { date: cell.date };
    case 'percent':
      return { percent: cell.value };
  }
}

export function toApiReport(report: ReportDocument): ApiReportAnswer {
  return {
    report: report.key,
    title: report.title,
    state: report.state,
    locality: report.locality.slug,
    fiscal_year: report.fiscalYear,
    period: report.period,
    due_on: report.dueOn,
    sections: report.sections.map((s) => ({
      key: s.key,
      title: s.title,
      note: s.note ?? null,
      columns: s.columns,
      rows: s.rows.map((r) => ({ key: r.key, total: r.total ?? false, cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, toApiCell(c)])) })),
    })),
  };
}

export type ReportApiAnswer = { kind: 'json'; value: ApiReportAnswer } | { kind: 'xlsx'; filename: string; body: Buffer };

export async function reportAnswer(db: Executor, slug: string, reportKey: string, params: URLSearchParams, now: Date = new Date()): Promise<ReportApiAnswer> {
  const q = parseQuery(params, { fy: fyParam, format: formatParam });
  const locality = await resolveLocality(db, slug);
  const report = findReport(reportKey);
  if (!report) throw notFound('report', `No report has that key; the reports are ${REPORT_KEYS.join(', ')}.`);
  const fiscalYear = q.fy ?? currentFiscalYear(locality.fyStartMonth, now) - 1;
  if (fiscalYear < 2000) throw invalid('fy', 'fy must be a fiscal year between 2000 and 2100.');
  const document = await report.build(db, { localityId: locality.id, fiscalYear });
  if (q.format === 'xlsx') return { kind: 'xlsx', filename: reportFilename(document), body: await reportXlsx(document) };
  return { kind: 'json', value: toApiReport(document) };
}
