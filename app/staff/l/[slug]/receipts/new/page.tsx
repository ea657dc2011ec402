import type { Metadata } from 'next';
import { listSourceOptions } from '@/lib/data/staff-form-options';
import { todayIso } from '@/lib/fiscal-year';
import { createReceiptAction } from '../actions';
import { ReceiptForm } from '../receipt-form';
import { FormPage } from '@/app/staff/_components/form-page';
import { recordOf } from '../../_lib/record-of';
import { openLocalityPage, type LocalityRoute } from '../../_lib/locality-page';

export const metadata: Metadata = { title: 'Record a receipt' };

export default async function NewReceiptPage(route: LocalityRoute) {
  const { locality, db } = await openLocalityPage(route, 'receipts/new', 'money.write');
  const sources = await listSourceOptions(db);
  return (
    <FormPage title="Record a receipt" lede={<>A payment {locality.name} received from a settlement or grant.</>}>
      <ReceiptForm
        action={createReceiptAction}
        {...recordOf(locality)}
        initialValues={{ sourceId: '', receivedOn: todayIso(), amount: '', paymentYear: '', note: '' }}
        sources={sources}
        cancelHref={`/staff/l/${locality.slug}/receipts`}
        submitLabel="Save receipt"
        boardPosts={locality.moneyNeedsApproval}
      />
    </FormPage>
  );
}
