import { moneyCell, textCell } from '@/lib/data/staff-csv';
import { EXPENDITURE_SORT, iterateStaffExpenditures } from '@/lib/data/staff-expenditures';
import { listExportRoute } from '../../_lib/list-export';
import { recipientTypeLabel } from '../../_lib/list-filters';

/** The expenditures list as the URL describes it, as CSV or XLSX (`format`). */
export const GET = listExportRoute({
  list: 'expenditures',
  sorts: EXPENDITURE_SORT,
  header: ['id', 'paid_on', 'fiscal_year', 'allocation_id', 'program', 'recipient', 'recipient_type', 'allocation_status', 'description', 'amount', 'overspend_reason', 'updated_at_utc'],
  rows: iterateStaffExpenditures,
  cells: (row) => [
    textCell(row.id),
    textCell(row.paidOn),
    textCell(row.fiscalYear),
    textCell(row.allocationId),
    textCell(row.program),
    textCell(row.recipient),
    textCell(recipientTypeLabel(row.recipientType)),
    textCell(row.status),
    textCell(row.description),
    moneyCell(row.amountCents),
    textCell(row.overspendReason),
    textCell(row.updatedAt),
  ],
});
