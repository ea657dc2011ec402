import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/runtime';
import { requireSignedIn } from '@/app/_lib/require-staff';
import { localitiesWhere } from '@/lib/auth/authorize';
import { listAuditLog } from '@/lib/data/audit-log';
import { listStaffLocalities } from '@/lib/data/staff-localities';
import { auditLogFilter, auditQuery, parseAuditFilter } from './audit-filter';
import { AuditFilterForm } from './audit-filter-form';
import { AuditTable } from './audit-table';
import { auditCountText, auditRow, oneRecordTitle } from './audit-view';
import { WorkspaceIntro } from '../_components/breadcrumbs';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireSignedIn('/staff/audit');
  const scope = localitiesWhere(actor, 'audit.read');
  if (scope !== 'all' && scope.length === 0) notFound();
  const filter = parseAuditFilter(Object.entries(await searchParams));
  const db = await getDb();
  const [localities, { entries, total }] = await Promise.all([
    listStaffLocalities(db, scope),
    listAuditLog(db, { ...auditLogFilter(filter, scope), page: filter.page, pageSize: PAGE_SIZE }),
  ]);
  const rows = entries.map(auditRow);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (page: number) => `/staff/audit?${auditQuery(filter, { page: String(page) })}`;
  const exportHref = (format: 'csv' | 'xlsx') => `/staff/audit/export?${auditQuery(filter, format === 'xlsx' ? { format } : {})}`;
  const oneRecord = oneRecordTitle(filter, rows);

  return (
    <>
      <WorkspaceIntro
        here="Audit log"
        hereHref={oneRecord ? '/staff/audit' : undefined}
        title={oneRecord ? `History of ${oneRecord}` : 'Audit log'}
        lede="Every change to the data: who made it, when, what it was before and after, and why. The log cannot be edited."
      />
      <AuditFilterForm filter={filter} localities={localities} />
      <div className="list-toolbar">
        <p role="status">{auditCountText(total, filter.page, pages)}</p>
        <p className="download-links">
          <a className="button button--secondary" href={exportHref('csv')} download data-testid="audit-export-csv">
            Download CSV
          </a>{' '}
          <a className="button button--secondary" href={exportHref('xlsx')} download>
            Download XLSX
          </a>
        </p>
      </div>
      <AuditTable rows={rows} oneRecord={Boolean(oneRecord)} />
      <nav aria-label="Audit log pages" className="pager">
        {filter.page > 1 ? <Link href={pageHref(filter.page - 1)}>Newer</Link> : null}
        {filter.page < pages ? <Link href={pageHref(filter.page + 1)}>Older</Link> : null}
      </nav>
    </>
  );
}
