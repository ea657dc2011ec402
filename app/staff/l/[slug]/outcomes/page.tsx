import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusNotice } from '@/app/staff/_components/list-page';
import { SimpleTable } from '@/app/staff/_components/simple-table';
import { can } from '@/lib/auth/authorize';
import { listOutcomePrograms, listStaffOutcomes } from '@/lib/data/staff-outcomes';
import { describeMeasure, MEASURE_KEYS, MEASURES } from '@/lib/outcomes/measures';
import { EDITABLE_STATUSES } from '@/lib/services/outcomes/status';
import { formatPeriod } from '@/lib/views/outcomes-view';
import { decideOutcomeAction, recordOutcomeAction, submitOutcomeAction } from './actions';
import { OutcomeForm } from './outcome-form';
import { OutcomeReviewForm } from './outcome-review-form';
import { openLocalityPage, type LocalityRoute } from '../_lib/locality-page';

export const metadata: Metadata = { title: 'Program outcomes' };

const DONE: Record<string, string> = {
  saved: 'Outcome saved as a draft.',
  changed: 'Changes saved.',
  submitted: 'Outcome submitted to the board.',
  decided: 'Decision saved.',
  deleted: 'Outcome deleted; it stays in the history.',
};

/** What each program reports it did: record an outcome, submit it, and (the board) approve or return it. */
export default async function StaffOutcomesPage(route: LocalityRoute) {
  const { actor, locality, query, db } = await openLocalityPage(route, 'outcomes');
  const [outcomes, programs] = await Promise.all([
    listStaffOutcomes(db, { localityId: locality.id }),
    listOutcomePrograms(db, { localityId: locality.id }),
  ]);
  const done = query.done;
  const notice = typeof done === 'string' ? DONE[done] : undefined;
  const mayWrite = can(actor, 'money.write', locality.id);
  const maySubmit = can(actor, 'allocation.submit', locality.id);
  const mayDecide = can(actor, 'allocation.decide', locality.id);

  return (
    <div>
      <h1>Program outcomes</h1>
      <p className="lede">
        What each program reports it did — people served, naloxone kits, placements — for a period, with its source.
        An outcome is public once the board approves it; the <Link href={`/l/${locality.slug}`}>public page</Link>{' '}
        shows it beside what the program spent, with the cost per unit.
      </p>
      {notice ? <StatusNotice>{notice}</StatusNotice> : null}
      {mayWrite ? (
        <section aria-labelledby="record-outcome-heading">
          <h2 id="record-outcome-heading">Record an outcome</h2>
          <p>
            Or bring in a program&rsquo;s report as it is:{' '}
            <Link href={`/staff/l/${locality.slug}/import?kind=outcomes`}>import a spreadsheet of outcomes</Link>.
          </p>
          <OutcomeForm
            action={recordOutcomeAction}
            slug={locality.slug}
            localityId={locality.id}
            programs={programs.map((p) => ({ id: p.id, label: `${p.program} (FY${p.fiscalYear}, ${p.status})` }))}
            measures={MEASURE_KEYS.map((key) => ({ key, label: MEASURES[key].label }))}
          />
        </section>
      ) : null}
      <section aria-labelledby="outcomes-list-heading">
        <h2 id="outcomes-list-heading">Outcomes</h2>
        {outcomes.length === 0 ? (
          <p>No outcome recorded yet.</p>
        ) : (
          <div className="table-scroll">
            <SimpleTable
              className="data-table"
              testId="staff-outcomes-table"
              caption={<>Outcomes of {locality.name}, newest period first</>}
              columns={['Program', 'Measure', 'How many', 'Period', 'Source', 'Status', 'Next step']}
            >
              {outcomes.map((outcome) => {
                const { label, unit } = describeMeasure(outcome);
                const title = `${outcome.program}, ${label}, ${formatPeriod(outcome.periodStart, outcome.periodEnd)}`;
                const canSubmit = maySubmit && (outcome.status === 'draft' || outcome.status === 'returned');
                const canDecide = mayDecide && outcome.status === 'submitted';
                const canEdit = mayWrite && EDITABLE_STATUSES.includes(outcome.status);
                return (
                  <tr key={outcome.id}>
                    <td>
                      {canEdit ? (
                        <Link href={`/staff/l/${locality.slug}/outcomes/${outcome.id}/edit`} aria-label={`Edit ${title}`}>
                          {outcome.program}
                        </Link>
                      ) : (
                        outcome.program
                      )}
                    </td>
                    <td>{label}</td>
                    <td>
                      {outcome.units.toLocaleString('en-US')} ({unit})
                    </td>
                    <td>{formatPeriod(outcome.periodStart, outcome.periodEnd)}</td>
                    <td>{outcome.source}</td>
                    <td>
                      {outcome.status}
                      {outcome.status === 'returned' && outcome.decisionReason ? `: ${outcome.decisionReason}` : ''}
                    </td>
                    <td>
                      {canSubmit ? (
                        <OutcomeReviewForm action={submitOutcomeAction} slug={locality.slug} id={outcome.id} version={outcome.version} kind="submit" title={title} />
                      ) : canDecide ? (
                        <OutcomeReviewForm action={decideOutcomeAction} slug={locality.slug} id={outcome.id} version={outcome.version} kind="decide" title={title} />
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </SimpleTable>
          </div>
        )}
      </section>
    </div>
  );
}
