import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryMoneyRows } from '@/lib/data/rows';
import type { FigureSources, ReportDocument } from './types';

/** The records one report figure sums, for the staff page that lists them (each links to its own staff page). */
export interface FigureItem {
  kind: 'receipt' | 'payment' | 'line';
  id: number;
  date: string | null;
  description: string;
  amountCents: bigint;
}

/** The figure at section/row/column of a report, or null when there is none (or it is not money). */
export function findFigure(report: ReportDocument, section: string, row: string, column: string): { label: string; cents: bigint; sources: FigureSources } | null {
  const s = report.sections.find((x) => x.key === section);
  const r = s?.rows.find((x) => x.key === row);
  const cell = r?.cells[column];
  if (!s || !r || cell?.kind !== 'money') return null;
  const first = s.columns.find((c) => c.kind === 'text');
  const rowLabel = first && r.cells[first.key]?.kind === 'text' ? (r.cells[first.key] as { text: string }).text : row;
  const columnLabel = s.columns.find((c) => c.key === column)?.label ?? column;
  return { label: `${s.title} · ${rowLabel} · ${columnLabel}`, cents: cell.cents, sources: cell.sources };
}

/** Only the locality's own records are read, whatever ids are asked for. */
export async function readFigureItems(db: Executor, localityId: number, sources: FigureSources): Promise<FigureItem[]> {
  const list = (ids: number[]) => (ids.length === 0 ? sql`(null)` : sql`(${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  return queryMoneyRows<FigureItem>(
    db,
    sql`
      select 'receipt' as kind, rc.id, rc.received_on::text as date, fs.name || case when rc.note <> '' then ' — ' || rc.note else '' end as description, rc.amount_cents::text as amount
      from receipts rc join funding_sources fs on fs.id = rc.source_id
      where rc.locality_id = ${localityId} and rc.id in ${list(sources.receipts)}
      union all
      select 'payment', x.id, x.paid_on::text, a.program || case when x.description <> '' then ' — ' || x.description else '' end, x.amount_cents::text
      from expenditures x join allocations a on a.id = x.allocation_id
      where x.locality_id = ${localityId} and x.id in ${list(sources.payments)}
      union all
      select 'line', a.id, null, a.program || ' (FY' || a.fiscal_year || ')', a.amount_cents::text
      from allocations a
      where a.locality_id = ${localityId} and a.id in ${list(sources.lines)}
      order by 1, 3, 2`,
  );
}
