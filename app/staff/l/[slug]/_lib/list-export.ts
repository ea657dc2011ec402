import type { Database } from '@/db/client';
import { authorizeLocalityExport } from '@/app/_lib/staff-export-access';
import { exportFormatOf } from '@/lib/data/export-format';
import type { CsvCell } from '@/lib/data/staff-csv';
import { listExportResponse } from '@/lib/data/staff-export';
import { parseStaffListQuery, type SortSpec, type StaffListQuery } from '@/lib/data/staff-list-query';

/**
 * The route handler of a staff list's download: the list view the URL describes as CSV or XLSX (`format`), with the
 * same filters, search and order, every page. The file is named after the locality and the list ("cedar-receipts").
 */
export function listExportRoute<Row>(spec: {
  list: string;
  sorts: SortSpec;
  header: readonly string[];
  rows: (db: Database, localityId: number, query: StaffListQuery) => AsyncIterable<Row[]>;
  cells: (row: Row) => CsvCell[];
}) {
  return async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
    const access = await authorizeLocalityExport((await params).slug);
    if (!access.ok) return access.response;
    const { db, locality } = access;
    const searchParams = new URL(request.url).searchParams;
    const query = parseStaffListQuery(searchParams, spec.sorts);
    return listExportResponse(exportFormatOf(searchParams), `${locality.slug}-${spec.list}`, spec.header, spec.rows(db, locality.id, query), spec.cells);
  };
}
