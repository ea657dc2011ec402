import { SimpleTable } from '@/app/staff/_components/simple-table';
import type { HistoryEntry } from '@/lib/data/staff-allocation-history';

/** Every change to the line from the audit log, each with its reason and what it changed (a creation lists nothing). */
export function AllocationHistory({ history }: { history: readonly HistoryEntry[] }) {
  return (
    <section aria-labelledby="history-heading" className="section">
      <h2 id="history-heading">History</h2>
      <p className="muted">Every change, from the audit log, which nobody can edit or delete.</p>
      <ol className="history" data-testid="allocation-history">
        {history.map((entry) => (
          <li key={entry.id} className="history__entry" data-action={entry.action}>
            <p className="history__summary">
              <strong>{entry.actionLabel}</strong> by {entry.who} <span className="muted">at {entry.at}</span>
            </p>
            {entry.reason ? <p className="history__reason">Reason: {entry.reason}</p> : null}
            {entry.changes.length > 0 && entry.action !== 'create' ? <HistoryChanges changes={entry.changes} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function HistoryChanges({ changes }: { changes: HistoryEntry['changes'] }) {
  return (
    <SimpleTable className="data-table history__changes" caption="What changed" captionHidden columns={['Field', 'Before', 'After']}>
      {changes.map((change) => (
        <tr key={change.field} data-field={change.field}>
          <th scope="row">{change.label}</th>
          <td>{change.before || '—'}</td>
          <td>{change.after || '—'}</td>
        </tr>
      ))}
    </SimpleTable>
  );
}
