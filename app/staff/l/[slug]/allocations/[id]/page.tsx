import type { Metadata } from 'next';
import { formatFiscalYearSpan } from '@/lib/fiscal-year';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/app/staff/_components/breadcrumbs';
import { can } from '@/lib/auth/authorize';
import { getAllocationHistory } from '@/lib/data/staff-allocation-history';
import { getStaffAllocation } from '@/lib/data/staff-allocations';
import { EXPENDITURE_SORT, listStaffExpenditures } from '@/lib/data/staff-expenditures';
import { MAX_PAGE_SIZE, parseStaffListQuery, STATUS_LABELS } from '@/lib/data/staff-list-query';
import { isEditable, nextStepText } from '@/lib/views/allocation-detail-view';
import {
  decideAllocationAction,
  deleteAllocationAction,
  returnAllocationToDraftAction,
  submitAllocationAction,
} from '../actions';
import { AllocationFacts } from './allocation-facts';
import { AllocationHistory } from './allocation-history';
import { AllocationSpending } from './allocation-spending';
import { AllocationSplitsTable } from './allocation-splits-table';
import { AllocationStatusActions } from './allocation-status-actions';
import { openLocalityPage, type LocalityRoute } from '../../_lib/locality-page';

export const metadata: Metadata = { title: 'Allocation' };

export default async function AllocationPage(route: LocalityRoute<{ slug: string; id: string }>) {
  const { id } = await route.params;
  const { actor, locality, db } = await openLocalityPage(route, `allocations/${id}`);
  if (!/^\d{1,10}$/.test(id)) notFound();
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
  const editable = isEditable(allocation.status);

  return (
    <>
      <Breadcrumbs trail={[{ href: `${base}/allocations`, label: 'Allocations' }]} here={formatFiscalYearSpan(allocation.fiscalYear, allocation.lastFiscalYear)} />
      <div className="page-header page-header--actions">
        <h1>{allocation.program}</h1>
        <span className={`badge status-badge status-badge--${allocation.status}`} data-testid="allocation-status">
          {STATUS_LABELS[allocation.status]}
        </span>
      </div>

      <AllocationFacts allocation={allocation} />

      <AllocationSplitsTable splits={allocation.splits} />

      <section aria-labelledby="actions-heading" className="section">
        <h2 id="actions-heading">What happens next</h2>
        <p className="muted">{nextStepText(editable)}</p>
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

      <AllocationSpending spending={spending} allocationId={allocation.id} base={base} mayWrite={mayWrite} />

      <AllocationHistory history={history} />
    </>
  );
}
