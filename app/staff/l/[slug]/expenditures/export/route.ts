import { csvResponse, moneyCell, textCell } from '@/lib/data/staff-csv';
import { EXPENDITURE_SORT, iterateStaffExpenditures } from '@/lib/data/staff-expenditures';
import { authorizeLocalityExport } from '@/lib/data/staff-export-access';
import { parseStaffListQuery, RECIPIENT_TYPE_LABELS } from '@/lib/data/staff-list-query';

/** The CSV of the list view the URL describes: the same filters, search and order, every page. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const access = await authorizeLocalityExport((await params).slug);
  if (!access.ok) return access.response;
  const { db, locality } = access;
  const query = parseStaffListQuery(new URL(request.url).searchParams, EXPENDITURE_SORT);
  return csvResponse(
    `${locality.slug}-expenditures.csv`,
    ['id', 'paid_on', 'fiscal_year', 'allocation_id', 'program', 'recipient', 'recipient_type', 'allocation_status', 'description', 'amount', 'updated_at_utc'],
    iterateStaffExpenditures(db, locality.id, query),
    (row) => [
      textCell(row.id),
      textCell(row.paidOn),
      textCell(row.fiscalYear),
      textCell(row.allocationId),
      textCell(row.program),
      textCell(row.recipient),
      textCell(row.recipientType ? (RECIPIENT_TYPE_LABELS[row.recipientType] ?? row.recipientType) : null),
      textCell(row.status),
      textCell(row.description),
      moneyCell(row.amountCents),
      textCell(row.updatedAt),
    ],
  );
}
