import type { Metadata } from 'next';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { getDb } from '@/db/runtime';
import { currentFiscalYear } from '@/lib/fiscal-year';
import { createAllocationAction } from '../actions';
import { AllocationForm } from '../allocation-form';
import { loadAllocationFormOptions } from '../form-options';

export const metadata: Metadata = { title: 'New allocation' };

export default async function NewAllocationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { locality } = await requireLocalityAccess(slug, 'money.write', `/staff/l/${slug}/allocations/new`);
  const options = await loadAllocationFormOptions(await getDb(), locality);
  return (
    <div className="form-page">
      <h1>New allocation</h1>
      <p className="lede">A new line starts as a draft. Submit it for review when it is ready; only approved lines are public.</p>
      <AllocationForm
        action={createAllocationAction}
        slug={locality.slug}
        localityId={locality.id}
        initialValues={{
          fiscalYear: String(currentFiscalYear(locality.fyStartMonth)),
          lastFiscalYear: '',
          program: '',
          description: '',
          costType: '',
          amount: '',
          sourceId: '',
          recipientMode: options.recipients.length > 0 ? 'existing' : 'new',
          recipientId: '',
          newRecipientName: '',
          newRecipientType: '',
          newRecipientLivedExperience: false,
          splitBy: 'percent',
          splits: [{ categoryId: '', percent: '100', amount: '' }],
        }}
        options={options}
        cancelHref={`/staff/l/${locality.slug}/allocations`}
        submitLabel="Save draft"
      />
    </div>
  );
}
