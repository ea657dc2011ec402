import type { Metadata } from 'next';
import Link from 'next/link';
import { DeleteRecordForm } from '@/app/_components/forms/delete-record-form';
import { requireEditableRecord } from '@/app/_lib/require-staff';
import { listAllocationOptions } from '@/lib/data/staff-form-options';
import { readExpenditureSnapshot } from '@/lib/data/staff-snapshots';
import { expenditureFormValues } from '@/lib/services/form-values';
import { deleteExpenditureAction, updateExpenditureAction } from '../../actions';
import { ExpenditureForm } from '../../expenditure-form';
import { FormPage } from '@/app/staff/_components/form-page';
import { postingState } from '../../../_lib/posting-state';
import { editedPostedRecordOf } from '../../../_lib/record-of';

export const metadata: Metadata = { title: 'Edit payment' };

export default async function EditExpenditurePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { locality, db, snapshot } = await requireEditableRecord(slug, id, `/staff/l/${slug}/expenditures/${id}/edit`, readExpenditureSnapshot);
  const allocations = await listAllocationOptions(db, locality.id, snapshot.allocation.id);
  const allocationHref = `/staff/l/${locality.slug}/allocations/${snapshot.allocation.id}`;
  return (
    <FormPage
      title="Edit payment"
      lede={
        <>
          Paid {snapshot.paidOn} (FY{snapshot.fiscalYear}) from <Link href={allocationHref}>{snapshot.allocation.program}</Link> ·{' '}
          {postingState(snapshot)} · version {snapshot.version}
        </>
      }
    >
      <ExpenditureForm
        action={updateExpenditureAction}
        {...editedPostedRecordOf(locality, snapshot)}
        initialValues={expenditureFormValues(snapshot)}
        allocations={allocations}
        cancelHref={`/staff/l/${locality.slug}/expenditures`}
      />
      <DeleteRecordForm key={snapshot.version} action={deleteExpenditureAction} slug={locality.slug} id={snapshot.id} version={snapshot.version} what="payment" />
    </FormPage>
  );
}
