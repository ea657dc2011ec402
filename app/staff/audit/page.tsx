import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/runtime';
import { requireSignedIn } from '@/app/_lib/require-staff';
import { localitiesWhere } from '@/lib/auth/authorize';
import { describeChange } from '@/lib/audit/describe-change';
import { listAuditLog } from '@/lib/data/audit-log';
import { listStaffLocalities } from '@/lib/data/staff-localities';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const filterSchema = z.object({
  locality: z.string().max(100).optional().catch(undefined),
  user: z.string().max(320).optional().catch(undefined),
  entity: z.enum(['allocation', 'receipt', 'expenditure', 'user', 'import', 'membership']).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireSignedIn('/staff/audit');
  const scope = localitiesWhere(actor, 'audit.read');
  if (scope !== 'all' && scope.length === 0) notFound();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const filter = filterSchema.parse(raw);
  const db = await getDb();
  const [localities, { entries, total }] = await Promise.all([
    listStaffLocalities(db, scope),
    listAuditLog(db, {
      scope,
      localitySlug: filter.locality,
      userEmail: filter.user,
      entity: filter.entity,
      from: filter.from,
      to: filter.to,
      page: filter.page,
      pageSize: PAGE_SIZE,
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (page: number) => {
    const params = new URLSearchParams(Object.entries({ ...filter, page: String(page) }).filter((e): e is [string, string] => !!e[1]));
    return `/staff/audit?${params.toString()}`;
  };

  return (
    <>
      <p className="breadcrumbs">
        <Link href="/staff">Staff workspace</Link> / <span>Audit log</span>
      </p>
      <h1>Audit log</h1>
      <p className="lede">Every change to the data: who made it, when, what it was before and after. The log cannot be edited.</p>
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
            <option value="allocation">Allocations</option>
            <option value="receipt">Receipts</option>
            <option value="expenditure">Expenditures</option>
            <option value="import">Imports</option>
            <option value="user">Users</option>
          </select>
        </div>
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
      <p role="status">
        {total.toLocaleString('en-US')} {total === 1 ? 'change' : 'changes'}; page {filter.page} of {pages}.
      </p>
      <div className="table-scroll" role="region" aria-label="Audit log entries" tabIndex={0}>
        <table className="data-table" data-testid="audit-log">
          <caption className="visually-hidden">Audit log entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Locality</th>
              <th scope="col">Action</th>
              <th scope="col">Record</th>
              <th scope="col">Change</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.at.toISOString().replace('T', ' ').slice(0, 19)}</td>
                <td>{entry.userEmail ?? 'system'}</td>
                <td>{entry.localityName ?? '—'}</td>
                <td>{entry.action}</td>
                <td>
                  {entry.entity} #{entry.entityId}
                </td>
                <td>{describeChange(entry.before, entry.after)}</td>
                <td>{entry.reason ?? ''}</td>
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
