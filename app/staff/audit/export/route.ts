import { iterateAuditLog } from '@/lib/data/audit-log';
import { exportFormatOf } from '@/lib/data/export-format';
import { textCell } from '@/lib/data/staff-csv';
import { listExportResponse } from '@/lib/data/staff-export';
import { authorizeAuditExport } from '@/app/_lib/staff-export-access';
import { auditLogFilter, parseAuditFilter } from '../audit-filter';
import { AUDIT_EXPORT_HEADER, auditExportCells, auditRow } from '../audit-view';

/** The audit log as the page's filters describe it, every page of it, as CSV or XLSX (`format`), in the page's words. */
export async function GET(request: Request): Promise<Response> {
  const access = await authorizeAuditExport();
  if (!access.ok) return access.response;
  const searchParams = new URL(request.url).searchParams;
  const { db, scope } = access;
  const filter = auditLogFilter(parseAuditFilter(searchParams.entries()), scope);
  async function* rows() {
    for await (const batch of iterateAuditLog(db, filter)) yield batch.map(auditRow);
  }
  return listExportResponse(exportFormatOf(searchParams), 'audit-log', AUDIT_EXPORT_HEADER, rows(), (row) => auditExportCells(row).map(textCell));
}
