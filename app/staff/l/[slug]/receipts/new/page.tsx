import type { Metadata } from 'next';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { getDb } from '@/db/runtime';
import { listSourceOptions } from '@/lib/data/staff-form-options';
import { todayIso } from '@/lib/fiscal-year';
import { createReceiptAction } from '../actions';
import { ReceiptForm } from '../receipt-form';

export const metadata: Metadata = { title: 'Record a receipt' };

export default async function NewReceiptPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { locality } = await requireLocalityAccess(slug, 'money.write', `/staff/l/${slug}/receipts/new`);
  const sources = await listSourceOptions(await getDb());
  return (
    <div className="form-page">
      <h1>Record a receipt</h1>
      <p className="lede">A payment {locality.name} received from a settlement or grant.</p>
      <ReceiptForm
        action={createReceiptAction}
        slug={locality.slug}
        localityId={locality.id}
        initialValues={{ sourceId: '', receivedOn: todayIso(), amount: '', paymentYear: '', note: '' }}
        sources={sources}
        cancelHref={`/staff/l/${locality.slug}/receipts`}
        submitLabel="Save receipt"
        boardPosts={locality.moneyNeedsApproval}
      />
    </div>
  );
}
