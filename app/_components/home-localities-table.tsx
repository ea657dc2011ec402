// Server component: one page of the localities with their totals, and the totals over ALL of them. Rendered on the
// server with no client JavaScript: sorting and paging are links and a form, answered by SQL (home-localities.ts).
import Link from 'next/link';
import type { HomeLocalities, HomeSort } from '@/lib/data/home-localities';
import { formatCents } from '@/lib/money';

const integerFormat = new Intl.NumberFormat('en-US');

interface Column {
  id: string;
  header: string;
  numeric: boolean;
  /** The sort that orders the table by this column, if any. */
  sort?: HomeSort;
}

const COLUMNS: Column[] = [
  { id: 'name', header: 'Locality', numeric: false, sort: 'name' },
  { id: 'kind', header: 'Kind', numeric: false },
  { id: 'received', header: 'Received', numeric: true, sort: 'received' },
  { id: 'allocated', header: 'Allocated', numeric: true, sort: 'allocated' },
  { id: 'spent', header: 'Spent', numeric: true, sort: 'spent' },
  { id: 'unspent', header: 'Unspent (received − spent)', numeric: true, sort: 'unspent' },
  { id: 'lines', header: 'Approved lines', numeric: true, sort: 'lines' },
  { id: 'reported', header: 'Reported', numeric: false },
];

function Money({ column, cents }: { column: string; cents: bigint }) {
  return (
    <td data-column={column} data-cents={cents.toString()} className="cell--money">
      {formatCents(cents)}
    </td>
  );
}

function Count({ column, value }: { column: string; value: number }) {
  return (
    <td data-column={column} data-value={String(value)} className="cell--number">
      {integerFormat.format(value)}
    </td>
  );
}

export function HomeLocalitiesTable({
  data,
  fiscalYear,
  sort,
  caption,
}: {
  data: HomeLocalities;
  fiscalYear: number;
  sort: HomeSort;
  caption: string;
}) {
  const { rows, all } = data;
  return (
    <div className="data-table-block">
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table className="data-table" data-testid="localities-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.id}
                  scope="col"
                  data-column={column.id}
                  className={column.numeric ? 'th--end' : undefined}
                  aria-sort={column.sort === sort ? (sort === 'name' ? 'ascending' : 'descending') : undefined}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS.length} className="table-empty">
                  No locality matches.
                </td>
              </tr>
            ) : (
              rows.map((l) => {
                const reported = l.approvedLines > 0;
                return (
                  <tr key={l.id}>
                    <td data-column="name" className="cell--link">
                      <Link href={`/l/${l.slug}?fy=${fiscalYear}`}>{l.name}</Link>
                    </td>
                    <td data-column="kind" className="cell--text">
                      {l.kind[0]!.toUpperCase() + l.kind.slice(1)}
                    </td>
                    <Money column="received" cents={l.receivedCents} />
                    <Money column="allocated" cents={l.allocatedCents} />
                    <Money column="spent" cents={l.spentCents} />
                    <Money column="unspent" cents={l.receivedCents - l.spentCents} />
                    <Count column="lines" value={l.approvedLines} />
                    <td data-column="reported" className="cell--status">
                      <span className={`status status--${reported ? 'ok' : 'warn'}`}>
                        <span className="status__icon" aria-hidden="true">
                          {reported ? '✓' : '⚠'}
                        </span>
                        {reported ? 'Reported' : 'Not reported'}
                      </span>
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
          {all.localities > 0 ? (
            <tfoot>
              <tr>
                <th scope="row" data-column="name">
                  All localities ({integerFormat.format(all.localities)})
                </th>
                <td data-column="kind" className="cell--text" />
                <Money column="received" cents={all.receivedCents} />
                <Money column="allocated" cents={all.allocatedCents} />
                <Money column="spent" cents={all.spentCents} />
                <Money column="unspent" cents={all.receivedCents - all.spentCents} />
                <Count column="lines" value={all.approvedLines} />
                <td data-column="reported" className="cell--status" />
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </div>
  );
}
