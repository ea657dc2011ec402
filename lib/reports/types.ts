import type { Executor } from '@/db/client';

/**
 * A state report as one document: the same value is shown on the staff page, answered by the API as JSON and
 * written to the XLSX workbook, so the three can never disagree. Every money figure is exact cents and carries the
 * ids of the records it sums, so a reader can follow any figure to the lines behind it.
 */

/** What a money figure sums: receipts, payments (expenditures), allocation lines, and/or a balance of the fund. */
export interface FigureSources {
  receipts: number[];
  payments: number[];
  lines: number[];
  /** A balance derived from the whole ledger (beginning or ending): it links to the fund, not to a list. */
  fund: boolean;
}

export type ReportCell =
  | { kind: 'text'; text: string }
  | { kind: 'money'; cents: bigint; sources: FigureSources }
  | { kind: 'date'; date: string | null }
  /** An exact decimal string ("37.50"), or null when it cannot be computed (nothing available). */
  | { kind: 'percent'; value: string | null };

export type ColumnKind = ReportCell['kind'];

export interface ReportColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export interface ReportRow {
  key: string;
  cells: Record<string, ReportCell>;
  /** A total (or subtotal) row: shown in bold. */
  total?: boolean;
}

export interface ReportSection {
  key: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** What the section means or how it was computed, in plain words. */
  note?: string;
}

export interface ReportLocality {
  id: number;
  slug: string;
  name: string;
  stateCode: string;
  fyStartMonth: number;
}

export interface ReportDocument {
  key: string;
  title: string;
  state: string;
  locality: { slug: string; name: string; stateCode: string };
  fiscalYear: number;
  /** First and last day of the fiscal year (inclusive). */
  period: { start: string; end: string };
  dueOn: string;
  sections: ReportSection[];
}

export interface ReportDefinition {
  key: string;
  title: string;
  /** The state that asks for it (two-letter code). */
  state: string;
  /** When the report is due, in words (shown beside the date). */
  dueRule: string;
  dueDate(fiscalYear: number, fyStartMonth: number): string;
  /**
   * Which fiscal years ask for the report (lib/reports/deadlines.ts): every year the fund held or moved money (the
   * default), or only the years in which it spent some.
   */
  requiredWhen?: 'money-held' | 'money-spent';
  build(db: Executor, options: { localityId: number; fiscalYear: number }): Promise<ReportDocument>;
}
