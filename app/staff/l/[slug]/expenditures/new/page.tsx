import type { Metadata } from 'next';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { getDb } from '@/db/runtime';
import { listAllocationOptions } from '@/lib/data/staff-form-options';
import { todayIso } from '@/lib/fiscal-year';
import { createExpenditureAction } from '../actions';
import { ExpenditureForm } from '../expenditure-form';

export const metadata: Metadata = { title: 'Record a payment' };

export default async function NewExpenditurePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ allocation?: string | string[] }>;
}) {
  const { slug } = await params;
  const { locality } = await requireLocalityAccess(slug, 'money.write', `/staff/l/${slug}/expenditures/new`);
  const allocations = await listAllocationOptions(await getDb(), locality.id);
  const requested = (await searchParams).allocation;
  const chosen = allocations.find((a) => String(a.id) === (Array.isArray(requested) ? requested[0] : requested));
  const base = `/staff/l/${locality.slug}`;
  const back = chosen ? `${base}/allocations/${chosen.id}` : `${base}/expenditures`;
  return (
    <div className="form-page">
      <h1>Record a payment</h1>
      <p className="lede">Money {locality.name} paid out against one of its allocations.</p>
      {allocations.length === 0 ? (
        <p className="notice">No allocation is approved yet: every payment is made from an approved allocation.</p>
      ) : (
        <ExpenditureForm
          action={createExpenditureAction}
          slug={locality.slug}
          localityId={locality.id}
          initialValues={{ allocationId: chosen ? String(chosen.id) : '', paidOn: todayIso(), amount: '', description: '', costType: '', overspendReason: '' }}
          allocations={allocations}
          cancelHref={back}
          returnTo={chosen ? back : undefined}
          submitLabel="Save payment"
          boardPosts={locality.moneyNeedsApproval}
        />
      )}
    </div>
  );
}
