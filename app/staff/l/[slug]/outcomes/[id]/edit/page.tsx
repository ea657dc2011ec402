import type { Metadata } from 'next';
import { DeleteRecordForm } from '@/app/_components/forms/delete-record-form';
import { requireEditableRecord } from '@/app/_lib/require-staff';
import { outcomeFormValues, readOutcomeSnapshot } from '@/lib/data/outcome-snapshots';
import { listOutcomePrograms } from '@/lib/data/staff-outcomes';
import { MEASURE_KEYS, MEASURES } from '@/lib/outcomes/measures';
import { EDITABLE_STATUSES } from '@/lib/services/outcomes/status';
import { formatPeriod } from '@/lib/views/outcomes-view';
import { deleteOutcomeAction, recordOutcomeAction } from '../../actions';
import { OutcomeForm } from '../../outcome-form';
import { FormPage } from '@/app/staff/_components/form-page';
import { editedRecordOf } from '../../../_lib/record-of';

export const metadata: Metadata = { title: 'Edit outcome' };

/**
 * A draft or returned outcome, opened for changes or to be deleted. Once submitted or approved it is the board's:
 * the page says so instead of showing a form (the verbs refuse it too).
 */
export default async function EditOutcomePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { locality, db, snapshot } = await requireEditableRecord(slug, id, `/staff/l/${slug}/outcomes/${id}/edit`, readOutcomeSnapshot);
  const listHref = `/staff/l/${locality.slug}/outcomes`;
  const period = formatPeriod(snapshot.periodStart, snapshot.periodEnd);
  if (!EDITABLE_STATUSES.includes(snapshot.status)) {
    return (
      <FormPage
        title={<>Outcome of {snapshot.allocation.program}</>}
        lede={
          <>
            {period} · {snapshot.status}. Only draft and returned outcomes can be changed or deleted; this one is with the board or
            decided. <a href={listHref}>Back to the outcomes</a>
          </>
        }
      />
    );
  }
  const programs = await listOutcomePrograms(db, { localityId: locality.id });
  return (
    <FormPage
      title="Edit outcome"
      lede={
        <>
          {snapshot.allocation.program} · {period} · {snapshot.status}
          {snapshot.status === 'returned' && snapshot.decisionReason ? ` by the board: ${snapshot.decisionReason}` : ''} · version {snapshot.version}
        </>
      }
    >
      <OutcomeForm
        action={recordOutcomeAction}
        {...editedRecordOf(locality, snapshot)}
        initialValues={outcomeFormValues(snapshot)}
        programs={programs.map((p) => ({ id: p.id, label: `${p.program} (FY${p.fiscalYear}, ${p.status})` }))}
        measures={MEASURE_KEYS.map((key) => ({ key, label: MEASURES[key].label }))}
        cancelHref={listHref}
      />
      <DeleteRecordForm key={snapshot.version} action={deleteOutcomeAction} slug={locality.slug} id={snapshot.id} version={snapshot.version} what="outcome" />
    </FormPage>
  );
}
