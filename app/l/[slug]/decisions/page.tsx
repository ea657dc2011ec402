import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DemoBadge } from '@/app/_components/demo-badge';
import type { SearchParams } from '@/app/_components/search-params';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import { decisionRows, decisionsHref, decisionsSummary, NO_REASON_TEXT, parseDecisionsQuery } from './decisions-view';

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await connection();
  const locality = await publicReads.locality(await getDb(), (await params).slug);
  return { title: locality ? `Board decisions: ${locality.name}` : 'Locality not found' };
}

const COLUMNS = [
  { id: 'date', header: 'Date' },
  { id: 'program', header: 'Line' },
  { id: 'fiscal-year', header: 'Fiscal year' },
  { id: 'amount', header: 'Amount', money: true },
  { id: 'decision', header: 'Decision' },
  { id: 'decided-by', header: 'Decided by (role)' },
  { id: 'reason', header: 'Reason' },
] as const;

const label = (id: (typeof COLUMNS)[number]['id']) => COLUMNS.find((c) => c.id === id)!.header;

/**
 * Every approval and return by the locality's oversight board, from the audit log, newest first: the line and its
 * amount as decided, the reason, and who decided by role only. Rendered on the server with plain links and a GET
 * form, so it reads and filters without JavaScript.
 */
export default async function DecisionsPage({ params, searchParams }: PageProps) {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) notFound();
  const filter = parseDecisionsQuery(await searchParams);
  const result = await publicReads.decisions(db, {
    localityId: locality.id,
    ...(filter.fiscalYear === undefined ? {} : { fiscalYear: filter.fiscalYear }),
    ...(filter.decision === undefined ? {} : { decision: filter.decision }),
    page: filter.page,
  });
  const rows = decisionRows(locality.slug, result);
  const shown = { ...filter, page: result.page };
  const filtered = filter.fiscalYear !== undefined || filter.decision !== undefined;
  // A year asked for that has no decision stays selectable, so the form shows what the table shows.
  const years = filter.fiscalYear !== undefined && !result.years.includes(filter.fiscalYear) ? [...result.years, filter.fiscalYear] : result.years;
  const caption = `Board decisions${filter.fiscalYear === undefined ? '' : ` on FY${filter.fiscalYear} lines`}, newest first`;

  return (
    <div className="locality-page">
      <p className="breadcrumbs">
        <Link href={`/l/${locality.slug}`}>{locality.name}</Link> / <span>Board decisions</span> {locality.isDemo ? <DemoBadge /> : null}
      </p>
      <h1>Board decisions: {locality.name}</h1>
      <p className="lede">
        Every approval and return by the oversight board, with its reason. A line counts in the public figures only
        once the board approves it; a returned line goes back to the budget staff to change. Who decided is shown by
        role, never by name.
      </p>

      <form className="lines-filter no-print" method="get" action={`/l/${locality.slug}/decisions`} role="search" aria-label="Filter the decisions">
        <div className="field">
          <label htmlFor="decisions-fy">Fiscal year</label>
          <select id="decisions-fy" name="fy" defaultValue={filter.fiscalYear === undefined ? '' : String(filter.fiscalYear)}>
            <option value="">All fiscal years</option>
            {years.map((fy) => (
              <option key={fy} value={String(fy)}>
                FY{fy}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="decisions-decision">Decision</label>
          <select id="decisions-decision" name="decision" defaultValue={filter.decision ?? ''}>
            <option value="">Approvals and returns</option>
            <option value="approve">Approvals</option>
            <option value="return">Returns</option>
          </select>
        </div>
        <div className="lines-filter__actions">
          <button type="submit" className="button button--secondary">
            Show decisions
          </button>
          {filtered ? (
            <Link href={decisionsHref(locality.slug, { page: 1 })} className="lines-filter__clear">
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>

      <p className="lines-count" data-testid="decisions-count">
        {decisionsSummary(result, filter)}
      </p>

      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        {/* Explicit table roles: on phones the rows are laid out as cards (display: block). */}
        <table role="table" className="data-table decisions-table" data-testid="decisions-table">
          <caption>{caption}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {COLUMNS.map((column) => (
                <th key={column.id} role="columnheader" scope="col" className={'money' in column ? 'th--end' : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.length === 0 ? (
              <tr role="row">
                <td role="cell" colSpan={COLUMNS.length} className="table-empty">
                  {filtered ? 'No decision matches these filters.' : 'The board has not decided on any line yet.'}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr role="row" key={row.id} data-decision={row.decisionKey}>
                  <td role="cell" data-column="date" data-label={label('date')} className="cell--date">
                    {row.date}
                  </td>
                  <td role="cell" data-column="program" data-label={label('program')} className="cell--program">
                    {row.href ? <Link href={row.href}>{row.program}</Link> : row.program}
                  </td>
                  <td role="cell" data-column="fiscal-year" data-label={label('fiscal-year')}>
                    {row.fiscalYear}
                  </td>
                  <td role="cell" data-column="amount" data-label={label('amount')} className="cell--money" data-cents={row.amountCents}>
                    {row.amount}
                  </td>
                  <td role="cell" data-column="decision" data-label={label('decision')}>
                    <span className={`status status--${row.decisionKey === 'approve' ? 'ok' : 'warn'}`}>
                      <span className="status__icon" aria-hidden="true">
                        {row.decisionKey === 'approve' ? '✓' : '⚠'}
                      </span>{' '}
                      {row.decision}
                    </span>
                  </td>
                  <td role="cell" data-column="decided-by" data-label={label('decided-by')}>
                    {row.decidedBy}
                  </td>
                  <td role="cell" data-column="reason" data-label={label('reason')} className={row.reason ? 'cell--reason' : 'cell--reason cell--empty'}>
                    {row.reason ?? NO_REASON_TEXT}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      {result.pageCount > 1 ? (
        <nav className="pagination no-print" aria-label="Pages of decisions" data-testid="decisions-pager">
          {result.page > 1 ? (
            <Link href={decisionsHref(locality.slug, { ...shown, page: result.page - 1 })} rel="prev">
              ← Previous<span className="visually-hidden"> page of decisions</span>
            </Link>
          ) : (
            <span className="muted" aria-disabled="true">
              ← Previous
            </span>
          )}
          <span aria-current="page">
            Page {result.page.toLocaleString('en-US')} of {result.pageCount.toLocaleString('en-US')}
          </span>
          {result.page < result.pageCount ? (
            <Link href={decisionsHref(locality.slug, { ...shown, page: result.page + 1 })} rel="next">
              Next<span className="visually-hidden"> page of decisions</span> →
            </Link>
          ) : (
            <span className="muted" aria-disabled="true">
              Next →
            </span>
          )}
        </nav>
      ) : null}

      <p>
        Each approved line has its own page with its full public history. The same decisions appear there, with every
        change made to the line.
      </p>
    </div>
  );
}
