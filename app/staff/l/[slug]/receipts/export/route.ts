import { moneyCell, textCell } from '@/lib/data/staff-csv';
import { exportFormatOf } from '@/lib/data/export-format';
import { listExportResponse } from '@/lib/data/staff-export';
import { authorizeLocalityExport } from '@/app/_lib/staff-export-access';
import { parseStaffListQuery } from '@/lib/data/staff-list-query';
import { iterateStaffReceipts, RECEIPT_SORT } from '@/lib/data/staff-receipts';

/** The list view the URL describes as CSV or XLSX (`format`): the same filters, search and order, every page. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const access = await authorizeLocalityExport((await params).slug);
  if (!access.ok) return access.response;
  const { db, locality } = access;
  const searchParams = new URL(request.url).searchParams;
  const query = parseStaffListQuery(searchParams, RECEIPT_SORT);
  return listExportResponse(
    exportFormatOf(searchParams),
    `${locality.slug}-receipts`,
    ['id', 'received_on', 'fiscal_year', 'source', 'note', 'amount', 'updated_at_utc'],
    iterateStaffReceipts(db, locality.id, query),
    (row) => [
      textCell(row.id),
      textCell(row.receivedOn),
      textCell(row.fiscalYear),
      textCell(row.source),
      textCell(row.note),
      moneyCell(row.amountCents),
      textCell(row.updatedAt),
    ],
  );
}
