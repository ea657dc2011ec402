// Server-compatible (no 'use client'): the parts every table of figures shares, client (DataTable, LinesTable,
// ServerDataTable) or server (the money-in, decisions, home and compare tables). Attributes are written only where
// given: a server component's markup travels again in the page's flight data.
import type { ComponentProps, ReactNode } from 'react';

/**
 * A table in its own scrolling region, so a wide table scrolls sideways on a phone and not the page; the region is
 * named (`label`, the caption by default) and focusable, so a keyboard can scroll it. The <table>'s own attributes
 * (className, data-testid, role) pass through. A table whose rows are laid out as cards on phones (display: block)
 * takes role="table" and explicit roles on its rows and cells (EmptyTableRow `cardRoles`): without them some
 * browsers strip its table semantics.
 */
export function ScrollTable({
  caption,
  label,
  children,
  ...table
}: {
  caption: string;
  /** The region's name, where it is not the caption. */
  label?: string;
  /** The table's head, body and foot. */
  children: ReactNode;
} & Omit<ComponentProps<'table'>, 'children'>) {
  return (
    <div className="table-scroll" role="region" aria-label={label ?? caption} tabIndex={0}>
      <table {...table}>
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

const ROW = { role: 'row' } as const;
const CELL = { role: 'cell' } as const;
const NONE = {} as const;

/** The one row of a table with no rows: `children` says why, across all `colSpan` columns. */
export function EmptyTableRow({ colSpan, cardRoles = false, children }: { colSpan: number; cardRoles?: boolean; children: ReactNode }) {
  return (
    <tr {...(cardRoles ? ROW : NONE)}>
      <td {...(cardRoles ? CELL : NONE)} colSpan={colSpan} className="table-empty">
        {children}
      </td>
    </tr>
  );
}

/**
 * The body of a table laid out as cards on phones (ScrollTable with role="table"): its rows, each drawn by `children`
 * (with its own key and role="row"), or the one row that says why there are none, all with explicit roles.
 */
export function CardTableBody<Row>({
  rows,
  colSpan,
  empty,
  children,
}: {
  rows: readonly Row[];
  colSpan: number;
  empty: ReactNode;
  children: (row: Row) => ReactNode;
}) {
  return (
    <tbody role="rowgroup">
      {rows.length === 0 ? (
        <EmptyTableRow colSpan={colSpan} cardRoles>
          {empty}
        </EmptyTableRow>
      ) : (
        rows.map((row) => children(row))
      )}
    </tbody>
  );
}

export type SortDirection = false | 'asc' | 'desc';

/** A column header's aria-sort for its sort state. */
export function ariaSortOf(sorted: SortDirection): 'ascending' | 'descending' | undefined {
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
}

/** The arrow beside a sortable header: ▲ ascending, ▼ descending, ↕ not sorted by it. Decoration only. */
export function SortIcon({ state }: { state: SortDirection }) {
  return (
    <span className="sort-icon" aria-hidden="true">
      {state === 'asc' ? '▲' : state === 'desc' ? '▼' : '↕'}
    </span>
  );
}
