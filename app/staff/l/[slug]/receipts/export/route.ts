import { csvResponse, moneyCell, textCell } from '@/lib/data/staff-csv';
import { authorizeLocalityExport } from '@/lib/data/staff-export-access';
import { parseStaffListQuery } from '@/lib/data/staff-list-query';
import { iterateStaffReceipts, RECEIPT_SORT } from '@/lib/data/staff-receipts';

/** The CSV of the list view the URL describes: the same filters, search and order, every page. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const access = await authorizeLocalityExport((await params).slug);
  if (!access.ok) return access.response;
  const { db, locality } = access;
  const query = parseStaffListQuery(new URL(request.url).searchParams, RECEIPT_SORT);
  return csvResponse(
    `${locality.slug}-receipts.csv`,
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
