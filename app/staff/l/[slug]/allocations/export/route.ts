import { ALLOCATION_SORT, iterateStaffAllocations } from '@/lib/data/staff-allocations';
import { moneyCell, textCell } from '@/lib/data/staff-csv';
import { listExportRoute } from '../../_lib/list-export';
import { categorySharesText, recipientTypeLabel } from '../../_lib/list-filters';

/** The allocations list as the URL describes it, as CSV or XLSX (`format`). */
export const GET = listExportRoute({
  list: 'allocations',
  sorts: ALLOCATION_SORT,
  header: ['id', 'fiscal_year', 'program', 'description', 'recipient', 'recipient_type', 'categories', 'status', 'allocated', 'spent', 'updated_at_utc'],
  rows: iterateStaffAllocations,
  cells: (row) => [
    textCell(row.id),
    textCell(row.fiscalYear),
    textCell(row.program),
    textCell(row.description),
    textCell(row.recipient),
    textCell(recipientTypeLabel(row.recipientType)),
    textCell(categorySharesText(row.categories)),
    textCell(row.status),
    moneyCell(row.amountCents),
    moneyCell(row.spentCents),
    textCell(row.updatedAt),
  ],
});
