import type { Metadata } from 'next';
import { DeleteRecordForm } from '@/app/_components/forms/delete-record-form';
import { requireEditableRecord } from '@/app/_lib/require-staff';
import { listSourceOptions } from '@/lib/data/staff-form-options';
import { readReceiptSnapshot } from '@/lib/data/staff-snapshots';
import { receiptFormValues } from '@/lib/services/form-values';
import { deleteReceiptAction, updateReceiptAction } from '../../actions';
import { ReceiptForm } from '../../receipt-form';
import { FormPage } from '@/app/staff/_components/form-page';
import { postingState } from '../../../_lib/posting-state';
import { editedPostedRecordOf } from '../../../_lib/record-of';

export const metadata: Metadata = { title: 'Edit receipt' };

export default async function EditReceiptPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { locality, db, snapshot } = await requireEditableRecord(slug, id, `/staff/l/${slug}/receipts/${id}/edit`, readReceiptSnapshot);
  const sources = await listSourceOptions(db);
  return (
    <FormPage
      title="Edit receipt"
      lede={
        <>
          Received {snapshot.receivedOn} (FY{snapshot.fiscalYear}) · {postingState(snapshot)} · version {snapshot.version}
        </>
      }
    >
      <ReceiptForm
        action={updateReceiptAction}
        {...editedPostedRecordOf(locality, snapshot)}
        initialValues={receiptFormValues(snapshot)}
        sources={sources}
        cancelHref={`/staff/l/${locality.slug}/receipts`}
      />
      <DeleteRecordForm key={snapshot.version} action={deleteReceiptAction} slug={locality.slug} id={snapshot.id} version={snapshot.version} what="receipt" />
    </FormPage>
  );
}
