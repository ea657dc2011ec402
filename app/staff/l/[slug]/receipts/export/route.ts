import { moneyCell, textCell } from '@/lib/data/staff-csv';
import { iterateStaffReceipts, RECEIPT_SORT } from '@/lib/data/staff-receipts';
import { listExportRoute } from '../../_lib/list-export';

/** The receipts list as the URL describes it, as CSV or XLSX (`format`). */
export const GET = listExportRoute({
  list: 'receipts',
  sorts: RECEIPT_SORT,
  header: ['id', 'received_on', 'fiscal_year', 'source', 'note', 'amount', 'updated_at_utc'],
  rows: iterateStaffReceipts,
  cells: (row) => [
    textCell(row.id),
    textCell(row.receivedOn),
    textCell(row.fiscalYear),
    textCell(row.source),
    textCell(row.note),
    moneyCell(row.amountCents),
    textCell(row.updatedAt),
  ],
});
