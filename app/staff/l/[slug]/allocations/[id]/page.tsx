import type { Metadata } from 'next';
import { formatFiscalYearSpan } from '@/lib/fiscal-year';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { getDb } from '@/db/runtime';
import { can } from '@/lib/auth/authorize';
import { getAllocationHistory } from '@/lib/data/staff-allocation-history';
import { getStaffAllocation } from '@/lib/data/staff-allocations';
import { EXPENDITURE_SORT, listStaffExpenditures } from '@/lib/data/staff-expenditures';
import { MAX_PAGE_SIZE, parseStaffListQuery, RECIPIENT_TYPE_LABELS, STATUS_LABELS } from '@/lib/data/staff-list-query';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import {
  decideAllocationAction,
  deleteAllocationAction,
  returnAllocationToDraftAction,
  submitAllocationAction,
} from '../actions';
import { AllocationStatusActions } from './allocation-status-actions';

export const metadata: Metadata = { title: 'Allocation' };

export default async function AllocationPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { actor, locality } = await requireLocalityAccess(slug, 'locality.read', `/staff/l/${slug}/allocations/${id}`);
  if (!/^\d{1,10}$/.test(id)) notFound();
  const db = await getDb();
  const allocation = await getStaffAllocation(db, locality.id, Number(id));
  if (!allocation) notFound();
  const [spending, history] = await Promise.all([
    listStaffExpenditures(
      db,
      locality.id,
      parseStaffListQuery({ allocation: String(allocation.id), size: String(MAX_PAGE_SIZE), sort: 'paidOn', dir: 'asc' }, EXPENDITURE_SORT),
    ),
    getAllocationHistory(db, locality.id, allocation.id),
  ]);

  const base = `/staff/l/${locality.slug}`;
  const mayWrite = can(actor, 'money.write', locality.id);
  const editable = allocation.status === 'draft' || allocation.status === 'returned';

  return (
    <>
      <p className="breadcrumbs">
        <Link href={`${base}/allocations`}>Allocations</Link> / <span>{formatFiscalYearSpan(allocation.fiscalYear, allocation.lastFiscalYear)}</span>
      </p>
      <div className="page-header page-header--actions">
        <h1>{allocation.program}</h1>
        <span className={`badge status-badge status-badge--${allocation.status}`} data-testid="allocation-status">
          {STATUS_LABELS[allocation.status]}
        </span>
      </div>

      <dl className="facts">
        <div>
          <dt>Fiscal year</dt>
          <dd>
            {formatFiscalYearSpan(allocation.fiscalYear, allocation.lastFiscalYear)}
            {allocation.lastFiscalYear !== null ? ` (one multi-year line; its amount counts in FY${allocation.fiscalYear})` : null}
          </dd>
        </div>
        <div>
          <dt>Allocated</dt>
          <dd className="money" data-testid="allocation-amount" data-cents={allocation.amountCents.toString()}>
            {formatCents(allocation.amountCents)}
          </dd>
        </div>
        <div>
          <dt>Spent so far</dt>
          <dd className="money" data-cents={allocation.spentCents.toString()}>
            {formatCents(allocation.spentCents)}
          </dd>
        </div>
        <div>
          <dt>Recipient</dt>
          <dd>
            {allocation.recipient ? (
              <>
                {allocation.recipient.name}{' '}
                <span className="muted">
                  ({RECIPIENT_TYPE_LABELS[allocation.recipient.type] ?? allocation.recipient.type}
                  {allocation.recipient.livedExperienceLed ? '; led by people with lived experience' : ''})
                </span>
              </>
            ) : (
              <span className="muted">Not recorded yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Funding source</dt>
          <dd>{allocation.source?.name ?? <span className="muted">Not specified</span>}</dd>
        </div>
        <div className="facts__wide">
          <dt>Description</dt>
          <dd data-testid="allocation-description">{allocation.description || <span className="muted">No description yet: add one before submitting.</span>}</dd>
        </div>
        <div>
          <dt>Last changed</dt>
          <dd>
            {allocation.updatedAt}
            {allocation.updatedBy ? ` by ${allocation.updatedBy}` : ''}
          </dd>
        </div>
        {allocation.submittedAt ? (
          <div>
            <dt>Submitted</dt>
            <dd>
              {allocation.submittedAt} by {allocation.submittedBy?.name}
            </dd>
          </div>
        ) : null}
        {allocation.decidedAt ? (
          <div>
            <dt>{allocation.status === 'approved' ? 'Approved' : 'Returned'}</dt>
            <dd>
              {allocation.decidedAt} by {allocation.decidedBy}
              {allocation.decisionReason ? `: “${allocation.decisionReason}”` : ''}
            </dd>
          </div>
        ) : null}
      </dl>

      <section aria-labelledby="categories-heading" className="section">
        <h2 id="categories-heading">Categories</h2>
        <div className="table-scroll" role="region" aria-label="Categories of this allocation" tabIndex={0}>
          <table className="data-table" data-testid="allocation-splits">
            <caption>How the amount is split across categories</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Framework</th>
                <th scope="col" className="th--end">
                  Share
                </th>
                <th scope="col" className="th--end">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {allocation.splits.map((split) => (
                <tr key={split.categoryId}>
                  <td>
                    {split.label} <span className="muted">({split.group})</span>
                  </td>
                  <td>{split.frameworkName}</td>
                  <td className="cell--number">{formatPercentFromBasisPoints(split.shareBasisPoints)}</td>
                  <td className="cell--money" data-cents={split.amountCents.toString()}>
                    {formatCents(split.amountCents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="actions-heading" className="section">
        <h2 id="actions-heading">What happens next</h2>
        <p className="muted">
          {editable
            ? 'Drafts and returned lines can be edited. Submit the line when it is ready for the board.'
            : 'A submitted or approved line cannot be changed: return it to draft first. The reason is kept in its history.'}
        </p>
        {mayWrite && editable ? (
          <p>
            <Link href={`${base}/allocations/${allocation.id}/edit`} className="button">
              Edit allocation
            </Link>
          </p>
        ) : null}
        <AllocationStatusActions
          key={allocation.version}
          slug={locality.slug}
          id={allocation.id}
          version={allocation.version}
          status={allocation.status}
          mayEdit={mayWrite}
          maySubmit={can(actor, 'allocation.submit', locality.id)}
          mayDecide={can(actor, 'allocation.decide', locality.id)}
          submittedByMe={allocation.submittedBy?.id === actor.userId}
          actions={{
            submit: submitAllocationAction,
            returnToDraft: returnAllocationToDraftAction,
            decide: decideAllocationAction,
            remove: deleteAllocationAction,
          }}
        />
      </section>

      <section aria-labelledby="spending-heading" className="section">
        <div className="page-header--actions">
          <h2 id="spending-heading">Spending against this allocation</h2>
          {mayWrite ? (
            <Link href={`${base}/expenditures/new?allocation=${allocation.id}`} className="button button--secondary">
              Record a payment
            </Link>
          ) : null}
        </div>
        {spending.rowCount === 0 ? (
          <p className="muted">No payments recorded yet.</p>
        ) : (
          <div className="table-scroll" role="region" aria-label="Payments from this allocation" tabIndex={0}>
            <table className="data-table" data-testid="allocation-expenditures">
              <caption>Payments from this allocation</caption>
              <thead>
                <tr>
                  <th scope="col">Paid on</th>
                  <th scope="col">Fiscal year</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="th--end">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {spending.rows.map((row) => (
                  <tr key={row.id}>
                    <td>{mayWrite ? <Link href={`${base}/expenditures/${row.id}/edit`}>{row.paidOn}</Link> : row.paidOn}</td>
                    <td>FY{row.fiscalYear}</td>
                    <td>{row.description}</td>
                    <td className="cell--money" data-cents={row.amountCents.toString()}>
                      {formatCents(row.amountCents)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    Total spent
                  </th>
                  <td className="cell--money" data-cents={spending.totals.amountCents.toString()}>
                    {formatCents(spending.totals.amountCents)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="history-heading" className="section">
        <h2 id="history-heading">History</h2>
        <p className="muted">Every change, from the audit log, which nobody can edit or delete.</p>
        <ol className="history" data-testid="allocation-history">
          {history.map((entry) => (
            <li key={entry.id} className="history__entry" data-action={entry.action}>
              <p className="history__summary">
                <strong>{entry.actionLabel}</strong> by {entry.who} <span className="muted">at {entry.at}</span>
              </p>
              {entry.reason ? <p className="history__reason">Reason: {entry.reason}</p> : null}
              {entry.changes.length > 0 && entry.action !== 'create' ? (
                <table className="data-table history__changes">
                  <caption className="visually-hidden">What changed</caption>
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Before</th>
                      <th scope="col">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entry.changes.map((change) => (
                      <tr key={change.field} data-field={change.field}>
                        <th scope="row">{change.label}</th>
                        <td>{change.before || '—'}</td>
                        <td>{change.after || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
