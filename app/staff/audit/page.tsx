import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/runtime';
import { requireSignedIn } from '@/app/_lib/require-staff';
import { localitiesWhere } from '@/lib/auth/authorize';
import { AUDIT_ENTITY_LABELS } from '@/lib/audit/readable';
import { listAuditLog } from '@/lib/data/audit-log';
import { listStaffLocalities } from '@/lib/data/staff-localities';
import { auditLogFilter, auditQuery, parseAuditFilter } from './audit-filter';
import { auditRow } from './audit-view';

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
  const oneRecord = filter.entity && filter.record ? (rows[0]?.record ?? `${AUDIT_ENTITY_LABELS[filter.entity]} #${filter.record}`) : null;

  return (
    <>
      <p className="breadcrumbs">
        <Link href="/staff">Staff workspace</Link> / {oneRecord ? <Link href="/staff/audit">Audit log</Link> : <span>Audit log</span>}
      </p>
      <h1>{oneRecord ? `History of ${oneRecord}` : 'Audit log'}</h1>
      <p className="lede">Every change to the data: who made it, when, what it was before and after, and why. The log cannot be edited.</p>
      <form method="get" className="form filter-form" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="locality">Locality</label>
          <select id="locality" name="locality" defaultValue={filter.locality ?? ''}>
            <option value="">All</option>
            {localities.map((l) => (
              <option key={l.id} value={l.slug}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user">User email</label>
          <input id="user" name="user" type="email" defaultValue={filter.user ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="entity">Record</label>
          <select id="entity" name="entity" defaultValue={filter.entity ?? ''}>
            <option value="">All</option>
            {Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {filter.record ? <input type="hidden" name="record" value={filter.record} /> : null}
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={filter.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input id="to" name="to" type="date" defaultValue={filter.to ?? ''} />
        </div>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <div className="list-toolbar">
        <p role="status">
          {total.toLocaleString('en-US')} {total === 1 ? 'change' : 'changes'}; page {filter.page} of {pages}.
        </p>
        <p className="download-links">
          <a className="button button--secondary" href={exportHref('csv')} download data-testid="audit-export-csv">
            Download CSV
          </a>{' '}
          <a className="button button--secondary" href={exportHref('xlsx')} download>
            Download XLSX
          </a>
        </p>
      </div>
      <div className="table-scroll" role="region" aria-label="Audit log entries" tabIndex={0}>
        <table className="data-table audit-table" data-testid="audit-log">
          <caption className="visually-hidden">Audit log entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Record</th>
              <th scope="col">Action</th>
              <th scope="col">Change</th>
              <th scope="col">Reason</th>
              <th scope="col">Locality</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="audit-table__when">{row.when.replace(' UTC', '')}</td>
                <td>{row.who}</td>
                <td>
                  {row.recordHref ? <Link href={row.recordHref}>{row.record}</Link> : row.record}
                  {oneRecord ? null : (
                    <>
                      {' '}
                      <Link href={row.historyHref} className="audit-table__history" aria-label={`History of ${row.record}`}>
                        (history)
                      </Link>
                    </>
                  )}
                </td>
                <td>{row.action}</td>
                <td>{row.change}</td>
                <td>{row.reason}</td>
                <td>{row.locality}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Audit log pages" className="pager">
        {filter.page > 1 ? <Link href={pageHref(filter.page - 1)}>Newer</Link> : null}
        {filter.page < pages ? <Link href={pageHref(filter.page + 1)}>Older</Link> : null}
      </nav>
    </>
  );
}
