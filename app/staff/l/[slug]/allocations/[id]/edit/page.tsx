import type { Metadata } from 'next';
import Link from 'next/link';
import { requireEditableRecord } from '@/app/_lib/require-staff';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { allocationFormValues } from '@/lib/services/form-values';
import { EDITABLE_STATUSES } from '@/lib/services/allocations/conflict';
import { updateAllocationAction } from '../../actions';
import { AllocationForm } from '../../allocation-form';
import { loadAllocationFormOptions } from '../../form-options';
import { FormPage } from '@/app/staff/_components/form-page';
import { StatusNotice } from '@/app/staff/_components/list-page';
import { editedRecordOf } from '../../../_lib/record-of';

export const metadata: Metadata = { title: 'Edit allocation' };

export default async function EditAllocationPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { locality, db, snapshot } = await requireEditableRecord(slug, id, `/staff/l/${slug}/allocations/${id}/edit`, readAllocationSnapshot);
  const detailHref = `/staff/l/${locality.slug}/allocations/${snapshot.id}`;
  if (!EDITABLE_STATUSES.includes(snapshot.status)) {
    return (
      <FormPage title="Edit allocation">
        <StatusNotice>
          This allocation is {snapshot.status}. Return it to draft first (with a reason, kept in its history), then edit
          it. <Link href={detailHref}>Back to the allocation</Link>
        </StatusNotice>
      </FormPage>
    );
  }
  const options = await loadAllocationFormOptions(db, locality, snapshot.fiscalYear);
  return (
    <FormPage
      title="Edit allocation"
      lede={
        <>
          {snapshot.program} · version {snapshot.version}. If someone else saves while you edit, you will see both
          versions side by side and lose nothing.
        </>
      }
    >
      <AllocationForm
        action={updateAllocationAction}
        {...editedRecordOf(locality, snapshot)}
        initialValues={allocationFormValues(snapshot)}
        options={options}
        cancelHref={detailHref}
      />
    </FormPage>
  );
}
