import 'server-only';
import type { ServerDataTableProps } from '@/app/_components/server-data-table';
import { flattenSearchParams, PAGE_SIZES, parseStaffListQuery, viewQueryString, type SortSpec, type StaffListQuery } from '@/lib/data/staff-list-query';
import type { Database } from '@/db/client';
import { listCategoryOptions, listStaffFiscalYears } from '@/lib/data/staff-form-options';
import { POSTING_LABELS } from '@/lib/views/bulk-view';
import { openLocalityPage, type LocalityRoute } from './locality-page';

/**
 * The start of every staff list page (allocations, receipts, expenditures): who may see it, the locality, the
 * search parameters as the URL gave them (`raw`, which the table and the export read back) and as the query reads
 * them, and the database.
 */
export async function openStaffList(route: LocalityRoute, list: string, sorts: SortSpec) {
  const { actor, locality, query: search, db } = await openLocalityPage(route, list);
  const raw = flattenSearchParams(search);
  return { actor, locality, raw, query: parseStaffListQuery(raw, sorts), db };
}

type ListViewProps = Pick<ServerDataTableProps, 'rowCount' | 'params' | 'page' | 'pageSize' | 'pageSizes' | 'sort' | 'totalsLabel' | 'exportHref'>;

/** The table props every staff list sets the same way: the view the URL describes, and its CSV export at `exportPath`. */
export function listViewProps(raw: Record<string, string>, query: StaffListQuery, rowCount: number, exportPath: string): ListViewProps {
  const exportQuery = viewQueryString(raw);
  return {
    rowCount,
    params: raw,
    page: query.page,
    pageSize: query.pageSize,
    pageSizes: PAGE_SIZES,
    sort: { id: query.sort, desc: query.desc },
    totalsLabel: 'Total of this view',
    exportHref: `${exportPath}${exportQuery ? `?${exportQuery}` : ''}`,
  };
}

/** The cells a receipt or payment row needs to be posted from the list (PostableTable): drafts may be selected. */
export function postableCells(row: { posted: boolean; version: number }, label: string) {
  return {
    posting: POSTING_LABELS[row.posted ? 'posted' : 'draft'],
    label,
    version: String(row.version),
    selectable: row.posted ? null : 'true',
  };
}

/** What the year and category filters of a list offer: the locality's fiscal years and its categories. */
export async function listFilterChoices(db: Database, localityId: number) {
  const [years, categories] = await Promise.all([listStaffFiscalYears(db, localityId), listCategoryOptions(db, localityId)]);
  return { years, categories };
}
