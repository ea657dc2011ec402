import type { Executor } from '@/db/client';
import { fiscalYearBounds } from '@/lib/fiscal-year';
import { loadReportLocality, text } from './ledger';
import type { StrategyRow } from './strategy-rows';
import type { ReportCell, ReportColumn, ReportDefinition, ReportDocument, ReportLocality, ReportRow } from './types';

/** What every report's build starts from: its locality, the fiscal year's first and last day, and the document's head. */
export interface ReportStart {
  locality: ReportLocality;
  period: { start: string; end: string };
  /** The document without its sections: the report, the locality, the year and the due date. */
  head: Omit<ReportDocument, 'sections'>;
}

export async function startReport(
  db: Executor,
  definition: Pick<ReportDefinition, 'key' | 'title' | 'state' | 'dueDate'>,
  { localityId, fiscalYear }: { localityId: number; fiscalYear: number },
): Promise<ReportStart> {
  const locality = await loadReportLocality(db, localityId);
  const period = fiscalYearBounds(fiscalYear, locality.fyStartMonth);
  return {
    locality,
    period,
    head: {
      key: definition.key,
      title: definition.title,
      state: definition.state,
      locality: { slug: locality.slug, name: locality.name, stateCode: locality.stateCode },
      fiscalYear,
      period,
      dueOn: definition.dueDate(fiscalYear, locality.fyStartMonth),
    },
  };
}

/** The receipts or payments of one fiscal year, out of those read through it. */
export function ofYear<T extends { fiscalYear: number }>(items: readonly T[], fiscalYear: number): T[] {
  return items.filter((item) => item.fiscalYear === fiscalYear);
}

/** The columns of a two-column "item, amount" table (a report's summary or its funds). */
export function itemAmountColumns(): ReportColumn[] {
  return [
    { key: 'item', label: 'Item', kind: 'text' },
    { key: 'amount', label: 'Amount', kind: 'money' },
  ];
}

/** One row of an "item, amount" table; a total row is shown in bold. */
export function itemAmountRow(key: string, label: string, amount: ReportCell, total = false): ReportRow {
  return { key, cells: { item: text(label), amount }, ...(total ? { total } : {}) };
}

/** The columns of a "spent by strategy" table whose first column is named `column` ("strategy", "category"). */
export function strategyColumns(column: string, label: string): ReportColumn[] {
  return [
    { key: column, label, kind: 'text' },
    { key: 'amount', label: 'Amount', kind: 'money' },
  ];
}

/** Strategy rows (strategy-rows.ts#groupParts) as the rows of a table with a `column` label and an amount. */
export function strategyTableRows(strategies: readonly StrategyRow[], column: string, extra?: (row: StrategyRow) => Record<string, ReportCell>): ReportRow[] {
  return strategies.map((s) => ({
    key: s.key,
    cells: { [column]: text(s.label), amount: s.cell, ...extra?.(s) },
    ...(s.total ? { total: true } : {}),
  }));
}
