import type { Metadata } from 'next';
import { StatusNotice } from '@/app/staff/_components/list-page';
import { SimpleTable, TableScroll, type TableColumn } from '@/app/staff/_components/simple-table';
import { can } from '@/lib/auth/authorize';
import { getReconciliation, listExpectedPaymentRevisions, listSettlementOptions, OVERDUE_AFTER_DAYS } from '@/lib/data/reconciliation';
import { todayIso } from '@/lib/fiscal-year';
import { recordExpectedPaymentAction } from './actions';
import { ExpectedPaymentForm } from './expected-payment-form';
import { reconciliationTableRows, revisionGroups } from './_lib/settlement-view';
import { openLocalityPage, type LocalityRoute } from '../_lib/locality-page';

export const metadata: Metadata = { title: 'Settlements: expected and received' };

const RECONCILIATION_COLUMNS: readonly (string | TableColumn)[] = [
  'Settlement',
  'Payment year',
  { label: 'Expected', className: 'num' },
  { label: 'Received', className: 'num' },
  { label: 'Difference', className: 'num' },
  'Status',
  'Expected on',
  { label: 'Estimate', className: 'cell--text' },
];

const REVISION_COLUMNS: readonly (string | TableColumn)[] = ['Estimated on', { label: 'Amount', className: 'num' }, 'Expected on', 'Source', 'Recorded by', 'Current'];

export default async function SettlementsPage(route: LocalityRoute) {
  const { actor, locality, query, db } = await openLocalityPage(route, 'settlements');
  const { saved } = query;
  const today = todayIso();
  const [reconciliation, revisions, settlements] = await Promise.all([
    getReconciliation(db, { localityId: locality.id, asOf: today }),
    listExpectedPaymentRevisions(db, { localityId: locality.id }),
    listSettlementOptions(db),
  ]);
  const rows = reconciliationTableRows(reconciliation);
  const groups = revisionGroups(revisions);
  const mayWrite = can(actor, 'money.write', locality.id);

  return (
    <>
      <h1>Settlements: expected and received</h1>
      <p className="lede">
        What each settlement should pay {locality.name} for each payment year, from the latest estimate, against the
        receipts recorded for it. A payment still missing {OVERDUE_AFTER_DAYS} days after its expected date is overdue.
      </p>
      {saved ? <StatusNotice>Estimate recorded.</StatusNotice> : null}

      <h2 id="reconciliation">Reconciliation as of {today}</h2>
      {rows.length === 0 ? (
        <p>No expected payments or settlement receipts yet.</p>
      ) : (
        <TableScroll labelledBy="reconciliation">
          <SimpleTable className="data-table" caption="Expected and received, by settlement and payment year" columns={RECONCILIATION_COLUMNS}>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.settlement}</th>
                <td>{row.paymentYear}</td>
                <td className="num">{row.expected}</td>
                <td className="num">{row.received}</td>
                <td className="num">{row.difference}</td>
                <td>{row.overdue ? <strong>{row.status}</strong> : row.status}</td>
                <td>{row.expectedOn}</td>
                <td className="cell--text">{row.estimate}</td>
              </tr>
            ))}
          </SimpleTable>
        </TableScroll>
      )}
      <p className="muted">
        Receipts that name no payment year are listed under the fiscal year they were received in. Interest, grants and
        other revenue are not reconciled.
      </p>

      {mayWrite ? (
        <>
          <h2 id="record">Record an estimate</h2>
          <p>Each estimate is kept; the newest (by its date) is the one reconciled.</p>
          <ExpectedPaymentForm action={recordExpectedPaymentAction} slug={locality.slug} localityId={locality.id} settlements={settlements} today={today} />
        </>
      ) : null}

      <h2 id="history">Estimate history</h2>
      {groups.length === 0 ? (
        <p>No estimates recorded yet.</p>
      ) : (
        groups.map((group) => (
          <section key={group.key} aria-labelledby={`history-${group.key}`}>
            <h3 id={`history-${group.key}`}>{group.title}</h3>
            <SimpleTable className="data-table" columns={REVISION_COLUMNS}>
              {group.revisions.map((revision) => (
                <tr key={revision.id}>
                  <td>{revision.estimatedOn}</td>
                  <td className="num">{revision.amount}</td>
                  <td>{revision.expectedOn}</td>
                  <td>{revision.source}</td>
                  <td>{revision.recordedBy}</td>
                  <td>{revision.current ? 'Current' : 'Earlier'}</td>
                </tr>
              ))}
            </SimpleTable>
          </section>
        ))
      )}
    </>
  );
}
