import { ALLOCATION_SORT, iterateStaffAllocations } from '@/lib/data/staff-allocations';
import { moneyCell, textCell } from '@/lib/data/staff-csv';
import { exportFormatOf } from '@/lib/data/export-format';
import { listExportResponse } from '@/lib/data/staff-export';
import { authorizeLocalityExport } from '@/app/_lib/staff-export-access';
import { parseStaffListQuery, RECIPIENT_TYPE_LABELS } from '@/lib/data/staff-list-query';
import { formatPercentFromBasisPoints } from '@/lib/money';

/** The list view the URL describes as CSV or XLSX (`format`): the same filters, search and order, every page. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const access = await authorizeLocalityExport((await params).slug);
  if (!access.ok) return access.response;
  const { db, locality } = access;
  const searchParams = new URL(request.url).searchParams;
  const query = parseStaffListQuery(searchParams, ALLOCATION_SORT);
  return listExportResponse(
    exportFormatOf(searchParams),
    `${locality.slug}-allocations`,
    ['id', 'fiscal_year', 'program', 'description', 'recipient', 'recipient_type', 'categories', 'status', 'allocated', 'spent', 'updated_at_utc'],
    iterateStaffAllocations(db, locality.id, query),
    (row) => [
      textCell(row.id),
      textCell(row.fiscalYear),
      textCell(row.program),
      textCell(row.description),
      textCell(row.recipient),
      textCell(row.recipientType ? (RECIPIENT_TYPE_LABELS[row.recipientType] ?? row.recipientType) : null),
      textCell(row.categories.map((c) => `${c.label} ${formatPercentFromBasisPoints(c.shareBasisPoints)}`).join('; ')),
      textCell(row.status),
      moneyCell(row.amountCents),
      moneyCell(row.spentCents),
      textCell(row.updatedAt),
    ],
  );
}
