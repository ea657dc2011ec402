import type { ReactNode } from 'react';
import { formatCents } from '@/lib/money';

/**
 * The staff pages' plain tables (the lists with paging and filters are `ServerDataTable`): a caption, a row of
 * column headers, the body the page draws, and a foot when there are totals. A wide table scrolls inside its own
 * region (`TableScroll`), which a keyboard can reach to scroll it.
 */

export interface TableColumn {
  label: ReactNode;
  className?: string;
  /** The test hook of the column's cells (`data-column`). */
  column?: string;
  /** Read by a screen reader only (a column of buttons: "Actions"). */
  hidden?: boolean;
}

export function TableHead({ columns }: { columns: readonly (string | TableColumn)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((spec, index) => {
          const column = typeof spec === 'string' ? { label: spec } : spec;
          return (
            <th key={index} scope="col" className={column.className} data-column={column.column}>
              {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

export function SimpleTable({
  className,
  testId,
  caption,
  captionHidden = false,
  columns,
  foot,
  children,
}: {
  className?: string;
  testId?: string;
  caption?: ReactNode;
  /** A caption for screen readers only, where the heading above already says it. */
  captionHidden?: boolean;
  columns: readonly (string | TableColumn)[];
  /** The `<tfoot>` (totals). */
  foot?: ReactNode;
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <table className={className} data-testid={testId}>
      {caption !== undefined ? <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption> : null}
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
      {foot}
    </table>
  );
}

/** A table wider than the page scrolls in this region, named by `label` or by the heading `labelledBy`. */
export function TableScroll({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/** The one row of a table with nothing to list. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="table-empty">
        {children}
      </td>
    </tr>
  );
}

/** The last column of a list whose rows have buttons or links: its header is for screen readers only. */
export const ACTIONS_COLUMN: TableColumn = { label: 'Actions', hidden: true };

/** An amount in a table: formatted from integer cents, which stay on the cell for tests and scripts (`data-cents`). */
export function MoneyCell({ cents }: { cents: bigint }) {
  return (
    <td className="cell--money" data-cents={cents.toString()}>
      {formatCents(cents)}
    </td>
  );
}
