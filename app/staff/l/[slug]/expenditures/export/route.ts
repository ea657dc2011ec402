import { moneyCell, textCell } from '@/lib/data/staff-csv';
import { exportFormatOf } from '@/lib/data/export-format';
import { listExportResponse } from '@/lib/data/staff-export';
import { EXPENDITURE_SORT, iterateStaffExpenditures } from '@/lib/data/staff-expenditures';
import { authorizeLocalityExport } from '@/app/_lib/staff-export-access';
import { parseStaffListQuery, RECIPIENT_TYPE_LABELS } from '@/lib/data/staff-list-query';

/** The list view the URL describes as CSV or XLSX (`format`): the same filters, search and order, every page. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const access = await authorizeLocalityExport((await params).slug);
  if (!access.ok) return access.response;
  const { db, locality } = access;
  const searchParams = new URL(request.url).searchParams;
  const query = parseStaffListQuery(searchParams, EXPENDITURE_SORT);
  return listExportResponse(
    exportFormatOf(searchParams),
    `${locality.slug}-expenditures`,
    ['id', 'paid_on', 'fiscal_year', 'allocation_id', 'program', 'recipient', 'recipient_type', 'allocation_status', 'description', 'amount', 'overspend_reason', 'updated_at_utc'],
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
      textCell(row.overspendReason),
      textCell(row.updatedAt),
    ],
  );
}
