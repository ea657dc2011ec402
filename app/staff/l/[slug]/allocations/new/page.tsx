import type { Metadata } from 'next';
import { currentFiscalYear } from '@/lib/fiscal-year';
import { createAllocationAction } from '../actions';
import { AllocationForm } from '../allocation-form';
import { loadAllocationFormOptions } from '../form-options';
import { FormPage } from '@/app/staff/_components/form-page';
import { recordOf } from '../../_lib/record-of';
import { openLocalityPage, type LocalityRoute } from '../../_lib/locality-page';

export const metadata: Metadata = { title: 'New allocation' };

export default async function NewAllocationPage(route: LocalityRoute) {
  const { locality, db } = await openLocalityPage(route, 'allocations/new', 'money.write');
  const options = await loadAllocationFormOptions(db, locality);
  return (
    <FormPage title="New allocation" lede="A new line starts as a draft. Submit it for review when it is ready; only approved lines are public.">
      <AllocationForm
        action={createAllocationAction}
        {...recordOf(locality)}
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
    </FormPage>
  );
}
