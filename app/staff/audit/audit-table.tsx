import Link from 'next/link';
import type { AuditRow } from './audit-view';

/** The log's rows, newest first. Filtered to one record, the rows drop their "(history)" links: they would lead here. */
export function AuditTable({ rows, oneRecord }: { rows: readonly AuditRow[]; oneRecord: boolean }) {
  return (
    <div className="table-scroll" role="region" aria-label="Audit log entries" tabIndex={0}>
      <table className="data-table audit-table" data-testid="audit-log">
        <caption className="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">Record</th>
            <th scope="col">Action</th>
            <th scope="col">Change</th>
            <th scope="col">Reason</th>
            <th scope="col">Locality</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="audit-table__when">{row.when.replace(' UTC', '')}</td>
              <td>{row.who}</td>
              <td>
                {row.recordHref ? <Link href={row.recordHref}>{row.record}</Link> : row.record}
                {oneRecord ? null : (
                  <>
                    {' '}
                    <Link href={row.historyHref} className="audit-table__history" aria-label={`History of ${row.record}`}>
                      (history)
                    </Link>
                  </>
                )}
              </td>
              <td>{row.action}</td>
              <td>{row.change}</td>
              <td>{row.reason}</td>
              <td>{row.locality}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
