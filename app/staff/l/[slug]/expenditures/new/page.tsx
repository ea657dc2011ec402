import type { Metadata } from 'next';
import { listAllocationOptions } from '@/lib/data/staff-form-options';
import { todayIso } from '@/lib/fiscal-year';
import { createExpenditureAction } from '../actions';
import { ExpenditureForm } from '../expenditure-form';
import { FormPage } from '@/app/staff/_components/form-page';
import { recordOf } from '../../_lib/record-of';
import { openLocalityPage, type LocalityRoute } from '../../_lib/locality-page';

export const metadata: Metadata = { title: 'Record a payment' };

export default async function NewExpenditurePage(route: LocalityRoute) {
  const { locality, query, db } = await openLocalityPage(route, 'expenditures/new', 'money.write');
  const allocations = await listAllocationOptions(db, locality.id);
  const requested = query.allocation;
  const chosen = allocations.find((a) => String(a.id) === (Array.isArray(requested) ? requested[0] : requested));
  const base = `/staff/l/${locality.slug}`;
  const back = chosen ? `${base}/allocations/${chosen.id}` : `${base}/expenditures`;
  return (
    <FormPage title="Record a payment" lede={<>Money {locality.name} paid out against one of its allocations.</>}>
      {allocations.length === 0 ? (
        <p className="notice">No allocation is approved yet: every payment is made from an approved allocation.</p>
      ) : (
        <ExpenditureForm
          action={createExpenditureAction}
          {...recordOf(locality)}
          initialValues={{ allocationId: chosen ? String(chosen.id) : '', paidOn: todayIso(), amount: '', description: '', costType: '', overspendReason: '' }}
          allocations={allocations}
          cancelHref={back}
          returnTo={chosen ? back : undefined}
          submitLabel="Save payment"
          boardPosts={locality.moneyNeedsApproval}
        />
      )}
    </FormPage>
  );
}
