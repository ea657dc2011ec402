import { maMunicipalReport } from './ma-municipal-report';
import { ncAnnualFinancialReport } from './nc-annual-financial-report';
import { ncAnnualImpactReport } from './nc-annual-impact-report';
import { paAnnualReport } from './pa-annual-report';
import type { ReportDefinition } from './types';

/** Every state report Abate generates. A state is added by adding its file and one entry here. */
export const REPORTS: readonly ReportDefinition[] = [ncAnnualFinancialReport, ncAnnualImpactReport, maMunicipalReport, paAnnualReport];

export const REPORT_KEYS = REPORTS.map((report) => report.key);

export function findReport(key: string): ReportDefinition | null {
  return REPORTS.find((report) => report.key === key) ?? null;
}

export type { FigureSources, ReportCell, ReportColumn, ReportDefinition, ReportDocument, ReportRow, ReportSection } from './types';
