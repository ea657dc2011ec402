import Link from 'next/link';
import { SimpleTable, TableScroll } from '../_components/simple-table';
import type { AuditRow } from './audit-view';

const COLUMNS = ['When (UTC)', 'Who', 'Record', 'Action', 'Change', 'Reason', 'Locality'];

/** The log's rows, newest first. Filtered to one record, the rows drop their "(history)" links: they would lead here. */
export function AuditTable({ rows, oneRecord }: { rows: readonly AuditRow[]; oneRecord: boolean }) {
  return (
    <TableScroll label="Audit log entries">
      <SimpleTable className="data-table audit-table" testId="audit-log" caption="Audit log entries, newest first" captionHidden columns={COLUMNS}>
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
      </SimpleTable>
    </TableScroll>
  );
}
